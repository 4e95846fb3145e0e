// The operations view's model (web/src/opgraph/): the step as a scalar autograd graph, built from the network's
// labels and filled in from a real engine trace, frame by frame; and its layout, left to right.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { buildOpGraph, nodeId, opGraphAt } from '../../web/src/opgraph/model.js';
import { layoutOpGraph } from '../../web/src/opgraph/layout.js';
import { MAX_OPERATIONS } from '../../web/src/opgraph/view.js';
import { ref } from '../../web/src/state/refs.js';
import { computeLayout } from '../../web/src/graph/layout.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

async function firstStep(doc) {
  const engine = await BackstepEngine.create(doc);
  try {
    return createSession(engine).open(doc);
  } finally {
    engine.dispose();
  }
}

const close = (actual, expected, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);
const at = (step, graph, frame) =>
  opGraphAt(graph, { labels: step.labels, document: step.entry.document, trace: step.entry.trace }, frame);
const indexOf = (step, predicate) => step.entry.trace.events.findIndex(predicate);
const lastFrame = (step) => step.entry.trace.events.length - 1;

test('the seed step: one node per operation, the post’s products, sum and gradient', async () => {
  const step = await firstStep(seed);
  const graph = buildOpGraph(step.labels, step.entry.document);
  const count = (kind) => graph.nodes.filter((node) => node.kind === kind).length;
  // 6 products, 3 sums, 3 activations, 1 difference, 1 error: 14 operations; leaves 2 inputs, 6 weights, 1 target.
  assert.deepEqual(
    ['product', 'sum', 'activation', 'difference', 'loss', 'total', 'input', 'weight', 'target'].map(count),
    [6, 3, 3, 1, 1, 0, 2, 6, 1],
  );
  assert.equal(graph.operations, 14);
  const end = at(step, graph, lastFrame(step)).nodes;
  const w1 = end[nodeId.product('w1')];
  const w2 = end[nodeId.product('w2')];
  assert.deepEqual(w1.factors, [0.11, 2]); // 2 × 0.11
  assert.deepEqual(w2.factors, [0.21, 3]); // 3 × 0.21
  close(w1.value, 0.22);
  close(w2.value, 0.63);
  close(end[nodeId.sum('h1')].value, 0.85);
  const trace = step.entry.trace.events;
  const gradient = trace.find((event) => event.kind === 'gradient' && event.parameter === 'w1');
  const delta = trace.find((event) => event.kind === 'delta' && event.name === 'h1');
  // hmkcode: ∂E/∂w1 = i1 · δh1, δh1 = 0.14 × (−0.809) = −0.11326, so −0.22652.
  close(end[nodeId.weight('w1')].gradient, gradient.gradient);
  close(end[nodeId.weight('w1')].gradient, -0.22652);
  assert.equal(end[nodeId.weight('w1')].gradient.toFixed(4), '-0.2265');
  close(end[nodeId.sum('h1')].gradient, delta.delta); // ∂E/∂z = δ
  close(end[nodeId.sum('h1')].gradient, -0.11326);
  close(end[nodeId.product('w1')].gradient, delta.delta); // ∂E/∂(w·a) = δ of the neuron it feeds
  close(end[nodeId.activation('h1')].gradient, delta.sum); // ∂E/∂a of a hidden neuron: Σ w·δ
  close(end[nodeId.activation('o1')].gradient, -0.809); // ∂E/∂a of the output: Δ
  close(end[nodeId.loss('o1')].value, trace.find((event) => event.kind === 'error').total);
  assert.equal(end[nodeId.loss('o1')].gradient, null, 'the trace does not carry ∂E/∂E: left out');
  assert.equal(end[nodeId.input('i1')].gradient, null, 'nor ∂E/∂i1');
});

test('values and gradients appear only once the trace has given them, in the order of the events', async () => {
  const step = await firstStep(seed);
  const graph = buildOpGraph(step.labels, step.entry.document);
  const events = step.entry.trace.events;
  const forwardH1 = indexOf(step, (event) => event.kind === 'forward' && event.name === 'h1');
  const before = at(step, graph, forwardH1 - 1);
  assert.equal(before.nodes[nodeId.product('w1')].value, null);
  assert.equal(before.nodes[nodeId.sum('h1')].value, null);
  assert.equal(
    before.nodes[nodeId.weight('w1')].value,
    0.11,
    'a weight is known from the start, as in the neuron view',
  );
  const now = at(step, graph, forwardH1);
  close(now.nodes[nodeId.sum('h1')].value, 0.85);
  assert.deepEqual(now.current.sort(), ['f:h1', 'mul:w1', 'mul:w2', 'sum:h1']);
  assert.equal(now.phase, 'forward');
  assert.equal(now.nodes[nodeId.sum('h2')].value, null);
  assert.ok(now.flow.some((edge) => edge.from === 'in:i1' && edge.to === 'mul:w1'));

  // The backward frames reveal the gradients in order: output first, back to the first layer's weights.
  let revealed = [];
  let seen = new Set();
  for (let frame = 0; frame <= lastFrame(step); frame += 1) {
    const nodes = at(step, graph, frame).nodes;
    const fresh = Object.keys(nodes).filter((id) => nodes[id].gradient !== null && !seen.has(id));
    if (fresh.length) revealed.push([events[frame].kind, fresh.sort().join(' ')]);
    seen = new Set([...seen, ...fresh]);
  }
  assert.deepEqual(revealed, [
    ['delta', 'diff:o1 f:o1 mul:w5 mul:w6 sum:o1'],
    ['gradient', 'w:w5'],
    ['gradient', 'w:w6'],
    ['delta', 'f:h1 mul:w1 mul:w2 sum:h1'],
    ['delta', 'f:h2 mul:w3 mul:w4 sum:h2'],
    ['gradient', 'w:w1'],
    ['gradient', 'w:w2'],
    ['gradient', 'w:w3'],
    ['gradient', 'w:w4'],
  ]);
  const deltaO1 = indexOf(step, (event) => event.kind === 'delta' && event.name === 'o1');
  const flow = at(step, graph, deltaO1).flow.map((edge) => `${edge.from}>${edge.to}`);
  assert.deepEqual(flow.sort(), ['diff:o1>loss:o1', 'f:o1>diff:o1', 'mul:w5>sum:o1', 'mul:w6>sum:o1', 'sum:o1>f:o1']);
  // An update gives the weight its new value.
  const update = indexOf(step, (event) => event.kind === 'update' && event.parameter === 'w1');
  assert.equal(at(step, graph, update - 1).nodes[nodeId.weight('w1')].updated, null);
  close(at(step, graph, update).nodes[nodeId.weight('w1')].updated, events[update].new);
});

test('Mazur: sigmoid nodes carry out_h1 0.593269992, biases feed the sums, E sums the two errors', async () => {
  const step = await firstStep(mazur);
  const graph = buildOpGraph(step.labels, step.entry.document);
  assert.equal(graph.operations, 21);
  const end = at(step, graph, lastFrame(step)).nodes;
  const h1 = graph.nodes.find((node) => node.id === nodeId.activation('h1'));
  assert.equal(h1.symbol, 'σ');
  assert.equal(end[h1.id].value.toFixed(9), '0.593269992');
  close(end[nodeId.sum('h1')].value, 0.3775);
  close(end[nodeId.bias('b1')].value, 0.35);
  assert.ok(graph.edges.some((edge) => edge.from === 'b:b1' && edge.to === 'sum:h1'));
  close(end[nodeId.total()].value, 0.298371108760003, 1e-15);
  close(end[nodeId.loss('o1')].value, 0.274811083176155, 1e-15);
  close(end[nodeId.weight('w5')].gradient, 0.08216704056423, 1e-15); // Mazur's ∂E/∂w5
  assert.deepEqual(
    graph.nodes.filter((node) => node.kind === 'loss' || node.kind === 'total').map((node) => node.ref),
    [ref.error('o1'), ref.error('o2'), ref.error()],
  );
});

test('every node links to a quantity the neuron view draws (data-ref keys)', async () => {
  for (const doc of [seed, mazur]) {
    const step = await firstStep(doc);
    const layout = computeLayout({ labels: step.labels, document: doc, width: 1000, decimals: 3 });
    const known = new Set([
      ...layout.neurons.map((neuron) => ref.neuron(neuron.name)),
      ...layout.edges.map((edge) => ref.weight(edge.name)),
      ...layout.biases.map((bias) => ref.bias(bias.name)),
      ...Object.keys(layout.card.cells),
    ]);
    for (const node of buildOpGraph(step.labels, doc).nodes) assert.ok(known.has(node.ref), `${node.id} → ${node.ref}`);
  }
});

test('the layout runs left to right, with no two boxes overlapping', async () => {
  for (const doc of [seed, mazur]) {
    const step = await firstStep(doc);
    const graph = buildOpGraph(step.labels, doc);
    const layout = layoutOpGraph(graph, { decimals: 3 });
    const byId = new Map(layout.nodes.map((node) => [node.id, node]));
    for (const edge of graph.edges) {
      const [from, to] = [byId.get(edge.from), byId.get(edge.to)];
      if (from.column === to.column) assert.ok(from.y + from.h <= to.y, `${edge.from} over ${edge.to}`);
      else assert.ok(from.x + from.w < to.x, `${edge.from} left of ${edge.to}`);
    }
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a === b || a.column !== b.column) continue;
        assert.ok(a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.id} and ${b.id} overlap`);
      }
    assert.ok(layout.nodes.every((node) => node.x >= 0 && node.y >= 0));
    assert.ok(layout.nodes.every((node) => node.x + node.w <= layout.width && node.y + node.h <= layout.height));
  }
});

test('a big network is counted, for the view to decline drawing it', () => {
  const labels = {
    neurons: [
      ['i1', 'i2', 'i3'],
      ['h1', 'h2', 'h3', 'h4', 'h5'],
      ['o1', 'o2'],
    ],
    weights: [
      Array.from({ length: 5 }, (_, j) => [1, 2, 3].map((i) => `w${j * 3 + i}`)),
      Array.from({ length: 2 }, (_, j) => [1, 2, 3, 4, 5].map((i) => `w${15 + j * 5 + i}`)),
    ],
    biases: [[], []],
  };
  const document = { layers: [{ size: 3 }, { size: 5, activation: 'tanh' }, { size: 2, activation: 'linear' }] };
  const graph = buildOpGraph(labels, document);
  assert.equal(graph.operations, 25 + 7 + 7 + 2 + 2 + 1);
  assert.ok(graph.operations > MAX_OPERATIONS);
});
