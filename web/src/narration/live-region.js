// The plain-text sentence of the current step, in an aria-live region so screen-reader
// users follow along. It is also the visible caption under the formula, and (on a phone,
// where the formula is below the fold) a caption in the control bar, hidden from readers.
import { h } from '../dom.js';
import { currentEntry, currentEvent } from '../state/selectors.js';
import { narrate } from './narrate.js';

export function mountNarration(container, { store, t, mirror = null }) {
  const sentence = h('p', {
    class: 'narration-text',
    'data-testid': 'narration',
    'aria-live': 'polite',
    'aria-atomic': 'true',
  });
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
