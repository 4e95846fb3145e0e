// The quiz box in the formula card ("Predict, then reveal"): with the quiz on, each number of the chosen set is asked
// before it is shown. The learner types a value (inputmode=decimal: a phone's numeric keyboard; "0,85" and "−0.11"
// are read too), Enter checks it; a wrong answer opens the hint (quiz/hint.js: the formula, then one number more per
// Hint press), Reveal shows the engine's number, and Enter once answered goes on to the next question. The score of
// the step (right at the first try / asked) sits in the box's head. The toggle is quiz/toggle.js.
import { h } from '../dom.js';
import { currentEntry } from '../state/selectors.js';
import { QUIZ_SETS, questionName } from './questions.js';
import { answerAt, isPending, questionAt, stepScore } from './state.js';
import { quizFeedback } from './sentence.js';
import { hintLines } from './hint.js';
import { loadKatex, renderLines } from '../formula/katex-render.js';

const SETS = QUIZ_SETS.filter((set) => set !== 'off');

/** The hint's lines for the question at the cursor (every number from the trace). */
function hintsAt(state) {
  const entry = currentEntry(state);
  const event = entry.trace.events[state.cursor.event];
  return hintLines(event, {
    decimals: state.settings.decimals,
    events: entry.trace.events,
    singleOutput: state.labels.neurons.at(-1).length === 1,
    batchSize: entry.document.batchSize ?? 1,
  });
}

/** Fills the quiz's place (`element`, from quiz/toggle.js, which shows and hides it) with the box. */
export function mountQuiz(element, { store, actions, t, uid }) {
  const setChoice = h(
    'select',
    {
      class: 'quiz-set',
      id: uid('quiz-set'),
      'data-testid': 'quiz-set',
      onchange: (event) => actions.setSetting('quiz', event.target.value),
    },
    SETS.map((set) => h('option', { value: set, text: t(`quiz.set.${set}`) })),
  );
  const score = h('span', { class: 'quiz-score', 'data-testid': 'quiz-score' });
  const question = h('label', { class: 'quiz-question', for: uid('quiz-input'), 'data-testid': 'quiz-question' });
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'quiz-input',
    id: uid('quiz-input'),
    'aria-describedby': uid('quiz-feedback'),
    'data-testid': 'quiz-input',
  });
  // aria-disabled, not disabled: a button that has just been pressed keeps the focus (and the instance its keys).
  const button = (name, onclick) =>
    h('button', {
      type: 'button',
      class: `quiz-button quiz-${name}`,
      'data-testid': `quiz-${name}`,
      text: t(`quiz.${name}`),
      onclick: (event) => {
        if (event.currentTarget.getAttribute('aria-disabled') !== 'true') onclick();
      },
    });
  const able = (element, on) => element.setAttribute('aria-disabled', String(!on));
  const check = button('check', () => submit());
  const hint = button('hint', () => actions.moreHint(hintsAt(store.get()).length));
  const reveal = button('reveal', () => actions.revealAnswer());
  const next = button('next', () => actions.nextQuestion());
  const feedback = h('p', { class: 'quiz-feedback', id: uid('quiz-feedback'), 'data-testid': 'quiz-feedback' });
  const hints = h('ol', { class: 'quiz-hints', 'aria-label': t('quiz.hintLabel'), 'data-testid': 'quiz-hints' });
  element.setAttribute('aria-labelledby', uid('quiz-title'));
  element.append(
    h('div', { class: 'quiz-head' }, [
      h('h3', { class: 'quiz-title', id: uid('quiz-title'), text: t('quiz.title') }),
      score,
      h('span', { class: 'quiz-set-field' }, [
        h('label', { for: uid('quiz-set'), class: 'quiz-set-label', text: t('quiz.set') }),
        setChoice,
      ]),
    ]),
    question,
    h('div', { class: 'quiz-answer' }, [input, check, hint, reveal, next]),
    feedback,
    hints,
  );

  let refused = ''; // the text that could not be read as a number, until the next check or move
  function submit() {
    const state = store.get();
    if (!isPending(state)) {
      actions.nextQuestion(); // answered (or nothing to ask here): Enter goes on
      return;
    }
    const result = actions.checkAnswer(input.value);
    refused = result && !result.ok ? t('quiz.refused') : '';
    if (refused) render();
  }
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    submit();
  });

  function renderHints(state, shown) {
    const lines = shown > 0 ? hintsAt(state).slice(0, shown) : [];
    hints.hidden = lines.length === 0;
    hints.replaceChildren(
      ...lines.map((tex) => {
        const item = h('li', { class: 'quiz-hint-line' });
        renderLines(item, [tex]);
        return item;
      }),
    );
    if (lines.length && hints.querySelector('.is-pending')) loadKatex().then(() => render());
    return lines.length;
  }

  let cursor = null;
  function render() {
    const state = store.get();
    const set = state.settings.quiz;
    if (set === 'off' || !currentEntry(state)) return;
    setChoice.value = set;
    if (state.cursor !== cursor) {
      cursor = state.cursor;
      input.value = '';
      refused = '';
    }
    const { right, asked } = stepScore(state);
    score.textContent = t('quiz.badge', { right, asked });
    score.title = t('quiz.score', { right, asked });
    score.setAttribute('aria-label', t('quiz.score', { right, asked }));
    const asking = questionAt(state);
    const answer = answerAt(state);
    const pending = isPending(state);
    question.textContent = asking ? t('quiz.ask', { name: questionName(asking, t) }) : t('quiz.none');
    input.readOnly = !pending; // Enter goes on from an answered question or a frame without one
    able(check, pending);
    able(reveal, pending);
    const feedbackOf = quizFeedback(state, t);
    feedback.textContent = refused || (feedbackOf.key === 'quiz.said.ask' ? t('quiz.keys') : feedbackOf.text);
    feedback.dataset.verdict = refused ? 'refused' : (answer?.last ?? 'none');
    const total = asking ? hintsAt(state).length : 0;
    const shown = renderHints(state, asking ? (answer?.hints ?? 0) : 0);
    able(hint, Boolean(asking) && shown < total);
  }

  store.subscribe((state, previous) => {
    if (
      state.cursor !== previous.cursor ||
      state.quiz !== previous.quiz ||
      state.history !== previous.history ||
      state.settings.quiz !== previous.settings.quiz ||
      state.settings.decimals !== previous.settings.decimals
    )
      render();
  });
  render();
  return { render };
}
