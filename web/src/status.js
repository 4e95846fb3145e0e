// A banner for what the engine refused outside an edit (a step that diverged, a failed load).
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
    show(message) {
      text.textContent = message;
      element.hidden = false;
    },
    hide,
  };
}
