// The plain-text sentence of the current step: the visible caption under the formula, a caption in the control
// bar (on a phone, where the formula is below the fold; hidden from readers), and the announcer — one
// visually hidden aria-live region at the instance's root, outside every part an embed may leave out, so
// screen-reader users follow along whatever is shown. Right after a learner changes something (an edit, a shape or
// data change), all three say the change and its effect instead (change-sentence.js), until the cursor moves.
// With the quiz on, the number asked for is "?" until answered, and the announcer says the question or the judgment.
import { h } from '../dom.js';
import { currentEntry, currentEvent } from '../state/selectors.js';
import { narrate } from './narrate.js';
import { changeSentence } from './change-sentence.js';
import { visibleEvents } from '../quiz/state.js';
import { quizFeedback } from '../quiz/sentence.js';

/** The change just made, while the learner has not moved since (state.change keeps the cursor it was made at). */
export const freshChange = (state) => (state.change && state.change.cursor === state.cursor ? state.change : null);

export function mountNarration(container, { store, t, mirror = null, announcer }) {
  const sentence = h('p', { class: 'narration-text', 'data-testid': 'narration' });
  const label = h('span', { class: 'narration-label', text: t('narration.label'), 'aria-hidden': 'true' });
  const element = h('div', { class: 'narration' }, [label, sentence]);
  // Where the sentence is cut to a few lines (a phone's page), a tap shows it whole; its tooltip has it too.
  element.addEventListener('click', () => element.classList.toggle('is-whole'));
  container.append(element);

  function render(state) {
    const entry = currentEntry(state);
    if (!entry) return;
    const change = freshChange(state);
    sentence.textContent = change
      ? changeSentence(change, { t, decimals: state.settings.decimals })
      : narrate(visibleEvents(state, entry.trace.events)[state.cursor.event] ?? currentEvent(state), {
          decimals: state.settings.decimals,
          t,
          events: visibleEvents(state, entry.trace.events),
          outputNames: state.labels.neurons.at(-1),
        });
    label.textContent = t(change ? 'change.label' : 'narration.label');
    element.title = sentence.textContent;
    element.classList.remove('is-whole');
    element.classList.toggle('is-change', Boolean(change));
    sentence.dataset.change = change ? 'true' : 'false';
    if (mirror) {
      mirror.textContent = sentence.textContent;
      mirror.classList.toggle('is-change', Boolean(change));
    }
    // The quiz's question or judgment first (with the step's score), then the sentence, its number masked until then.
    const quiz = change ? null : quizFeedback(state, t);
    const said = quiz?.key && quiz.key !== 'quiz.said.ask' ? `${quiz.text} ${quiz.score}` : (quiz?.text ?? '');
    announcer.textContent = said ? `${said} ${sentence.textContent}` : sentence.textContent;
  }

  store.subscribe((state, previous) => {
    if (
      state.cursor !== previous.cursor ||
      state.history !== previous.history ||
      state.change !== previous.change ||
      state.quiz !== previous.quiz ||
      state.settings.quiz !== previous.settings.quiz ||
      state.settings.decimals !== previous.settings.decimals
    )
      render(state);
  });
  render(store.get());
  return { element };
}
