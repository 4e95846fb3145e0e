// The shape of the page state (each history entry also keeps `error`, its E: state/step-error.js; `edit`, the change
// made there: edit/change.js; `trained`, true for the entry a training run ended on; `change`, the latest change):
// { status, presetId, loads, document, labels, history: [{document, position, trace, next}],
//   cursor: {step, event}, playing, quiz, check, variants,
//   settings: {decimals, speed, view, graph, theme, language, why, quiz} }
// history[k] is one step: document/position, the engine's state before it; trace, what it did; next, the state after
// it. Entries follow one another step by step, except after a training run, which is one entry however many steps it
// trained (so cursor.step is an index into history; the step's own number is history[k].position.step); follows:
// true when the step follows from the one before. Far from the cursor, trace and next.document are null, and so is
// document except at checkpoints (actions.js thins them and has them computed again on return).
// document: the network as it was opened (a load), not as training has changed it.
import { emptyQuiz } from '../quiz/state.js';

export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4];
export const VIEWS = ['scalar', 'matrix'];
/** The graph card's views: the neurons, the operations (a scalar autograd graph), or both, one under the other. */
export const GRAPH_VIEWS = ['neurons', 'operations', 'both'];
export const THEMES = ['auto', 'light', 'dark'];
export { QUIZ_SETS } from '../quiz/questions.js';

// language: null until an instance resolves it (its option, else the browser's). why: the formula card's "Why?"
// line is open (an instance outside the full page starts with it closed: mount.js). quiz: 'off', or the set of
// numbers the learner is asked to predict before they are shown (quiz/questions.js).
export const DEFAULT_SETTINGS = Object.freeze({
  decimals: 3,
  speed: 1,
  view: 'scalar',
  graph: 'neurons',
  theme: 'auto',
  language: null,
  why: true,
  quiz: 'off',
});

/** variants: the names of the variants compared with the step (state/variants.js), in the engine's order. */
export function createInitialState(settings = {}, variants = []) {
  return {
    status: 'loading',
    presetId: null,
    loads: 0, // documents opened so far: a new one redraws everything
    document: null,
    labels: null,
    history: [],
    cursor: { step: 0, event: 0 },
    playing: false,
    change: null, // the latest change a learner made: {what, effect, cursor} (fresh while the cursor is that one)
    quiz: emptyQuiz(), // the learner's answers to the quiz's questions (quiz/state.js)
    check: null, // the gradient check shown on the graph: {entry, byName: {w1: {numeric, relativeDifference}}}
    variants, // the variants of the step compared beside it: ['output-first', …] (the engine computes them)
    settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}
