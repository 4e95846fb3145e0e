// The formula card's "Why?" line: a disclosure button (aria-expanded; open or closed is a setting, remembered with
// the others) and, while open, the reason behind the event on screen in words (narration/why.js).
import { h } from '../dom.js';
import { explainWhy } from '../narration/why.js';

export function createWhyLine({ actions, t, uid }) {
  const id = uid('why');
  const text = h('p', { class: 'why-text', id, 'data-testid': 'why-text' });
  const toggle = h(
    'button',
    { type: 'button', class: 'why-toggle', 'aria-controls': id, 'aria-expanded': 'false', 'data-testid': 'why-toggle' },
    [h('span', { class: 'why-chevron', 'aria-hidden': 'true' }), h('span', { text: t('why.toggle') })],
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    actions.setSetting('why', open);
    // Where the reason is out of sight (under the formula in a phone's scrolling card), it comes into view.
    if (open) requestAnimationFrame(() => text.scrollIntoView({ block: 'nearest' }));
  });

  /** Shows the reason for `event` (context: narration/why.js), or only the button while closed. */
  function show(event, context, open) {
    toggle.setAttribute('aria-expanded', String(open));
    text.hidden = !open;
    text.textContent = open ? explainWhy(event, context) : '';
  }
  return { toggle, text, show };
}
