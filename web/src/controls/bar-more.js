// On a phone the control bar keeps one row of transport buttons and the phase timeline; the speed and the step
// strip wait behind this "more" button (controls.css shows them in a row of their own while it is open). On wider
// screens the button is not shown and both are always in the bar.
import { h } from '../dom.js';
import { icon } from '../icons.js';

export function mountBarMore(container, { bar, controls, t }) {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tbtn bar-more',
      'aria-expanded': 'false',
      'aria-controls': controls.map((element) => element.id).join(' '),
      'data-testid': 'bar-more',
    },
    [icon('more')],
  );
  const show = (open) => {
    bar.classList.toggle('is-more-open', open);
    button.setAttribute('aria-expanded', String(open));
    const label = t(open ? 'bar.less' : 'bar.more');
    button.setAttribute('aria-label', label);
    button.title = label;
  };
  button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
  show(false);
  container.append(button);
  return { button, show };
}
