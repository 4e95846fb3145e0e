// A short title for an event ("Neuron h1", "Gradient ∂E/∂w1" …).

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
  const [kind, name] = key.split(':');
  switch (kind) {
    case 't':
      return t('ref.target', { name });
    case 'd':
      return t('ref.difference', { name });
    case 'e':
      return t('ref.error');
    case 'eta':
      return t('ref.rate');
    case 'r':
      return t('ref.result', { name: name === 'E' ? 'E' : name });
    default:
      return name ?? key;
  }
}
