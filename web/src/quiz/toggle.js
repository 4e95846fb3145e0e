// The quiz's toggle, at the end of the formula card's caption line, and the (empty, hidden) place of its box: the box
// itself (quiz/panel.js) is its own chunk, loaded the first time the quiz is on and mounted into that place.
import { h } from '../dom.js';
import { mountLater } from '../component/later.js';

export function mountQuizToggle({ store, actions, t, uid, scope }) {
  const quizOn = () => store.get().settings.quiz !== 'off';
  let lastSet = quizOn() ? store.get().settings.quiz : 'all'; // what the toggle turns on
  const toggle = h('button', {
    type: 'button',
    class: 'quiz-toggle',
    'aria-pressed': 'false',
    'aria-controls': uid('quiz'),
    'data-testid': 'quiz-toggle',
    text: t('quiz.toggle'),
    onclick: () => actions.setSetting('quiz', quizOn() ? 'off' : lastSet),
  });
  const element = h('section', { class: 'quiz', id: uid('quiz'), hidden: true });

  let box = null;
  function show() {
    const on = quizOn();
    if (on) lastSet = store.get().settings.quiz;
    toggle.setAttribute('aria-pressed', String(on));
    element.hidden = !on;
    if (on)
      box ??= mountLater(
        scope,
        Promise.resolve(),
        () => import('./panel.js'),
        ({ mountQuiz }) => mountQuiz(element, { store, actions, t, uid }),
      );
  }
  store.subscribe((state, previous) => {
    if (state.settings.quiz !== previous.settings.quiz) show();
  });
  show();
  return { toggle, element };
}
