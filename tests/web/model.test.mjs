// The page's pure model layer on real engine traces (the WebAssembly engine in Node): the links between
// formula terms and graph elements (refs), the scene the graph draws at a frame, the formulas, the sentences,
// and edit targets — checked against the published worked examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { latestEventFor, parseRef, ref, refsOf } from '../../web/src/state/refs.js';
import { sceneAt } from '../../web/src/state/scene.js';
import { currentSample } from '../../web/src/state/selectors.js';
import { computeLayout } from '../../web/src/graph/layout.js';
import { scalarFormula } from '../../web/src/formula/scalar.js';
import { matrixFormula } from '../../web/src/formula/matrix.js';
import { isSeedLike } from '../../web/src/formula/context.js';
import { narrate } from '../../web/src/narration/narrate.js';
import { editTargetOf, valueAt, withValue } from '../../web/src/edit/targets.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

/** The first step of `doc` as the page holds it: { labels, entry: { document, position, trace, next } }. */
async function firstStep(doc) {
  const engine = await BackstepEngine.create(doc);
  try {
    return createSession(engine).open(doc);
  } finally {
    engine.dispose();
  }
}

const close = (actual, expected, relative = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);
const indexOf = (events, predicate) => events.findIndex(predicate);

/** Every ref the graph draws for this step (its layout, as wide and as narrow), and η in its header. */
function graphRefs(labels, document) {
  const refs = new Set([ref.rate()]);
  for (const width of [1000, 360]) {
    const layout = computeLayout({ labels, document, width, decimals: 3 });
    for (const neuron of layout.neurons) refs.add(ref.neuron(neuron.name));
    for (const edge of layout.edges) refs.add(ref.weight(edge.name));
    for (const bias of layout.biases) refs.add(ref.bias(bias.name));
    for (const key of Object.keys(layout.card.cells)) refs.add(key);
  }
  return refs;
}

test('every event of a real trace points only at elements the graph has', async () => {
  for (const doc of [seed, mazur]) {
    const { labels, entry } = await firstStep(doc);
    const known = graphRefs(labels, doc);
    for (const event of entry.trace.events) {
      const { subjects, related } = refsOf(event);
      assert.ok(subjects.length > 0, event.kind);
      for (const name of [...subjects, ...related]) assert.ok(known.has(name), `${name} (${event.kind})`);
    }
  }
});

test('the latest formula of an element: δh1 for h1, its update for w5', async () => {
  const { entry } = await firstStep(seed);
  const events = entry.trace.events;
  const deltaH1 = indexOf(events, (e) => e.kind === 'delta' && e.name === 'h1');
  const updateW5 = indexOf(events, (e) => e.kind === 'update' && e.parameter === 'w5');
  assert.equal(latestEventFor(events, events.length - 1, ref.neuron('h1')), deltaH1);
  assert.equal(latestEventFor(events, events.length - 1, ref.weight('w5')), updateW5);
  assert.equal(latestEventFor(events, 0, ref.weight('w5')), -1, 'nothing about w5 yet at the first frame');
});

test('the scene at a frame copies the engine’s numbers: the seed post’s h1, o1, E and new w5', async () => {
  const { labels, entry } = await firstStep(seed);
  const events = entry.trace.events;
  const atError = sceneAt(
    entry,
    labels,
    indexOf(events, (e) => e.kind === 'error'),
  );
  close(atError.neurons.h1.value, 0.85);
  close(atError.neurons.o1.value, 0.191);
  close(atError.total, 0.3272405);
  assert.equal(atError.weights.w5.updated, null, 'no update before its frame');
  const atEnd = sceneAt(entry, labels, events.length - 1);
  close(atEnd.weights.w5.updated, 0.1743825);
  close(atEnd.weights.w1.gradient, -0.22652);
  close(atEnd.results[0].prediction[0], 0.255746, 1e-5);
  const atStart = sceneAt(entry, labels, 0);
  assert.equal(atStart.neurons.o1.value, null, 'o1 waits for its forward event');
});

test('Mazur’s scene: E_total 0.298371109 after the forward pass, new w5 0.35891648', async () => {
  const { labels, entry } = await firstStep(mazur);
  const events = entry.trace.events;
  close(
    sceneAt(
      entry,
      labels,
      indexOf(events, (e) => e.kind === 'error'),
    ).total,
    0.298371109,
    1e-8,
  );
  close(sceneAt(entry, labels, events.length - 1).weights.w5.updated, 0.35891648, 1e-8);
});

function formulaContext(entry, labels, upTo, decimals = 3) {
  return {
    events: entry.trace.events,
    upTo,
    decimals,
    labels,
    document: entry.document,
    singleOutput: labels.neurons.at(-1).length === 1,
    seedLike: isSeedLike(entry.document),
    batchSize: entry.document.batchSize ?? 1,
    sample: entry.trace.samples[0] ?? 0,
    outputNames: labels.neurons.at(-1),
    t: createTranslator('en'),
  };
}

test('formulas: o1 = 0.85 × 0.14 + 0.48 × 0.15 = 0.191 (the post’s order), and w5’s update, with the engine’s numbers', async () => {
  const { labels, entry } = await firstStep(seed);
  const events = entry.trace.events;
  const o1 = indexOf(events, (e) => e.kind === 'forward' && e.name === 'o1');
  const plain = (lines) =>
    lines
      .join(' ')
      .replace(/\\htmlData\{[^}]*\}/g, '')
      .replace(/[{}\s]/g, '');
  const forward = scalarFormula(events[o1], formulaContext(entry, labels, o1));
  assert.equal(plain(forward.substituted), 'o_1=0.85\\times0.14+0.48\\times0.15');
  assert.match(plain(forward.result), /0\.191/);
  const w5 = indexOf(events, (e) => e.kind === 'update' && e.parameter === 'w5');
  const update = scalarFormula(events[w5], formulaContext(entry, labels, w5, 4));
  assert.match(plain(update.substituted), /0\.14-0\.05\\times\(-0\.6876\)/);
  assert.match(plain(update.result), /0\.1744/);
  const matrix = matrixFormula(events[o1], formulaContext(entry, labels, o1));
  assert.ok(matrix.symbolic.length > 0 && matrix.result.length > 0);
});

test('sentences: the error and δh1 in English, and in French with a decimal comma', async () => {
  const { labels, entry } = await firstStep(seed);
  const events = entry.trace.events;
  const context = (language) => ({
    decimals: 3,
    t: createTranslator(language),
    events,
    outputNames: labels.neurons.at(-1),
  });
  const error = events[indexOf(events, (e) => e.kind === 'error')];
  assert.equal(
    narrate(error, context('en')),
    'Prediction o1 = 0.191 against target 1: Δ = 0.191 − 1 = −0.809. E = ½ × Δ² = 0.327.',
  );
  const deltaH1 = events[indexOf(events, (e) => e.kind === 'delta' && e.name === 'h1')];
  assert.equal(narrate(deltaH1, context('fr')), 'δ(h1) = f′(z) × (w × δ) = 1 × (0,14 × (−0,809)) = −0,113');
});

test('edit targets: the ref of a graph element names one value of the document; an edit changes it alone', async () => {
  const { labels } = await firstStep(mazur);
  // Mazur's values (the published example): w7 = 0.5, b2 = 0.35, i2 = 0.1, the target of o1 = 0.01, η = 0.5.
  const cases = [
    [ref.weight('w7'), 0.5],
    [ref.bias('b2'), 0.35],
    [ref.neuron('i2'), 0.1],
    [ref.target('o1'), 0.01],
    [ref.rate(), 0.5],
  ];
  for (const [key, value] of cases) {
    const target = editTargetOf(key, { labels, sample: 0 });
    assert.equal(valueAt(mazur, target), value, key);
    const edited = withValue(mazur, target, 42);
    assert.equal(valueAt(edited, target), 42);
    assert.equal(valueAt(mazur, target), value, 'the original is unchanged');
    const differences = JSON.stringify(edited).length - JSON.stringify(mazur).length;
    assert.ok(Math.abs(differences) <= 4, `${key}: only one value changed`);
  }
});

test('one key for every graph element: each ref reads back to its kind and name; the editable ones find their value', async () => {
  for (const doc of [seed, mazur]) {
    const { labels } = await firstStep(doc);
    const refs = graphRefs(labels, doc);
    const kinds = new Set();
    for (const key of refs) {
      const { kind, name } = parseRef(key);
      kinds.add(kind);
      const rebuilt = kind === 'rate' ? ref.rate() : kind === 'error' && name === null ? ref.error() : ref[kind](name);
      assert.equal(rebuilt, key);
    }
    const multi = labels.neurons.at(-1).length > 1;
    assert.deepEqual(
      [...kinds].sort(),
      ['bias', 'difference', 'error', 'neuron', 'rate', 'result', 'target', 'weight'].filter(
        (kind) => kind !== 'bias' || labels.biases.flat().some(Boolean),
      ),
    );
    assert.equal(refs.has(ref.error('o1')), multi, 'an output’s own error has a cell only with several outputs');
    const inputs = new Set(labels.neurons[0]);
    for (const key of refs) {
      const { kind, name } = parseRef(key);
      const editable = ['weight', 'bias', 'target', 'rate'].includes(kind) || (kind === 'neuron' && inputs.has(name));
      const target = editTargetOf(key, { labels, sample: 0 });
      assert.equal(Boolean(target), editable, key);
    }
    // Every weight and bias finds the value the scene shows for it at the start of the step.
    const { entry } = await firstStep(doc);
    const scene = sceneAt(entry, labels, 0);
    for (const [name, { value }] of Object.entries(scene.weights))
      assert.equal(valueAt(doc, editTargetOf(ref.weight(name), { labels })), value, name);
    for (const [name, { value }] of Object.entries(scene.biases))
      assert.equal(valueAt(doc, editTargetOf(ref.bias(name), { labels })), value, name);
  }
  assert.equal(parseRef('x:1'), null);
  assert.equal(editTargetOf('n:nowhere', { labels: (await firstStep(seed)).labels }), null);
});

test('parseRef reads only the kinds it knows (not the names every object has)', () => {
  for (const key of ['constructor', 'toString:x', '__proto__', 'hasOwnProperty', ''])
    assert.equal(parseRef(key), null, key);
  assert.deepEqual(parseRef('e:o1'), { kind: 'error', name: 'o1' });
  assert.deepEqual(parseRef('w:a:b'), { kind: 'weight', name: 'a:b' }, 'a name may hold a colon');
});

test('the sample on screen: inputs and targets of a batch’s later sample are edited in that sample', async () => {
  const doc = { ...mazur, batchSize: 2, samples: [mazur.samples[0], { input: [0.3, 0.7], target: [0.2, 0.8] }] };
  const { labels, entry } = await firstStep(doc);
  const events = entry.trace.events;
  const second = events.findIndex((event) => event.kind === 'input' && event.sample === 1);
  assert.ok(second > 0);
  const state = (event) => ({ history: [entry], cursor: { step: 0, event } });
  assert.equal(currentSample(state(0)), 0);
  assert.equal(currentSample(state(second - 1)), 0);
  assert.equal(currentSample(state(second)), 1);
  assert.equal(currentSample(state(events.length - 1)), 1);
  const target = editTargetOf(ref.neuron('i2'), { labels, sample: currentSample(state(second)) });
  assert.deepEqual(target, { kind: 'input', sample: 1, index: 1 });
  assert.equal(valueAt(doc, target), 0.7);
  assert.equal(valueAt(doc, editTargetOf(ref.target('o2'), { labels, sample: 1 })), 0.8);
});

/** A network of `sizes` with deterministic weights, every layer after the input `activation` with biases. */
function network(sizes, activation, batchSize = 1, samples = 3) {
  return {
    format: 'backstep/1',
    title: sizes.join('-'),
    layers: sizes.map((size, k) => (k === 0 ? { size } : { size, activation, bias: true })),
    weights: sizes
      .slice(1)
      .map((size, l) =>
        Array.from({ length: size }, (_, j) =>
          Array.from({ length: sizes[l] }, (__, i) => ((3 * j + i) % 5) / 10 - 0.2),
        ),
      ),
    biases: sizes.slice(1).map((size) => Array.from({ length: size }, (_, j) => j / 10)),
    learningRate: 0.1,
    batchSize,
    samples: Array.from({ length: samples }, (_, s) => ({
      input: Array.from({ length: sizes[0] }, (__, i) => (s + i) / 4 - 0.3),
      target: Array.from({ length: sizes.at(-1) }, (__, j) => (s + j) % 2),
    })),
  };
}

test('every shape the editor can build: scene, formulas (scalar and matrix) and sentences for every event', async () => {
  const shapes = [
    network([1, 4, 1], 'tanh'),
    network([2, 3, 3, 2], 'sigmoid', 2),
    network([3, 1], 'relu'),
    network([2, 8, 8, 8, 1], 'relu'),
    network([8, 5, 4, 3, 2, 1, 2, 8], 'tanh', 3),
  ];
  for (const doc of shapes) {
    const { labels, entry } = await firstStep(doc);
    const events = entry.trace.events;
    for (let index = 0; index < events.length; index += 1) {
      const where = `${doc.title}, event ${index} (${events[index].kind})`;
      const scene = sceneAt(entry, labels, index);
      assert.ok(scene.neurons && scene.weights, where);
      for (const build of [scalarFormula, matrixFormula]) {
        const formula = build(events[index], formulaContext(entry, labels, index));
        for (const part of ['symbolic', 'substituted', 'result']) {
          assert.ok(Array.isArray(formula[part]) && formula[part].length > 0, `${where}: ${build.name} ${part}`);
          for (const line of formula[part]) assert.doesNotMatch(line, /undefined|NaN|null/, `${where}: ${line}`);
        }
      }
      for (const language of ['en', 'fr']) {
        const sentence = narrate(events[index], {
          decimals: 3,
          t: createTranslator(language),
          events,
          outputNames: labels.neurons.at(-1),
        });
        assert.ok(sentence.length > 0, where);
        assert.doesNotMatch(sentence, /undefined|NaN|null|\{\w+\}/, `${where}: ${sentence}`);
      }
    }
  }
});
