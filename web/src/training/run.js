// One training run, chunk by chunk, on an engine that holds the document: the same loop in the Web Worker and, where
// no worker can start (a page opened from file://, an element hosted on another origin), on the page itself.
// Between chunks it yields, so a cancel (or the page) gets its turn; each chunk lasts about CHUNK_MS.
import { EngineError } from '../engine/engine.js';

const CHUNK_MS = 40;

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Trains `epochs` epochs from the engine's document and position (or until an epoch's mean error is below
 * `stopBelow` > 0), calling onChunk({ document, position, epochs, meanErrors, epochsDone, rate }) after each chunk.
 * Resolves to { reason: 'done' | 'target' | 'cancelled' | 'refused', message? }. A refused chunk (training
 * diverged) leaves the engine at the end of the chunk before it: the last finite state.
 */
export async function runTraining(
  engine,
  { epochs, stopBelow = 0 },
  { onChunk, cancelled, now = () => performance.now() },
) {
  const startEpoch = engine.position().epoch;
  let done = 0;
  let size = 1;
  const started = now();
  while (done < epochs) {
    if (cancelled()) return { reason: 'cancelled' };
    const chunk = Math.min(size, epochs - done);
    const before = now();
    let curve;
    try {
      curve = engine.trainCurve(chunk, { stopBelow });
    } catch (error) {
      if (error instanceof EngineError) return { reason: 'refused', message: error.message };
      throw error;
    }
    const spent = Math.max(1, now() - before);
    const position = engine.position();
    done = position.epoch - startEpoch;
    const reached = stopBelow > 0 && curve.steps > 0 && curve.meanErrors.at(-1) < stopBelow;
    onChunk({
      document: engine.document(),
      position,
      epochs: curve.epochs,
      meanErrors: curve.meanErrors,
      epochsDone: done,
      rate: (1000 * done) / Math.max(1, now() - started),
    });
    if (reached) return { reason: 'target' };
    size = Math.max(1, Math.min(Math.round((chunk * CHUNK_MS) / spent), 100000));
    await pause();
  }
  return { reason: 'done' };
}
