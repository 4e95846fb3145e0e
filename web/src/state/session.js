// The engine side of time travel. Every step is computed by the engine from a stored
// (document, position); afterwards the engine is put back to the state before the step on
// screen, so it always agrees with what the learner sees.
import { stepError } from './step-error.js';

export function createSession(engine) {
  function compute(document, position) {
    engine.restore(document, position);
    try {
      const trace = engine.step();
      const next = { document: engine.document(), position: engine.position() };
      return { document, position, trace, next, error: stepError(trace) };
    } finally {
      engine.restore(document, position);
    }
  }

  return {
    /** Loads a document, at `position` if given (throws EngineError if invalid), and computes that step. */
    open(document, position = null) {
      if (position) engine.restore(document, position);
      else engine.load(document);
      const start = { document: engine.document(), position: engine.position() };
      return { labels: engine.labels(), entry: compute(start.document, start.position) };
    },
    /** Computes the step that starts from (document, position); throws EngineError if refused. */
    compute,
    /** Computes the step after a history entry. */
    continueAfter(entry) {
      return compute(entry.next.document, entry.next.position);
    },
    /** Runs f(engine) on the engine put at the start of `entry`, and puts it back there after. */
    withEntry(entry, f) {
      engine.restore(entry.document, entry.position);
      try {
        return f(engine);
      } finally {
        engine.restore(entry.document, entry.position);
      }
    },
    /** The trace of the step that starts at `entry` as the variant `names` (comma-separated) computes it. */
    traceVariant(entry, names) {
      engine.restore(entry.document, entry.position);
      return engine.traceVariant(names); // the engine does not move: it stays at the start of the entry
    },
    /** Puts the engine at the start of a history entry (time travel). */
    sync(entry) {
      engine.restore(entry.document, entry.position);
    },
  };
}
