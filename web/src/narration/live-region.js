// The plain-text sentence of the current step: the visible caption under the formula, a caption in the control
// bar (on a phone, where the formula is below the fold; hidden from readers), and the announcer — one
// visually hidden aria-live region at the instance's root, outside every part an embed may leave out, so
// screen-reader users follow along whatever is shown.
import { h } from '../dom.js';
import { currentEntry, currentEvent } from '../state/selectors.js';
import { narrate } from './narrate.js';

export function mountNarration(container, { store, t, mirror = null, announcer }) {
  const sentence = h('p', { class: 'narration-text', 'data-testid': 'narration' });
  const element = h('div', { class: 'narration' }, [
    h('span', { class: 'narration-label', text: t('narration.label'), 'aria-hidden': 'true' }),
    sentence,
  ]);
  container.append(element);

  function render(state) {
    const entry = currentEntry(state);
    if (!entry) return;
    sentence.textContent = narrate(currentEvent(state), {
      decimals: state.settings.decimals,
      t,
      events: entry.trace.events,
      outputNames: state.labels.neurons.at(-1),
    });
    if (mirror) mirror.textContent = sentence.textContent;
    announcer.textContent = sentence.textContent;
  }

  store.subscribe((state, previous) => {
    if (
      state.cursor !== previous.cursor ||
      state.history !== previous.history ||
      state.settings.decimals !== previous.settings.decimals
    )
      render(state);
  });
  render(store.get());
  return { element };
}
