// The learner's actions while the engine loads (state/first-view.js): the ones that need it (a step past the first
// one, an edit …) hit the stand-in session's EngineLoading before they change anything. wait(name, args) says what
// to answer ({ result }) and what to do once the engine is here ({ retry }: a function, or null). The last retry is
// kept; a later action that is done at once and moves the learner elsewhere (place() changes: a pause, another frame,
// the other example; not a setting) drops it, and cancelled() is told.
import { EngineLoading } from './first-view.js';

/** Returns { actions (the same names), engineReady() (ends the wait and runs the retry kept, if any) }. */
export function waitForEngine(actions, { wait, place, cancelled = () => {} }) {
  let loading = true;
  let retry = null;
  const wrap =
    (name, action) =>
    (...args) => {
      if (!loading) return action(...args);
      const before = place();
      let result;
      try {
        result = action(...args);
      } catch (error) {
        if (!(error instanceof EngineLoading)) throw error;
        const answer = wait(name, args);
        if (answer.retry) retry = answer.retry; // the last action that is to happen once the engine is here
        return answer.result;
      }
      if (retry && place() !== before) {
        retry = null; // the learner has gone elsewhere since
        cancelled();
      }
      return result;
    };
  return {
    actions: Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, wrap(name, action)])),
    engineReady() {
      loading = false;
      const kept = retry;
      retry = null;
      kept?.();
    },
  };
}
