// The one key of every graph element (a "ref"). Graph elements carry it as data-ref, formula terms link to it,
// the error panel's cells are keyed by it, and an edit finds its value in the document from it (edit/targets.js):
// "n:h1" neuron, "w:w1" weight, "b:b1" bias, "t:o1" target, "d:o1" difference (Δ), "e:o1" an output's error,
// "e" the error E, "r:o1" / "r:E" the prediction and error after the update, "eta" the learning rate η.

export const ref = {
  neuron: (name) => `n:${name}`,
  weight: (name) => `w:${name}`,
  bias: (name) => `b:${name}`,
  parameter: (type, name) => (type === 'bias' ? `b:${name}` : `w:${name}`),
  target: (name) => `t:${name}`,
  difference: (name) => `d:${name}`,
  error: (name) => (name === undefined ? 'e' : `e:${name}`),
  result: (name) => `r:${name}`,
  rate: () => 'eta',
};

const KINDS = {
  n: 'neuron',
  w: 'weight',
  b: 'bias',
  t: 'target',
  d: 'difference',
  e: 'error',
  r: 'result',
  eta: 'rate',
};

/** A ref read back: {kind ('neuron' … 'rate'), name (null for E and η)}, or null for anything else. */
export function parseRef(key) {
  const text = String(key);
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? text : text.slice(0, colon);
  if (!Object.hasOwn(KINDS, prefix)) return null;
  const kind = KINDS[prefix];
  return { kind, name: colon < 0 ? null : text.slice(colon + 1) };
}

/** The graph elements an event is about (subjects) and the ones it reads (related). */
export function refsOf(event) {
  switch (event.kind) {
    case 'input':
      return {
        subjects: event.inputs.map((input) => ref.neuron(input.name)),
        related: event.targets.map((target) => ref.target(target.name)),
      };
    case 'forward':
      return {
        subjects: [ref.neuron(event.name)],
        related: [
          ...event.terms.flatMap((term) => [ref.weight(term.weight), ref.neuron(term.source)]),
          ...(event.bias ? [ref.bias(event.bias.name)] : []),
        ],
      };
    case 'error':
      return {
        subjects: [
          ref.error(),
          ...event.outputs.map((output) => ref.difference(output.name)),
          ...(event.outputs.length > 1 ? event.outputs.map((output) => ref.error(output.name)) : []),
        ],
        related: event.outputs.flatMap((output) => [ref.neuron(output.name), ref.target(output.name)]),
      };
    case 'delta':
      return {
        subjects: [ref.neuron(event.name)],
        related: event.output
          ? [ref.difference(event.name)]
          : event.terms.flatMap((term) => [ref.weight(term.weight), ref.neuron(term.dest)]),
      };
    case 'gradient':
      return {
        subjects: [ref.parameter(event.type, event.parameter)],
        related: [ref.neuron(event.destName), ...(event.type === 'weight' ? [ref.neuron(event.sourceName)] : [])],
      };
    case 'update':
      return { subjects: [ref.parameter(event.type, event.parameter)], related: [ref.rate()] };
    case 'result':
      return { subjects: [ref.result('E')], related: [] };
    default:
      return { subjects: [], related: [] };
  }
}

/** The index of the latest event (≤ upTo) that is about `target`, else one that reads it, else -1. */
export function latestEventFor(events, upTo, target) {
  let readsIt = -1;
  for (let index = Math.min(upTo, events.length - 1); index >= 0; index -= 1) {
    const { subjects, related } = refsOf(events[index]);
    if (subjects.includes(target)) return index;
    if (readsIt < 0 && related.includes(target)) readsIt = index;
  }
  return readsIt;
}
