// The quiz in the page state: state.settings.quiz is the set asked for (questions.js: off, forward, backward, all);
// state.quiz.answers holds what the learner did at each question of this visit, keyed "step:event" (history index
// and frame): { tries, firstRight (the first check was right: what the score counts), solved, revealed, hints,
// last ('right', 'wrong' or 'revealed'), typed (the text of the last check) }. Opening another network, an edit or
// a training run starts the answers afresh.
import { currentEntry, currentEvent } from '../state/selectors.js';
import { judge } from './judge.js';
import { maskedEvent, questionOf } from './questions.js';

export const emptyQuiz = () => ({ answers: {} });

const keyOf = (cursor) => `${cursor.step}:${cursor.event}`;

/** The question at the cursor (questions.js), or null: the quiz is off, or the frame asks nothing of its set. */
export function questionAt(state) {
  const set = state.settings.quiz ?? 'off';
  if (set === 'off') return null;
  return questionOf(currentEvent(state), set, state.settings.decimals);
}

/** What the learner did at the cursor's question, or null. */
export const answerAt = (state) => state.quiz?.answers[keyOf(state.cursor)] ?? null;

/** True while the question at the cursor waits for its answer: its number is masked everywhere. */
export function isPending(state) {
  const answer = answerAt(state);
  return Boolean(questionAt(state)) && !(answer?.solved || answer?.revealed);
}

/** The score of the step on screen: questions asked (checked or revealed) and those right at the first try. */
export function stepScore(state) {
  const prefix = `${state.cursor.step}:`;
  let asked = 0;
  let right = 0;
  for (const [key, answer] of Object.entries(state.quiz?.answers ?? {})) {
    if (!key.startsWith(prefix)) continue;
    asked += 1;
    if (answer.firstRight) right += 1;
  }
  return { right, asked };
}

const blank = { tries: 0, firstRight: false, solved: false, revealed: false, hints: 0, last: null, typed: '' };

/** The state with the cursor's answer changed by `change(answer)`. */
function withAnswer(state, change) {
  const key = keyOf(state.cursor);
  const answer = change(state.quiz.answers[key] ?? blank);
  return { ...state, quiz: { ...state.quiz, answers: { ...state.quiz.answers, [key]: answer } } };
}

/**
 * The learner's answer `text` checked: { state (the next one), result } where result is judge.js's ({ ok, right,
 * answer } or { ok: false, reason }), or null with no question at the cursor. A wrong answer opens the first hint
 * line; a question already revealed is judged but no longer changes the score.
 */
export function checkAnswer(state, text) {
  const question = questionAt(state);
  if (!question) return { state, result: null };
  const result = judge(text, question);
  if (!result.ok) return { state, result };
  const next = withAnswer(state, (answer) => ({
    ...answer,
    tries: answer.tries + 1,
    firstRight: answer.tries === 0 && !answer.revealed ? result.right : answer.firstRight,
    solved: answer.solved || result.right,
    hints: result.right ? answer.hints : Math.max(answer.hints, 1),
    last: result.right ? 'right' : 'wrong',
    typed: String(text),
  }));
  return { state: next, result };
}

/** One more hint line shown (at most `lines`). */
export function moreHint(state, lines) {
  if (!questionAt(state)) return state;
  return withAnswer(state, (answer) => ({ ...answer, hints: Math.min(lines, answer.hints + 1) }));
}

/** The engine's number shown without an answer: the question counts as asked, not right. */
export function revealAnswer(state) {
  if (!questionAt(state)) return state;
  return withAnswer(state, (answer) => ({ ...answer, revealed: true, last: answer.solved ? answer.last : 'revealed' }));
}

/**
 * The events of the step on screen as the learner may see them: with the cursor's question waiting for its answer,
 * its event without the answer (questions.js: every formatter writes "?").
 */
export function visibleEvents(state, events) {
  if (!isPending(state)) return events;
  const index = state.cursor.event;
  return events.map((event, k) => (k === index ? maskedEvent(event) : event));
}

/**
 * True while the quiz still has a question of the step on screen to ask that `asks(question)` accepts: at a frame
 * ahead of the cursor, or at the cursor and waiting for its answer.
 */
function askedLater(state, asks) {
  const set = state.settings.quiz ?? 'off';
  const events = currentEntry(state)?.trace?.events;
  if (set === 'off' || !events) return false;
  const { event: at } = state.cursor;
  return events.some((event, index) => {
    const question = questionOf(event, set, 0);
    return Boolean(question) && asks(question) && (index > at || (index === at && isPending(state)));
  });
}

/** True while the quiz still has to ask for the error E of the step on screen: the step strip keeps that E to itself. */
export const stepErrorHidden = (state) => askedLater(state, (question) => question.kind === 'error');

/**
 * True while the quiz still has any question of the step on screen to ask: what shows the whole step at once (the
 * Gradient check and Variants tabs, the exported worked solution) holds its numbers back until then.
 */
export const stepQuestionsLeft = (state) => askedLater(state, () => true);
