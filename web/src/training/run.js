// One training run, chunk by chunk, on an engine that holds the document: the same loop in the Web Worker and, where
// no worker can start (a page opened from file://, an element hosted on another origin), on the page itself.
// Between chunks it yields, so a cancel (or the page) gets its turn; each chunk lasts about CHUNK_MS. The engine keeps
// a run to whole epochs (a run that starts mid-epoch finishes it first), so each curve point is one epoch.
import { EngineError, documentText } from '../engine/engine.js';

const CHUNK_MS = 40;
// How often the trained document crosses back: with every chunk while it is small (so a cancel keeps what the last
// chunk reached), else every STATE_MS (the page shows it a few times a second).
const STATE_MS = 200;
const SMALL_DOCUMENT = 64 * 1024; // bytes of JSON

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Trains `epochs` epochs from the engine's document and position (or until an epoch's mean error is below
 * `stopBelow` > 0), calling onChunk({ epochs, meanErrors, epochsDone, rate, state? }) after each chunk, where `state`
 * ({ document, position }) comes every STATE_MS and with the last chunk. Resolves to { reason: 'done' | 'target' |
 * 'cancelled' | 'refused', message?, state? }: a refused chunk (training diverged) leaves the engine at the end of
 * the chunk before it, the last finite state, which comes with the refusal.
 */
export async function runTraining(
  engine,
  { epochs, stopBelow = 0 },
  { onChunk, cancelled, now = () => performance.now() },
) {
  const startEpoch = engine.position().epoch;
  const started = now();
  let small = true; // the document as last sent was small
  const state = () => {
    const document = engine.document();
    small = documentText(document).length < SMALL_DOCUMENT;
    return { document, position: engine.position() };
  };
  let done = 0;
  let size = 1;
  let stateAt = started;
  while (done < epochs) {
    if (cancelled()) return { reason: 'cancelled' };
    const chunk = Math.min(size, epochs - done);
    const before = now();
    let curve;
    try {
      curve = engine.trainCurve(chunk, { stopBelow });
    } catch (error) {
      if (error instanceof EngineError) return { reason: 'refused', message: error.message, state: state() };
      throw error;
    }
    const spent = Math.max(1, now() - before);
    const position = engine.position();
    done = position.epoch - startEpoch;
    const last = curve.stopped || done >= epochs;
    const due = last || small || now() - stateAt >= STATE_MS;
    if (due) stateAt = now();
    onChunk({
      epochs: curve.epochs,
      meanErrors: curve.meanErrors,
      epochsDone: Math.min(done, epochs),
      rate: (1000 * done) / Math.max(1, now() - started),
      ...(due ? { state: state() } : {}),
    });
    if (curve.stopped) return { reason: 'target' };
    size = Math.max(1, Math.min(Math.round((chunk * CHUNK_MS) / spent), 100000));
    await pause();
  }
  return { reason: 'done' };
}
