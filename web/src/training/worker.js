// The training worker: the same WebAssembly engine as the page, in its own thread, so the page never freezes.
// Messages in: { type: 'train', document, position, epochs, stopBelow }. Out: { type: 'chunk', … } after each chunk
// (run.js), then { type: 'end', reason, message?, state? }; or { type: 'failed', message } if the engine cannot start
// here (the page then trains itself). The page cancels by terminating the worker.
import { BackstepEngine } from '../engine/engine.js';
import { runTraining } from './run.js';

let engine = null;

self.addEventListener('message', async ({ data }) => {
  if (data?.type !== 'train') return;
  try {
    engine ??= await BackstepEngine.create(data.document);
  } catch (error) {
    self.postMessage({ type: 'failed', message: error.message });
    return;
  }
  try {
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
