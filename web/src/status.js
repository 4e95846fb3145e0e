// A banner for what the engine refused outside an edit (a step that diverged, a failed load), or a notice.
import { h } from './dom.js';

export function createStatusBanner(element, t) {
  const text = h('p', { class: 'status-text', 'data-testid': 'status-text' });
  const dismiss = h('button', { type: 'button', class: 'status-dismiss', text: t('status.dismiss') });
  element.append(text, dismiss);
  const hide = () => {
    element.hidden = true;
  };
  dismiss.addEventListener('click', hide);
  return {
    /** A refusal or a failure. */
    show(message) {
      text.textContent = message;
      element.classList.remove('is-note');
      element.hidden = false;
    },
    /** A plain notice ("link copied"). */
    note(message) {
      text.textContent = message;
      element.classList.add('is-note');
      element.hidden = false;
    },
    hide,
    /** Hides the notice `message`, if it is still the one shown; says whether it did. */
    hideNote(message) {
      const shown = !element.hidden && element.classList.contains('is-note') && text.textContent === message;
      if (shown) hide();
      return shown;
    },
  };
}
