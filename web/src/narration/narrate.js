// One plain sentence per event, for the aria-live region and the caption under the formula
// ("h1 = 2 × 0.11 + 3 × 0.21 = 0.85"). Numbers come from the event; strings from i18n.
import { formatFactor, formatNumber } from '../format/number.js';
import { formatChange } from '../format/change.js';
import { errorEvent } from '../formula/context.js';

function product(a, b, fx) {
  return `${fx(a)} × ${fx(b)}`;
}

const SAYERS = {
  input(event, { f, t }) {
    return t('say.input', {
      sample: event.sample + 1,
      inputs: event.inputs.map((item) => `${item.name} = ${f(item.value)}`).join(t.listSeparator ?? ', '),
      targets: event.targets.map((item) => `${item.name} = ${f(item.value)}`).join(t.listSeparator ?? ', '),
    });
  },
  forward(event, { f, fx, t }) {
    const parts = event.terms.map((term) => product(term.a, term.w, fx));
    if (event.bias) parts.push(fx(event.bias.value));
    const sum = parts.join(' + ');
    if (event.activation === 'linear') return t('say.forward', { name: event.name, sum, value: f(event.a) });
    return t('say.forwardActivation', {
      name: event.name,
      sum,
      z: f(event.z),
      activation: t(`activation.${event.activation}`),
      value: f(event.a),
    });
  },
  error(event, { f, fx, t }) {
    const parts = event.outputs.map((output) =>
      t('say.errorOutput', {
        name: output.name,
        prediction: f(output.prediction),
        target: f(output.target),
        difference: f(output.difference),
      }),
    );
    if (event.outputs.length === 1) return t('say.error', { outputs: parts.join(' '), error: f(event.total) });
    const squares = event.outputs.map((output) => `${fx(output.difference)}²`).join(' + ');
    return t('say.error.multi', { outputs: parts.join(' '), squares, error: f(event.total) });
  },
  delta(event, { f, fx, t }) {
    if (event.output)
      return t('say.deltaOutput', {
        name: event.name,
        difference: fx(event.difference),
        derivative: fx(event.derivative),
        value: f(event.delta),
      });
    const terms = event.terms.map((term) => product(term.w, term.delta, fx)).join(' + ');
    return t('say.deltaHidden', { name: event.name, derivative: f(event.derivative), terms, value: f(event.delta) });
  },
  gradient(event, { f, fx, t }) {
    if (event.type === 'bias')
      return t('say.gradientBias', {
        name: event.parameter,
        dest: event.destName,
        delta: f(event.delta),
        value: f(event.gradient),
      });
    return t('say.gradient', {
      name: event.parameter,
      dest: event.destName,
      source: event.sourceName,
      values: product(event.delta, event.a, fx),
      value: f(event.gradient),
    });
  },
  update(event, { f, fx, t, pair }) {
    return t('say.update', {
      name: event.parameter,
      ...pair(event.old, event.new),
      rate: f(event.learningRate),
      gradient: fx(event.gradient),
    });
  },
  result(event, { f, t, events, outputNames }) {
    const before = errorEvent(events, event.sample);
    const predictions = event.prediction
      .map((value, k) =>
        t('say.resultOutput', {
          name: outputNames[k],
          value: f(value),
          old: before ? f(before.outputs[k].prediction) : '?',
        }),
      )
      .join(t.listSeparator ?? ', ');
    return t('say.result', { predictions, error: f(event.error), old: before ? f(before.total) : '?' });
  },
};

/** The sentence for an event (context: {decimals, t, events, outputNames}). */
export function narrate(event, context) {
  const sayer = SAYERS[event?.kind];
  if (!sayer) return '';
  const separator = context.t.decimalSeparator ?? '.';
  const f = (value) => formatNumber(value, context.decimals, separator);
  const fx = (value) => formatFactor(value, context.decimals, separator);
  const pair = (old, value) => formatChange(old, value, context.decimals, separator);
  return sayer(event, { ...context, f, fx, pair });
}
