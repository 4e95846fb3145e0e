// The learner's actions while the engine loads (state/first-view.js): the ones that need it (a step past the first
// one, an edit …) hit the stand-in session's EngineLoading before they change anything. What they answer: an edit,
// that it could not be made yet (the editor says so); anything else is kept, with a note, and done once the engine is
// here; a play stays playing and goes on then. Only the last one is kept, and a later action that is done at once and
// moves the learner elsewhere (a pause, another frame, the other example; not a setting) drops it and the note. If
// the engine could not start, each says so instead.
import { EngineLoading } from './first-view.js';

/**
 * Wraps `actions` for the time the engine loads. context: { store, t, status() (the instance's status banner, null
 * before it is built), failure() (why the engine could not start, or null), noteHidden() (told when the loading note
 * goes) }. Returns { actions (the same names), engineReady() (ends the wait and runs the kept action, if any) }.
 */
export function waitForEngine(actions, { store, t, status, failure, noteHidden = () => {} }) {
  let loading = true;
  let retry = null;
  const place = () => {
    const { loads, history, cursor, playing } = store.get();
    return `${loads}|${history.length}|${cursor.step}|${cursor.event}|${playing}`;
  };
  const hideNote = () => {
    if (status()?.hideNote(t('status.engineLoading'))) noteHidden();
  };

  /** What an action that met the wait answers ({ result }), and what is kept for the engine ({ retry }). */
  function wait(name, args) {
    const failed = failure() && t('status.engineFailed', { message: failure() });
    if (name === 'edit') return { result: { ok: false, message: failed || t('edit.refused.loading') }, retry: null };
    const { playing } = store.get(); // a play (Play, the space key, the player's next frame)
    if (failed) {
      if (playing) store.update((state) => ({ ...state, playing: false }));
      status()?.show(failed);
      return { result: false, retry: null };
    }
    status()?.note(t('status.engineLoading'));
    if (playing) return { result: false, retry: () => store.get().playing && actions.advance() };
    return { result: false, retry: () => actions[name](...args) };
  }

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
        hideNote();
      }
      return result;
    };
  return {
    actions: Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, wrap(name, action)])),
    engineReady() {
      loading = false;
      hideNote();
      const kept = retry;
      retry = null;
      kept?.();
    },
  };
}
