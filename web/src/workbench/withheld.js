// A workbench tab that shows all of the step's numbers at once (the gradient check, the variants) holds them back
// while the quiz still has a question of that step to ask (quiz/state.js's stepQuestionsLeft: the one at the cursor
// or one ahead): a note in their place, and the tab's content back once the step's questions are done or the quiz is
// off.
import { h } from '../dom.js';
import { stepQuestionsLeft } from '../quiz/state.js';

/** Mounts the tab into a box of `panel` beside the note; what `mount(box)` returned. */
export function mountWithheld(panel, { store, t }, mount) {
  const note = h('p', { class: 'train-hint quiz-withheld', 'data-testid': 'quiz-withheld', hidden: true });
  const box = h('div', { class: 'withheld-box' });
  panel.append(note, box);
  const made = mount(box);
  function show() {
    const withheld = stepQuestionsLeft(store.get());
    note.textContent = withheld ? t('quiz.withheld') : '';
    note.hidden = !withheld;
    box.hidden = withheld;
  }
  store.subscribe((state, previous) => {
    if (state.cursor !== previous.cursor || state.quiz !== previous.quiz || state.settings !== previous.settings)
      show();
  });
  show();
  return made;
}
