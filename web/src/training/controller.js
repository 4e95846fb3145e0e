// The training of one instance: its runs, its loss curve and where the last run ended. It lives as long as the
// instance (a language switch rebuilds the panels, not this), and the train panel draws it.
//
// A run trains from the step on screen; the network on screen follows it a few times a second as one history entry
// after that step (stepping afterwards shows the trained network; step back goes to before the run). The learner
// stepping or editing during a run cancels it, keeping what was reached. Another network cancels it and clears the
// curve.
import { currentEntry } from '../state/selectors.js';
import { createCurve } from './curve-model.js';
import { createTrainer } from './trainer.js';

// How often the network on screen follows a run: every LIVE_MS, or less often when showing it takes a while (a deep
// network's step has hundreds of events), so that the page keeps at least three quarters of its time.
const LIVE_MS = 250;

export function createTrainingController({ store, actions }) {
  const curve = createCurve();
  const listeners = new Set();
  // What the panel shows: { running, epochs, done, rate, end: { reason, message?, count } | null }.
  let status = { running: false, epochs: 0, done: 0, rate: 0, end: null };
  let run = null; // { after, latest, shownAt, following, expected: { history, cursor } }
  let disposed = false;
  const trainer = createTrainer({ onChunk, onEnd });

  const notify = () => listeners.forEach((listener) => listener(status));
  const setStatus = (patch) => {
    status = { ...status, ...patch };
    notify();
  };

  /** The network on screen follows `current` run (at most every LIVE_MS or so unless `force`). */
  function follow(current, force = false) {
    if (!current?.latest || disposed) return;
    const now = performance.now();
    if (!force && now - current.shownAt < Math.max(LIVE_MS, 3 * (current.showMs ?? 0))) return;
    const latest = current.latest;
    current.latest = null;
    current.following = true;
    actions.showTrained(latest, { after: current.after });
    current.following = false;
    current.shownAt = performance.now();
    current.showMs = current.shownAt - now;
    const state = store.get();
    current.expected = { history: state.history, cursor: state.cursor };
  }

  function onChunk(chunk) {
    curve.add(chunk.epochs, chunk.meanErrors);
    if (chunk.state) run.latest = chunk.state;
    follow(run);
    setStatus({ done: chunk.epochsDone, rate: chunk.rate });
  }

  // The end is said at once; the network it reached is shown in the next task (tracing its next step takes a moment).
  function onEnd({ reason, message, state }) {
    const ended = run;
    run = null;
    setStatus({ running: false, end: { reason, message, count: status.done, target: status.target } });
    if (!ended) return; // another network opened: nothing of this run is shown
    if (state) ended.latest = state;
    setTimeout(() => follow(ended, true), 0);
  }

  store.subscribe((state, previous) => {
    if (state.loads !== previous.loads) {
      run = null; // another network: this run, and the curve, are about the old one
      trainer.cancel();
      curve.clear();
      setStatus({ running: false, epochs: 0, done: 0, rate: 0, end: null });
      return;
    }
    // The learner moved or edited during the run: it stops where it is.
    if (run && !run.following && (state.history !== run.expected.history || state.cursor !== run.expected.cursor)) {
      run.latest = null; // what the learner now looks at stays on screen
      trainer.cancel();
    }
  });

  return {
    /** Trains `epochs` epochs (or until the mean error is below stopBelow > 0) from the step on screen. */
    start(epochs, stopBelow = 0) {
      if (trainer.running()) return;
      actions.pause();
      const state = store.get();
      const entry = currentEntry(state);
      // The curve keeps the epochs before the one this run starts from: training from an earlier step forgets the rest.
      curve.keepUpTo(entry.position.epoch);
      run = {
        after: state.cursor.step,
        latest: null,
        shownAt: performance.now(),
        following: false,
        expected: { history: state.history, cursor: state.cursor },
      };
      setStatus({ running: true, epochs, done: 0, rate: 0, end: null, target: stopBelow });
      trainer.start({ document: entry.document, position: entry.position, epochs, stopBelow });
    },
    cancel: () => trainer.cancel(),
    points: () => curve.points(),
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      run = null;
      trainer.dispose();
      listeners.clear();
    },
  };
}
