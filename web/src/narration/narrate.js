// One plain sentence per event, for the aria-live region and the caption under the formula
// ("h1 = 2 × 0.11 + 3 × 0.21 = 0.85"). Numbers come from the event; strings from i18n.
import { formatFactor, formatNumber } from '../format/number.js';
import { errorEvent } from '../formula/context.js';

function product(a, b, decimals) {
  return `${formatFactor(a, decimals)} × ${formatFactor(b, decimals)}`;
}

const SAYERS = {
  input(event, { f, t }) {
    return t('say.input', {
      sample: event.sample + 1,
      inputs: event.inputs.map((item) => `${item.name} = ${f(item.value)}`).join(', '),
      targets: event.targets.map((item) => `${item.name} = ${f(item.value)}`).join(', '),
    });
  },
  forward(event, { f, t, decimals }) {
    const parts = event.terms.map((term) => product(term.a, term.w, decimals));
    if (event.bias) parts.push(formatFactor(event.bias.value, decimals));
    const sum = parts.join(' + ');
    if (event.activation === 'linear') return t('say.forward', { name: event.name, sum, value: f(event.a) });
    return t('say.forwardActivation', { name: event.name, sum, z: f(event.z), activation: t(`activation.${event.activation}`), value: f(event.a) });
  },
  error(event, { f, t, decimals }) {
    const parts = event.outputs.map((output) => t('say.errorOutput', { name: output.name, prediction: f(output.prediction), target: f(output.target), difference: f(output.difference) }));
    if (event.outputs.length === 1) return t('say.error', { outputs: parts.join(' '), error: f(event.total) });
    const squares = event.outputs.map((output) => `${formatFactor(output.difference, decimals)}²`).join(' + ');
    return t('say.error.multi', { outputs: parts.join(' '), squares, error: f(event.total) });
  },
  delta(event, { f, t, decimals }) {
    if (event.output) return t('say.deltaOutput', { name: event.name, difference: formatFactor(event.difference, decimals), derivative: formatFactor(event.derivative, decimals), value: f(event.delta) });
    const terms = event.terms.map((term) => product(term.w, term.delta, decimals)).join(' + ');
    return t('say.deltaHidden', { name: event.name, derivative: f(event.derivative), terms, value: f(event.delta) });
  },
  gradient(event, { f, t, decimals }) {
    if (event.type === 'bias') return t('say.gradientBias', { name: event.parameter, dest: event.destName, delta: f(event.delta), value: f(event.gradient) });
    return t('say.gradient', { name: event.parameter, dest: event.destName, source: event.sourceName, values: product(event.delta, event.a, decimals), value: f(event.gradient) });
  },
  update(event, { f, t, decimals }) {
    return t('say.update', { name: event.parameter, old: f(event.old), rate: f(event.learningRate), gradient: formatFactor(event.gradient, decimals), value: f(event.new) });
  },
  result(event, { f, t, events, outputNames }) {
    const before = errorEvent(events, event.sample);
    const predictions = event.prediction.map((value, k) => t('say.resultOutput', { name: outputNames[k], value: f(value), old: before ? f(before.outputs[k].prediction) : '?' })).join(', ');
    return t('say.result', { predictions, error: f(event.error), old: before ? f(before.total) : '?' });
  },
};

/** The sentence for an event (context: {decimals, t, events, outputNames}). */
export function narrate(event, context) {
  const sayer = SAYERS[event?.kind];
  if (!sayer) return '';
  const f = (value) => formatNumber(value, context.decimals);
  return sayer(event, { ...context, f });
}
