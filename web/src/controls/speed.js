// Playback speed, 0.25× to 4×.
import { h } from '../dom.js';
import { SPEEDS } from '../state/initial.js';

export function mountSpeed(container, { store, actions, t, uid }) {
  const select = h(
    'select',
    { id: uid('speed'), 'data-testid': 'speed' },
    SPEEDS.map((speed) => h('option', { value: String(speed), text: t('speed.option', { speed }) })),
  );
  select.addEventListener('change', () => actions.setSetting('speed', Number(select.value)));
  const field = h('label', { class: 'field speed-field', for: uid('speed') }, [
    h('span', { class: 'field-label', text: t('speed.label') }),
    select,
  ]);
  container.append(field);
  const render = (state) => {
    select.value = String(state.settings.speed);
  };
  store.subscribe((state, previous) => {
    if (state.settings.speed !== previous.settings.speed) render(state);
  });
  render(store.get());
  return { element: field, select };
}
