// The graph card's header: title, the document's title, the learning rate (click to edit)
// and the counter (epoch, sample, step).
import { h } from '../dom.js';
import { ordinal } from '../format/number.js';
import { currentEntry, currentEvent } from '../state/selectors.js';
import { icon } from '../icons.js';
import { ref } from '../state/refs.js';

export function createGraphHeader({ t, uid }) {
  const docTitle = h('p', { class: 'doc-title', 'data-testid': 'doc-title' });
  const etaValue = h('span', { class: 'eta-value', 'data-testid': 'learning-rate-value' });
  const eta = h(
    'button',
    {
      type: 'button',
      class: 'eta-button is-editable',
      'data-ref': ref.rate(),
      'data-testid': 'learning-rate',
    },
    [
      h('span', { class: 'eta-symbol', text: 'η' }),
      h('span', { class: 'eta-equals', text: '=' }),
      etaValue,
      icon('edit', 'icon icon-small'),
    ],
  );
  const counter = h('p', { class: 'counter', 'data-testid': 'counter', 'aria-live': 'off' });
  const element = h('div', { class: 'card-head graph-head' }, [
    h('div', { class: 'card-titles' }, [
      h('h2', { id: uid('graph-title'), class: 'card-title', text: t('graph.title') }),
      docTitle,
    ]),
    h('div', { class: 'graph-head-tools' }, [eta, counter]),
  ]);
  return { element, docTitle, eta, etaValue, counter };
}

function counterParts(state, t) {
  const entry = currentEntry(state);
  const event = currentEvent(state);
  const sample = event?.sample ?? entry.trace.samples[0] ?? 0;
  return [
    [t('counter.epoch'), ordinal(entry.position.epoch)],
    [t('counter.sample'), t('counter.of', { index: ordinal(sample), count: entry.document.samples.length })],
    [t('counter.step'), ordinal(entry.position.step)],
  ];
}

export function updateGraphHeader(header, state, { format, t }) {
  const entry = currentEntry(state);
  header.docTitle.textContent = entry.document.title ?? '';
  header.etaValue.textContent = format(entry.document.learningRate);
  header.eta.setAttribute(
    'aria-label',
    `${t('edit.aria.rate', { value: format(entry.document.learningRate) })} ${t('edit.aria.hint')}`,
  );
  header.counter.replaceChildren(
    ...counterParts(state, t).flatMap(([label, value], index) => [
      ...(index > 0 ? [h('span', { class: 'counter-sep', 'aria-hidden': 'true', text: '·' })] : []),
      h('span', { class: 'counter-part' }, [
        h('span', { class: 'counter-label', text: label }),
        h('span', { class: 'counter-value', text: value }),
      ]),
    ]),
  );
}
