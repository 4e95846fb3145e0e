// Which numbers the quiz asks for: one per event of the sets below, the number the event is about (what the graph,
// the formula's result and the narration show once it is answered). The engine computed it; nothing here does math.
//   forward: a neuron's value (forward) and the error E (error)
//   backward: a delta (delta), a gradient (gradient) and a new parameter (update)
import { changeDecimals } from '../format/change.js';
import { ref } from '../state/refs.js';

/** The quiz setting: off, or the set of quantities asked for. */
export const QUIZ_SETS = ['off', 'forward', 'backward', 'all'];

const KINDS = {
  forward: ['forward', 'error'],
  backward: ['delta', 'gradient', 'update'],
  all: ['forward', 'error', 'delta', 'gradient', 'update'],
};

/** The event field that holds the answer, per event kind. */
export const ANSWER_FIELD = { forward: 'a', error: 'total', delta: 'delta', gradient: 'gradient', update: 'new' };

/**
 * The question an event asks in a set: { kind, ref, part (what of the graph element is masked: value, delta,
 * gradient, updated, total), name (the quantity, for sentences: h1, E, δ(h1), ∂E/∂w5, w5; an update's is said "new
 * w5": questionName), value (the engine's), decimals (those it is shown with) }, or null when the set does not ask.
 */
export function questionOf(event, set, decimals) {
  if (!event || !KINDS[set]?.includes(event.kind)) return null;
  const value = event[ANSWER_FIELD[event.kind]];
  const base = { kind: event.kind, value, decimals };
  switch (event.kind) {
    case 'forward':
      return { ...base, ref: ref.neuron(event.name), part: 'value', name: event.name };
    case 'error':
      return { ...base, ref: ref.error(), part: 'total', name: 'E' };
    case 'delta':
      return { ...base, ref: ref.neuron(event.name), part: 'delta', name: `δ(${event.name})` };
    case 'gradient':
      return {
        ...base,
        ref: ref.parameter(event.type, event.parameter),
        part: 'gradient',
        name: `∂E/∂${event.parameter}`,
      };
    case 'update':
      // An update is shown with the decimals that tell old and new apart (format/change.js): so is it judged.
      return {
        ...base,
        ref: ref.parameter(event.type, event.parameter),
        part: 'updated',
        name: event.parameter,
        decimals: changeDecimals(event.old, event.new, decimals),
      };
    default:
      return null;
  }
}

/** The event with its answer taken out (null: every formatter writes "?"), for what shows it before it is answered. */
export function maskedEvent(event) {
  const field = ANSWER_FIELD[event?.kind];
  return field ? { ...event, [field]: null } : event;
}

/** The first event index after `from` in `events` that asks a question of `set`, or -1. */
export function nextQuestionIndex(events, set, from) {
  for (let index = from + 1; index < events.length; index += 1)
    if (KINDS[set]?.includes(events[index].kind)) return index;
  return -1;
}

/** How a sentence names the quantity asked for: "h1", "δ(h1)", and "new w5" for an update. */
export const questionName = (question, t) =>
  question.kind === 'update' ? t('quiz.newValue', { name: question.name }) : question.name;
