// Play/pause, step back and forward, reset, skip to the end of the step. Buttons stay
// focusable when unavailable (aria-disabled), so keyboard focus is never lost.
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { isAtStart } from '../state/selectors.js';
import { bindingFor } from './keyboard.js';

export function mountTransport(container, { store, actions, t }) {
  // Each button does a command of the keyboard's table, whose key it names (aria-keyshortcuts, its title).
  const keyNames = new Map(); // button → the name of its key, in this language
  const button = (id, iconName, command, extraClass = '') => {
    const { aria } = bindingFor(command);
    const element = h(
      'button',
      { type: 'button', class: `tbtn ${extraClass}`, 'data-testid': id, 'aria-keyshortcuts': aria },
      [icon(iconName), h('span', { class: 'tbtn-label' })],
    );
    keyNames.set(element, t(`key.${aria}`));
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') !== 'true') actions[command]();
    });
    return element;
  };
  const reset = button('reset', 'reset', 'reset');
  const back = button('step-back', 'stepBack', 'stepBack');
  const play = button('play', 'play', 'togglePlay', 'tbtn-primary');
  const forward = button('step-forward', 'stepForward', 'stepForward');
  const end = button('skip-end', 'skipEnd', 'skipToEnd');
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
    element.title = `${text} (${keyNames.get(element)})`;
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
