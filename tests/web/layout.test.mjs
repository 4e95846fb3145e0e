// The graph's geometry (computeLayout) on small and dense networks, in the widths the page uses: a weight's
// label (at its largest, two rows) never covers another label, a neuron, a bias tag or the error panel, and
// stays inside the drawing; a label with no free place is hidden instead. The worked examples hide none.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { computeLayout } from '../../web/src/graph/layout.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

/** The labels the engine gives a network (cpp/engine/network.cpp): i1…, h1… (h1.1… with several hidden layers), o1…, w1…, b1…. */
function labelsOf(document) {
  const sizes = document.layers.map((layer) => layer.size);
  const depth = sizes.length - 1;
  const neuronName = (k, j) => {
    if (k === 0) return `i${j + 1}`;
    if (k === depth) return `o${j + 1}`;
    return depth === 2 ? `h${j + 1}` : `h${k}.${j + 1}`;
  };
  let weight = 0;
  let bias = 0;
  return {
    neurons: sizes.map((size, k) => Array.from({ length: size }, (_, j) => neuronName(k, j))),
    weights: sizes
      .slice(1)
      .map((size, l) =>
        Array.from({ length: size }, () => Array.from({ length: sizes[l] }, () => `w${(weight += 1)}`)),
      ),
    biases: document.layers
      .slice(1)
      .map((layer) => Array.from({ length: layer.size }, () => (layer.bias ? `b${(bias += 1)}` : null))),
  };
}

/** A sigmoid network of these sizes, with or without biases. */
function network(sizes, bias = false) {
  return {
    layers: sizes.map((size, k) => (k === 0 ? { size } : { size, activation: 'sigmoid', bias })),
  };
}

const NETWORKS = {
  '2-2-1 (seed)': seed,
  '2-2-2 (Mazur)': mazur,
  '2-3-1': network([2, 3, 1]),
  '2-8-8-8-1': network([2, 8, 8, 8, 1]),
  '4-8-8-8-8-8-8-2 with biases': network([4, 8, 8, 8, 8, 8, 8, 2], true),
  '8-8-8-8': network([8, 8, 8, 8]),
};
const EXAMPLES = ['2-2-1 (seed)', '2-2-2 (Mazur)'];
const WIDTHS = [360, 700, 1000];

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Whether a box and a circle overlap: the box's point nearest the centre is inside the circle. */
const touchesCircle = (box, { x, y, r }) =>
  Math.hypot(Math.min(Math.max(x, box.x), box.x + box.w) - x, Math.min(Math.max(y, box.y), box.y + box.h) - y) < r;
const boxOf = (centre, size) => ({ x: centre.x - size.w / 2, y: centre.y - size.h / 2, w: size.w, h: size.h });

function layoutOf(name, width, compact) {
  const document = NETWORKS[name];
  return computeLayout({ labels: labelsOf(document), document, width, decimals: 3, compact, cardTitles: ['Error'] });
}

/** What is wrong with a layout's shown labels, one sentence each. */
function problems(layout) {
  const found = [];
  const shown = layout.edges.filter((edge) => !edge.label.hidden);
  const boxes = shown.map((edge) => boxOf(edge.label, layout.pill));
  // A dense layout's bias tags show on hover only, over whatever is there (like a hidden weight label).
  const shownBiases = layout.biases.filter((bias) => !bias.hidden);
  const biasBoxes = shownBiases.map((bias) => boxOf(bias, layout.biasPill));
  const { card } = layout;
  shown.forEach((edge, k) => {
    const box = boxes[k];
    for (let other = k + 1; other < shown.length; other += 1)
      if (overlaps(box, boxes[other])) found.push(`${edge.name} covers ${shown[other].name}`);
    for (const neuron of layout.neurons) {
      // Its circle, and the rectangles of its name and z/δ lines.
      const texts = neuron.shapes.filter((shape) => shape.w !== undefined);
      if (touchesCircle(box, neuron) || texts.some((text) => overlaps(box, text)))
        found.push(`${edge.name} covers ${neuron.name}`);
    }
    biasBoxes.forEach((bias, b) => {
      if (overlaps(box, bias)) found.push(`${edge.name} covers ${shownBiases[b].name}`);
    });
    if (overlaps(box, card)) found.push(`${edge.name} covers the error panel`);
    if (edge.label.t < 0.2 || edge.label.t > 0.8) found.push(`${edge.name} is too near an end of its edge`);
    if (box.x < 0 || box.y < 0 || box.x + box.w > layout.width || box.y + box.h > layout.height)
      found.push(`${edge.name} leaves the drawing`);
  });
  return found;
}

const variants = (widths) => widths.flatMap((width) => [false, true].map((compact) => ({ width, compact })));
const named = ({ width, compact }) => `${width} px${compact ? ', compact' : ''}`;

for (const name of Object.keys(NETWORKS)) {
  test(`${name}: shown labels cover nothing and stay inside the drawing`, (t) => {
    for (const variant of variants(WIDTHS)) {
      const layout = layoutOf(name, variant.width, variant.compact);
      assert.deepEqual(problems(layout), [], named(variant));
      const hidden = layout.edges.filter((edge) => edge.label.hidden).length;
      if (hidden > 0) t.diagnostic(`${named(variant)}: ${hidden} of ${layout.edges.length} labels hidden`);
      // Hiding is a last resort, not an easy way to pass: a network still shows a label in every gap between two
      // layers on a page at 700 px and wider (the compact embed, short by design, may hide them all), unless its
      // tallest layer is packed to fit the window (dense), where labels show on hover.
      if (variant.width >= 700 && !variant.compact && !layout.dense) {
        const gaps = new Set(layout.edges.filter((edge) => !edge.label.hidden).map((edge) => edge.layer));
        assert.equal(gaps.size, layout.edges.at(-1).layer + 1, `${named(variant)}: a label in every gap`);
      }
    }
  });
}

// 660 px: the graph of a 700-px embed; 780 px: the full page in a 1280-px window.
test('the worked examples show every label at 360, 660, 700, 780 and 1000 px', () => {
  for (const name of EXAMPLES)
    for (const variant of variants([360, 660, 700, 780, 1000])) {
      const hidden = layoutOf(name, variant.width, variant.compact).edges.filter((edge) => edge.label.hidden);
      assert.deepEqual(
        hidden.map((edge) => edge.name),
        [],
        `${name} at ${named(variant)}`,
      );
    }
});

test('a hidden label still has its place on its edge (shown there on hover)', () => {
  const layout = layoutOf('8-8-8-8', 360, false);
  const hidden = layout.edges.filter((edge) => edge.label.hidden);
  assert.ok(hidden.length > 0);
  for (const edge of hidden) {
    assert.ok(Number.isFinite(edge.label.x) && Number.isFinite(edge.label.y));
    assert.equal(edge.label.t, 0.5);
  }
});

// The window's height (the full page passes it as fitHeight; elsewhere a default), not 280 px a neuron: a layer of
// 8 neurons is packed (dense) so that the whole network fits; a small network keeps its spacing.
test('a network with 8-neuron layers fits the window; the worked examples and 2-4-4-1 keep their spacing', () => {
  const labels = (name) => labelsOf(NETWORKS[name]);
  const fit = (name, width, fitHeight) =>
    computeLayout({ labels: labels(name), document: NETWORKS[name], width, decimals: 3, fitHeight, cardTitles: [] });
  for (const name of ['2-8-8-8-1', '4-8-8-8-8-8-8-2 with biases']) {
    const layout = fit(name, 780, 660);
    assert.ok(layout.dense, name);
    assert.ok(layout.height <= 660, `${name}: ${layout.height} px at a fit height of 660`);
    assert.ok(
      layout.biases.every((bias) => bias.hidden),
      `${name}: bias tags show on hover`,
    );
    for (const width of [360, 390, 700]) {
      const names = fit(name, width, 0).neurons.map((neuron) => neuron.shapes[1]); // left of the circles
      assert.ok(
        names.every((box) => box.x >= 0),
        `${name} at ${width} px: names inside the drawing`,
      );
    }
    const pitch = layout.byName['h1.2'].y - layout.byName['h1.1'].y;
    const { r } = layout.m;
    assert.ok(pitch >= 2 * r + 8, `${name}: a neuron clears the next (${pitch} px)`);
  }
  for (const name of [...EXAMPLES, '2-3-1']) assert.equal(fit(name, 780, 660).dense, false, name);
});

// The gradient check on the graph (pill.js): a row of its own under each gradient where that hides no label, else a
// mark after the gradient; either way no more labels are hidden than without it, and none covers another.
test('the gradient check on the graph hides no label: a row where there is room, else a mark', () => {
  const modes = new Set();
  for (const name of Object.keys(NETWORKS))
    for (const width of [360, 700, 780, 1000]) {
      const document = NETWORKS[name];
      const args = { labels: labelsOf(document), document, width, decimals: 3, cardTitles: ['Error'] };
      const without = computeLayout(args);
      const layout = computeLayout({ ...args, check: true });
      modes.add(layout.checkMode);
      const hidden = (l) => l.edges.filter((edge) => edge.label.hidden).length;
      assert.ok(hidden(layout) <= hidden(without), `${name} at ${width} px`);
      assert.deepEqual(problems(layout), [], `${name} at ${width} px`);
      assert.equal(without.checkMode, null);
    }
  assert.deepEqual([...modes].sort(), ['mark', 'row']);
  const seedWide = computeLayout({ labels: labelsOf(seed), document: seed, width: 1000, decimals: 3, check: true });
  assert.equal(seedWide.checkMode, 'row');
  assert.ok(
    seedWide.pill.h > computeLayout({ labels: labelsOf(seed), document: seed, width: 1000, decimals: 3 }).pill.h,
  );
});
