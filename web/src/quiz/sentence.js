// What the quiz says, in words, at the cursor: the question while it waits ("Your turn: what is h1?"), then the
// judgment ("Right: h1 = 0.85.") and the step's score ("Score for this step: 1 right of 1 asked."). The live region
// reads both; the quiz box shows the first (its score sits in the box's head). Numbers are the engine's, formatted;
// the learner's own text is quoted as typed.
import { formatNumber } from '../format/number.js';
import { answerAt, questionAt, stepScore } from './state.js';
import { questionName } from './questions.js';

/** The feedback for the cursor's question: { key (i18n), text, score (the step's, in words) }; text '' without one. */
export function quizFeedback(state, t) {
  const question = questionAt(state);
  if (!question) return { key: null, text: '', score: '' };
  const answer = answerAt(state);
  const value = formatNumber(question.value, question.decimals, t.decimalSeparator);
  const score = t('quiz.score', stepScore(state));
  const params = { name: questionName(question, t), value, typed: answer?.typed.trim() ?? '' };
  const key =
    answer?.solved && answer.last !== 'revealed'
      ? 'quiz.said.right'
      : answer?.revealed
        ? 'quiz.said.revealed'
        : answer?.last === 'wrong'
          ? 'quiz.said.wrong'
          : 'quiz.said.ask';
  return { key, text: t(key, params), score };
}
