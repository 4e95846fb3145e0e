// The learner's actions while the engine loads (state/first-view.js): the ones that need it (a step past the first
// one, an edit …) hit the stand-in session's EngineLoading before they change anything. waiting(name, args) says what
// to answer ({ result }) and what to do once the engine is here ({ retry }: a function, or null).
import { EngineLoading } from './first-view.js';

/** Returns { actions (the same names), engineReady() (ends the wait and runs the last retry kept, if any) }. */
export function waitForEngine(actions, waiting) {
  let loading = true;
  let retry = null;
  const wrap =
    (name, action) =>
    (...args) => {
      if (!loading) return action(...args);
      try {
        return action(...args);
      } catch (error) {
        if (!(error instanceof EngineLoading)) throw error;
        const answer = waiting(name, args);
        if (answer.retry) retry = answer.retry; // the last action that is to happen once the engine is here
        return answer.result;
      }
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
