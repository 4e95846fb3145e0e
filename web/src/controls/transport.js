// Play/pause, step back and forward, reset, skip to the end of the step. Buttons stay
// focusable when unavailable (aria-disabled), so keyboard focus is never lost.
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { isAtStart } from '../state/selectors.js';

export function mountTransport(container, { store, actions, t }) {
  const button = (id, iconName, action, extraClass = '') => {
    const element = h(
      'button',
      { type: 'button', class: `tbtn ${extraClass}`, 'data-testid': id, 'aria-keyshortcuts': t(`shortcut.${id}`) },
      [icon(iconName), h('span', { class: 'tbtn-label' })],
    );
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') !== 'true') action();
    });
    return element;
  };
  const reset = button('reset', 'reset', actions.reset);
  const back = button('step-back', 'stepBack', actions.stepBack);
  const play = button('play', 'play', actions.togglePlay, 'tbtn-primary');
  const forward = button('step-forward', 'stepForward', actions.stepForward);
  const end = button('skip-end', 'skipEnd', actions.skipToEnd);
  const group = h('div', { class: 'transport', role: 'group', 'aria-label': t('transport.label') }, [
    reset,
    back,
    play,
    forward,
    end,
  ]);
  container.append(group);

  const label = (element, key) => {
    const text = t(key);
    element.setAttribute('aria-label', text);
    element.title = `${text} (${t(`shortcut.${element.dataset.testid}.name`)})`;
    element.querySelector('.tbtn-label').textContent = text;
  };

  function render(state) {
    const atStart = isAtStart(state);
    reset.setAttribute('aria-disabled', String(atStart));
    back.setAttribute('aria-disabled', String(atStart));
    label(reset, 'transport.reset');
    label(back, 'transport.back');
    label(forward, 'transport.forward');
    label(end, 'transport.end');
    label(play, state.playing ? 'transport.pause' : 'transport.play');
    play.replaceChild(icon(state.playing ? 'pause' : 'play'), play.querySelector('svg'));
    play.classList.toggle('is-playing', state.playing);
  }

  store.subscribe((state, previous) => {
    if (state.cursor !== previous.cursor || state.playing !== previous.playing) render(state);
  });
  render(store.get());
  return { element: group, play };
}
