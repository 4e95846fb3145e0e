// The "Why?" line: for one trace event, the reason behind its calculation in one to three sentences, for a
// learner who has just read "Backpropagation step by step". Pure: it chooses strings (i18n keys `why.*`) and
// fills them with the event's own numbers and signs; every number comes from the trace, JS only formats it.
import { formatNumber } from '../format/number.js';
import { errorEvent } from '../formula/context.js';

/** 'negative', 'positive' or 'zero': the sign of a number from the trace, as a key suffix. */
export function signOf(value) {
  if (value < 0) return 'negative';
  if (value > 0) return 'positive';
  return 'zero';
}

const UPDATE_DIRECTION = { negative: 'up', positive: 'down', zero: 'still' };

const REASONS = {
  input(event) {
    return [['why.input', { sample: String(event.sample + 1) }]];
  },
  forward(event, { outputNames, t }) {
    const name = event.name;
    const parts = [[event.bias ? 'why.forward.sumBias' : 'why.forward.sum', { name }]];
    if (event.activation === 'linear') parts.push(['why.forward.linear', { name }]);
    else
      parts.push([
        'why.forward.activation',
        { name, activation: t(`build.activation.${event.activation}`), z: event.z, value: event.a },
      ]);
    if (outputNames.includes(name)) parts.push(['why.forward.output', { name }]);
    return parts;
  },
  error(event) {
    if (event.outputs.length > 1) return [['why.error.multi', {}]];
    const [output] = event.outputs;
    return [['why.error', { name: output.name, difference: output.difference }]];
  },
  delta(event) {
    const name = event.name;
    if (event.output)
      return [
        ['why.delta.output', { name }],
        [`why.delta.${signOf(event.delta)}`, { name, value: event.delta }],
      ];
    const dests = event.terms.map((term) => term.dest);
    const parts = [['why.delta.hidden', { name, dests: dests.join(', ') }]];
    if (event.derivative === 0) parts.push(['why.delta.blocked', { name }]); // (a hidden delta's sign: its gradients)
    return parts;
  },
  gradient(event) {
    const name = event.parameter;
    const sign = [`why.gradient.${signOf(event.gradient)}`, { name, value: event.gradient }];
    if (event.type === 'bias') return [['why.gradient.bias', { name, dest: event.destName }], sign];
    return [['why.gradient.weight', { name, dest: event.destName, source: event.sourceName, input: event.a }], sign];
  },
  update(event, { batchSize }) {
    const name = event.parameter;
    const parts = [
      [`why.update.${UPDATE_DIRECTION[signOf(event.gradient)]}`, { name, gradient: event.gradient }],
      ['why.update.rate', { rate: event.learningRate }],
    ];
    if (batchSize > 1) parts.push(['why.update.batch', { count: String(batchSize) }]);
    return parts;
  },
  result(event, { events }) {
    const before = errorEvent(events, event.sample);
    if (event.error === null) return [['why.result.overflow', {}]];
    if (!before) return [['why.result.same', { value: event.error }]];
    const change = signOf(event.error - before.total);
    const key = { negative: 'why.result.lower', positive: 'why.result.higher', zero: 'why.result.same' }[change];
    return [[key, { old: before.total, value: event.error }]];
  },
};

/**
 * The reasons for an event, as [key, params] pairs (numbers still numbers), or [] for an unknown kind.
 * context: { t, outputNames, events (the step's trace events), batchSize }.
 */
export function whyParts(event, context) {
  const reason = REASONS[event?.kind];
  return reason ? reason(event, context) : [];
}

/**
 * The "Why?" line for an event: its sentences in the translator's language, numbers at `decimals`. A sentence with a
 * number that is null (the quiz's question, before it is answered: quiz/questions.js) is left out.
 */
export function explainWhy(event, context) {
  const { t, decimals } = context;
  const format = (value) => (typeof value === 'number' ? formatNumber(value, decimals, t.decimalSeparator) : value);
  return whyParts(event, context)
    .filter(([, params]) => !Object.values(params).includes(null)) // a number the quiz has not shown yet
    .map(([key, params]) => t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, format(v)]))))
    .join(' ');
}
