// Names that link a number in a formula or sentence to its place in the graph:
// "n:h1" neuron, "w:w1" weight, "b:b1" bias, "t:o1" target, "d:o1" difference (Δ),
// "e" the error E, "r:o1" / "r:E" the prediction and error after the update, "eta" η.

export const ref = {
  neuron: (name) => `n:${name}`,
  weight: (name) => `w:${name}`,
  bias: (name) => `b:${name}`,
  parameter: (type, name) => (type === 'bias' ? `b:${name}` : `w:${name}`),
  target: (name) => `t:${name}`,
  difference: (name) => `d:${name}`,
  error: () => 'e',
  result: (name) => `r:${name}`,
  rate: () => 'eta',
};

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
        subjects: [ref.error(), ...event.outputs.map((output) => ref.difference(output.name))],
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
