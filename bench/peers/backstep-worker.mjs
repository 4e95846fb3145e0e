// (b) The same engine inside a worker_threads Worker, timed from the main thread: every run's time includes the
// postMessage round trip, as the page's training worker pays it.
import { Worker } from 'node:worker_threads';

import { backstepDocument, documentParameters } from '../data.mjs';

export const id = 'worker';
export const label = 'backstep WASM in a Worker';
export const precision = 'float64';
export const notes = 'worker_threads; timed from the main thread (incl. postMessage)';

export async function create(problem) {
  const worker = new Worker(new URL('../worker/engine-worker.mjs', import.meta.url));
  let next = 0;
  const pending = new Map();
  worker.on('message', ({ id: callId, result, error }) => {
    const { resolve, reject } = pending.get(callId);
    pending.delete(callId);
    if (error) reject(new Error(error));
    else resolve(result);
  });
  const call = (type, argument) =>
    new Promise((resolve, reject) => {
      const callId = next++;
      pending.set(callId, { resolve, reject });
      worker.postMessage({ id: callId, type, argument });
    });
  await call('create', JSON.stringify(backstepDocument(problem)));
  return {
    reset: () => call('reset'),
    train: (epochs) => call('train', epochs),
    params: async () => documentParameters(await call('document')),
    dispose: () => worker.terminate(),
  };
}
