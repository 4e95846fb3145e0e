// The operations graph of a step (a scalar autograd graph, like micrograd's draw_dot): one node per operation
// (× for each weighted term, + for each weighted sum z, f for each activation, − for each output's difference,
// ½(·)² for its error, + for E with several outputs) and one per leaf (inputs, weights, biases, targets).
// buildOpGraph gives its shape, from the network's labels alone; opGraphAt, what the trace has said up to a frame.
// Every number is copied from the trace (or, for a weight or bias before it is used, from the document):
// none is computed here.
import { ref } from '../state/refs.js';

/** The symbol of an activation's node. */
const ACTIVATION_SYMBOLS = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', linear: 'f' };

export const nodeId = {
  input: (name) => `in:${name}`,
  weight: (name) => `w:${name}`,
  bias: (name) => `b:${name}`,
  product: (weight) => `mul:${weight}`,
  sum: (neuron) => `sum:${neuron}`,
  activation: (neuron) => `f:${neuron}`,
  target: (output) => `t:${output}`,
  difference: (output) => `diff:${output}`,
  loss: (output) => `loss:${output}`,
  total: () => 'total',
};

/** Leaves hold what the step starts from; operations, what it computes. */
export const LEAF_KINDS = new Set(['input', 'weight', 'bias', 'target']);

/**
 * The graph's shape: { nodes: [{id, kind, ref (the neuron view's key of the same quantity), name, symbol, layer,
 * neuron, column, group}], edges: [{from, to}], operations (how many operation nodes) }. Columns run left to right:
 * 0 the inputs, then per layer l the products with their weights and biases (3l − 2), the sums (3l − 1) and the
 * activations (3l, the targets beside the outputs), then the differences, the errors and E.
 */
export function buildOpGraph(labels, document) {
  const nodes = [];
  const edges = [];
  const add = (node) => nodes.push(node);
  const link = (from, to) => edges.push({ from, to });
  const layers = labels.neurons;
  const last = layers.length - 1;
  const outputs = layers[last];

  layers[0].forEach((name, neuron) =>
    add({ id: nodeId.input(name), kind: 'input', ref: ref.neuron(name), name, layer: 0, neuron, column: 0 }),
  );
  for (let l = 1; l <= last; l += 1) {
    const activation = document.layers[l]?.activation ?? 'linear';
    layers[l].forEach((name, j) => {
      const column = 3 * l - 2;
      const group = name;
      labels.weights[l - 1][j].forEach((weight, i) => {
        const source = layers[l - 1][i];
        add({ id: nodeId.weight(weight), kind: 'weight', ref: ref.weight(weight), name: weight, column, group });
        add({
          id: nodeId.product(weight),
          kind: 'product',
          ref: ref.weight(weight),
          name: weight,
          source,
          symbol: '×',
          layer: l,
          neuron: j,
          column,
          group,
        });
        link(nodeId.weight(weight), nodeId.product(weight));
        link(l === 1 ? nodeId.input(source) : nodeId.activation(source), nodeId.product(weight));
        link(nodeId.product(weight), nodeId.sum(name));
      });
      const bias = labels.biases[l - 1]?.[j];
      if (bias) {
        add({ id: nodeId.bias(bias), kind: 'bias', ref: ref.bias(bias), name: bias, column, group });
        link(nodeId.bias(bias), nodeId.sum(name));
      }
      add({ id: nodeId.sum(name), kind: 'sum', ref: ref.neuron(name), name, symbol: '+', layer: l, neuron: j });
      Object.assign(nodes.at(-1), { column: column + 1, group });
      add({
        id: nodeId.activation(name),
        kind: 'activation',
        ref: ref.neuron(name),
        name,
        activation,
        symbol: ACTIVATION_SYMBOLS[activation] ?? 'f',
        layer: l,
        neuron: j,
        column: column + 2,
        group,
      });
      link(nodeId.sum(name), nodeId.activation(name));
    });
  }
  const end = 3 * last;
  const several = outputs.length > 1;
  outputs.forEach((name, j) => {
    add({ id: nodeId.target(name), kind: 'target', ref: ref.target(name), name, neuron: j, column: end, group: name });
    add({ id: nodeId.difference(name), kind: 'difference', ref: ref.difference(name), name, symbol: '−' });
    Object.assign(nodes.at(-1), { neuron: j, column: end + 1, group: name });
    add({ id: nodeId.loss(name), kind: 'loss', ref: several ? ref.error(name) : ref.error(), name, symbol: '½(·)²' });
    Object.assign(nodes.at(-1), { neuron: j, column: end + 2, group: name });
    link(nodeId.activation(name), nodeId.difference(name));
    link(nodeId.target(name), nodeId.difference(name));
    link(nodeId.difference(name), nodeId.loss(name));
    if (several) link(nodeId.loss(name), nodeId.total());
  });
  if (several) add({ id: nodeId.total(), kind: 'total', ref: ref.error(), name: 'E', symbol: '+', column: end + 3 });
  const operations = nodes.filter((node) => !LEAF_KINDS.has(node.kind)).length;
  return { nodes, edges, operations };
}

/** The weights' and biases' values in the document before the step (what the neuron view shows too). */
function parameterValues(labels, document) {
  const values = {};
  labels.weights.forEach((layer, l) =>
    layer.forEach((row, j) => row.forEach((name, i) => (values[nodeId.weight(name)] = document.weights[l][j][i]))),
  );
  labels.biases.forEach((layer, l) =>
    layer.forEach((name, j) => {
      if (name) values[nodeId.bias(name)] = document.biases?.[l]?.[j] ?? 0;
    }),
  );
  return values;
}

/** The sample on screen at `upTo`: that of the latest input event, and where it starts. */
function sampleAt(events, upTo) {
  for (let index = Math.min(upTo, events.length - 1); index >= 0; index -= 1)
    if (events[index].kind === 'input') return { sample: events[index].sample, start: index };
  return { sample: events[0]?.sample ?? 0, start: 0 };
}

/** What one event says: {values: {id: {value, factors?}}, gradients: {id: gradient}, updated: {id: new}}. */
export function eventFacts(event) {
  const values = {};
  const gradients = {};
  const updated = {};
  switch (event.kind) {
    case 'input':
      for (const input of event.inputs) values[nodeId.input(input.name)] = { value: input.value };
      for (const target of event.targets) values[nodeId.target(target.name)] = { value: target.value };
      break;
    case 'forward':
      for (const term of event.terms)
        values[nodeId.product(term.weight)] = { value: term.product, factors: [term.w, term.a] };
      if (event.bias) values[nodeId.bias(event.bias.name)] = { value: event.bias.value };
      values[nodeId.sum(event.name)] = { value: event.z };
      values[nodeId.activation(event.name)] = { value: event.a };
      break;
    case 'error':
      for (const output of event.outputs) {
        values[nodeId.difference(output.name)] = { value: output.difference };
        values[nodeId.loss(output.name)] = { value: output.error };
      }
      if (event.outputs.length > 1) values[nodeId.total()] = { value: event.total };
      break;
    case 'delta':
      // ∂E/∂a: an output's difference (E = ½Δ², so ∂E/∂Δ is Δ too), a hidden neuron's Σ w·δ; ∂E/∂z = δ, and so is
      // ∂E/∂(w·a) for each term of z.
      if (event.output) {
        gradients[nodeId.difference(event.name)] = event.difference;
        gradients[nodeId.activation(event.name)] = event.difference;
      } else gradients[nodeId.activation(event.name)] = event.sum;
      gradients[nodeId.sum(event.name)] = event.delta;
      break;
    case 'gradient':
      gradients[event.type === 'bias' ? nodeId.bias(event.parameter) : nodeId.weight(event.parameter)] = event.gradient;
      break;
    case 'update':
      updated[event.type === 'bias' ? nodeId.bias(event.parameter) : nodeId.weight(event.parameter)] = event.new;
      break;
    default:
      break;
  }
  return { values, gradients, updated };
}

/** The product nodes whose gradient a delta event gives (∂E/∂(w·a) = δ of the neuron they feed). */
function productsOf(graph, neuron) {
  return graph.nodes.filter((node) => node.kind === 'product' && node.group === neuron).map((node) => node.id);
}

/**
 * The graph at frame `upTo` of `trace`: { sample, nodes: {id: {value, gradient, factors, updated}} (null where the
 * trace has not said it yet), current: the ids the event at `upTo` fills in, flow: the edges it runs along (forward:
 * into what it computes; backward: out of what gets a gradient), phase: its kind }.
 */
export function opGraphAt(graph, { labels, document, trace }, upTo) {
  const events = trace.events;
  const { sample, start } = sampleAt(events, upTo);
  const nodes = Object.fromEntries(
    graph.nodes.map((node) => [node.id, { value: null, gradient: null, factors: null, updated: null }]),
  );
  for (const [id, value] of Object.entries(parameterValues(labels, document))) if (nodes[id]) nodes[id].value = value;
  let current = { values: {}, gradients: {}, updated: {} };
  const last = Math.min(upTo, events.length - 1);
  for (let index = start; index <= last; index += 1) {
    const event = events[index];
    if (event.sample !== undefined && event.sample !== sample) continue; // another sample of the batch
    const facts = eventFacts(event);
    if (event.kind === 'delta') for (const id of productsOf(graph, event.name)) facts.gradients[id] = event.delta;
    for (const [id, fact] of Object.entries(facts.values)) if (nodes[id]) Object.assign(nodes[id], fact);
    for (const [id, gradient] of Object.entries(facts.gradients)) if (nodes[id]) nodes[id].gradient = gradient;
    for (const [id, value] of Object.entries(facts.updated)) if (nodes[id]) nodes[id].updated = value;
    if (index === upTo) current = facts;
  }
  const event = events[upTo] ?? null;
  const backward = event?.kind === 'delta' || event?.kind === 'gradient';
  const filled = new Set(backward ? Object.keys(current.gradients) : Object.keys(current.values));
  if (event?.kind === 'update') for (const id of Object.keys(current.updated)) filled.add(id);
  const inputKinds = event?.kind === 'input';
  const flow = graph.edges.filter((edge) =>
    backward ? filled.has(edge.from) : !inputKinds && filled.has(edge.to) && event?.kind !== 'update',
  );
  return { sample, nodes, current: [...filled], flow, phase: event?.kind ?? null };
}
