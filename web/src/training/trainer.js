// Runs training away from the page's own engine: in a Web Worker when one can start, else on the page in chunks
// (run.js yields between them). One run at a time; cancel() answers at once (the worker is terminated; the page's
// loop stops before its next chunk), and whatever the last chunk reported stays.
import { BackstepEngine } from '../engine/engine.js';
import { runTraining } from './run.js';

function startWorker() {
  try {
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch {
    return null; // no worker here (file://, another origin, a strict policy): train on the page
  }
}

/**
 * createTrainer({ onChunk(chunk), onEnd({ reason, message? }) }) → { start(request), cancel(), running(), dispose() }.
 * request: { document, position, epochs, stopBelow }.
 */
export function createTrainer({ onChunk, onEnd }) {
  let worker = null;
  let pageEngine = null; // the fallback's own engine, apart from the page's session
  let run = 0; // the current run; a message from an earlier one is ignored
  let active = false;
  let disposed = false;

  function finish(id, end) {
    if (id !== run || !active) return;
    active = false;
    onEnd(end);
  }

  async function onPage(id, request) {
    try {
      if (!pageEngine) {
        const created = await BackstepEngine.create(request.document);
        if (pageEngine || disposed)
          created.dispose(); // another run made one meanwhile, or the instance went
        else pageEngine = created;
      }
      if (disposed || id !== run) return;
      pageEngine.restore(request.document, request.position);
      const end = await runTraining(pageEngine, request, {
        onChunk: (chunk) => id === run && onChunk(chunk),
        cancelled: () => id !== run,
      });
      finish(id, end);
    } catch (error) {
      finish(id, { reason: 'refused', message: error.message });
    }
  }

  function inWorker(id, request) {
    worker ??= startWorker();
    if (!worker) return false;
    const current = worker;
    // A worker that cannot load its module or its engine (a policy, a missing file) fails before its first
    // chunk: the page takes over the run, and no worker is tried again.
    let started = false;
    const fallBack = () => {
      if (current !== worker) return;
      current.terminate();
      worker = false;
      if (id === run && active && !started) onPage(id, request);
      else if (id === run) finish(id, { reason: 'refused', message: 'the training worker stopped' });
    };
    current.onmessage = ({ data }) => {
      if (current !== worker || id !== run) return;
      if (data.type === 'chunk') {
        started = true;
        onChunk(data);
      } else if (data.type === 'end') finish(id, data);
      else if (data.type === 'failed') fallBack();
    };
    current.onerror = (event) => {
      event.preventDefault?.();
      fallBack();
    };
    current.postMessage({ type: 'train', ...request });
    return true;
  }

  return {
    start(request) {
      run += 1;
      active = true;
      const id = run;
      if (worker === false || !inWorker(id, request)) onPage(id, request);
    },
    cancel() {
      if (!active) return;
      run += 1;
      active = false;
      if (worker) {
        worker.terminate(); // at once, whatever the worker is doing
        worker = null;
      }
      onEnd({ reason: 'cancelled' });
    },
    running: () => active,
    dispose() {
      disposed = true;
      run += 1;
      active = false;
      if (worker) worker.terminate();
      worker = null;
      pageEngine?.dispose();
      pageEngine = null;
    },
  };
}
