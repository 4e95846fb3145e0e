// A short title for an event ("Neuron h1", "Gradient ∂E/∂w1" …), and the name of a linked graph element.
import { parseRef } from '../state/refs.js';

export function eventTitle(event, t) {
  switch (event?.kind) {
    case 'input':
      return t('event.input', { sample: event.sample + 1 });
    case 'forward':
      return t('event.forward', { name: event.name });
    case 'error':
      return t('event.error');
    case 'delta':
      return t(event.output ? 'event.deltaOutput' : 'event.deltaHidden', { name: event.name });
    case 'gradient':
      return t('event.gradient', { name: event.parameter });
    case 'update':
      return t('event.update', { name: event.parameter });
    case 'result':
      return t('event.result');
    default:
      return '';
  }
}

/** How a linked graph element is named in the preview note. */
export function refLabel(key, t) {
  const { kind, name } = parseRef(key) ?? { kind: null, name: key };
  switch (kind) {
    case 'target':
      return t('ref.target', { name });
    case 'difference':
      return t('ref.difference', { name });
    case 'error':
      return name === null ? t('ref.error') : t('ref.outputError', { name });
    case 'rate':
      return t('ref.rate');
    case 'result':
      return t('ref.result', { name });
    default:
      return name;
  }
}
