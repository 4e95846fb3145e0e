// The worker of bench/peers/backstep-worker.mjs: one engine, driven by messages {id, type, argument}.
import { parentPort } from 'node:worker_threads';

import { BackstepEngine } from '../../web/src/engine/engine.js';

let engine = null;
let text = null;

const handlers = {
  async create(documentText) {
    text = documentText;
    engine = await BackstepEngine.create(text);
  },
  reset: () => engine.load(text),
  train: (epochs) => engine.train(epochs),
  document: () => engine.document(),
};

parentPort.on('message', async ({ id, type, argument }) => {
  try {
    parentPort.postMessage({ id, result: await handlers[type](argument) });
  } catch (error) {
    parentPort.postMessage({ id, error: error.message });
  }
});
