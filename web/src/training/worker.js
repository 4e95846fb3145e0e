// The training worker: the same WebAssembly engine as the page, in its own thread, so the page never freezes.
// Messages in: { type: 'train', document, position, epochs, stopBelow }. Out: { type: 'chunk', … } after each chunk
// (run.js), then { type: 'end', reason, message? }. The page cancels by terminating the worker.
import { BackstepEngine } from '../engine/engine.js';
import { runTraining } from './run.js';

let engine = null;

self.addEventListener('message', async ({ data }) => {
  if (data?.type !== 'train') return;
  try {
    if (!engine) engine = await BackstepEngine.create(data.document);
    engine.restore(data.document, data.position);
    const end = await runTraining(engine, data, {
      onChunk: (chunk) => self.postMessage({ type: 'chunk', ...chunk }),
      cancelled: () => false,
    });
    self.postMessage({ type: 'end', ...end });
  } catch (error) {
    self.postMessage({ type: 'end', reason: 'refused', message: error.message });
  }
});
