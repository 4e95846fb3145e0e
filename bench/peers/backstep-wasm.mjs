// (a) backstep's WebAssembly engine through its public JavaScript API: engine.train(epochs) on a document that
// holds the samples; reset by loading the document again (untimed).
import { BackstepEngine } from '../../web/src/engine/engine.js';
import { backstepDocument, documentParameters } from '../data.mjs';

export const id = 'wasm';
export const label = 'backstep WASM (engine.train)';
export const precision = 'float64';
export const notes = 'public JS API, one call per run';

export async function create(problem) {
  const text = JSON.stringify(backstepDocument(problem));
  const engine = await BackstepEngine.create(text);
  return {
    reset: () => engine.load(text),
    train: (epochs) => engine.train(epochs),
    params: () => documentParameters(engine.document()),
    dispose: () => engine.dispose(),
  };
}
