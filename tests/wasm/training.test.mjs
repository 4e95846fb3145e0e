// The engine's training tools through its JavaScript module, in Node: initialization bit for bit against the
// independent Python implementation's vectors, the loss curve against an independent JavaScript trainer, the
// gradient check against the seed post's numbers, and shape edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { BackstepEngine, EngineError } from '../../web/src/engine/engine.js';
import * as reference from '../cli/reference-mlp.mjs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const seed = read('../fixtures/seed.json');
const vectors = JSON.parse(read('../vectors/initialize.json'));

/** FNV-1a, 64 bits, over the little-endian bytes of each double (as tests/vectors/initialize.py hashes them). */
function fnv1a64(values) {
  let hash = 0xcbf29ce484222325n;
  const bytes = new Uint8Array(new Float64Array(values).buffer);
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

/** A document of the vectors' shape, with any weights (initialize replaces them). */
function shaped({ shape, bias }) {
  return {
    format: 'backstep/1',
    layers: shape.map((size, k) => (k === 0 ? { size } : { size, activation: 'tanh', bias: bias[k - 1] })),
    weights: shape.slice(1).map((size, l) => Array.from({ length: size }, () => new Array(shape[l]).fill(0.25))),
    learningRate: 0.1,
    samples: [{ input: new Array(shape[0]).fill(1), target: new Array(shape.at(-1)).fill(0) }],
  };
}

test('initialize: the same bits as the independent Python implementation, for every scheme', async () => {
  for (const vector of vectors) {
    const engine = await BackstepEngine.create(shaped(vector));
    try {
      const doc = engine.initialize({ scheme: vector.scheme, seed: vector.seed, range: vector.range });
      const flat = doc.weights.map((layer) => layer.flat());
      assert.deepEqual(flat, vector.weights, `${vector.scheme} seed ${vector.seed}`);
      const biases = vector.shape.slice(1).map((size, l) => doc.biases?.[l] ?? new Array(size).fill(0));
      assert.deepEqual(biases, vector.biases);
      assert.equal(fnv1a64([...flat.flat(), ...biases.flat()]), vector.fnv1a64);
      assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 });
    } finally {
      engine.dispose();
    }
  }
});

test('initialize refuses an unknown scheme and a seed beyond 2^53 − 1, and the network stays', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const before = JSON.stringify(engine.document());
    assert.throws(() => engine.initialize({ scheme: 'gauss', seed: 1 }), /scheme/);
    assert.throws(() => engine.initialize({ scheme: 'he', seed: 2 ** 53 }), /seed/);
    assert.throws(() => engine.initialize({ scheme: 'he', seed: 1.5 }), /seed/);
    assert.throws(() => engine.initialize({ scheme: 3, seed: 1 }), EngineError);
    assert.equal(JSON.stringify(engine.document()), before);
  } finally {
    engine.dispose();
  }
});

test('trainCurve: every epoch’s mean error as an independent trainer computes it (full batch), then thinned', async () => {
  const xor = {
    format: 'backstep/1',
    layers: [{ size: 2 }, { size: 3, activation: 'tanh', bias: true }, { size: 1, activation: 'tanh', bias: true }],
    weights: [
      [
        [0.5, -0.4],
        [-0.3, 0.8],
        [0.2, 0.6],
      ],
      [[0.7, -0.5, 0.3]],
    ],
    biases: [[0.1, -0.1, 0.05], [0]],
    learningRate: 0.3,
    batchSize: 4,
    samples: [
      { input: [0, 0], target: [0] },
      { input: [0, 1], target: [1] },
      { input: [1, 0], target: [1] },
      { input: [1, 1], target: [0] },
    ],
  };
  const engine = await BackstepEngine.create(xor);
  try {
    const curve = engine.trainCurve(50);
    assert.equal(curve.steps, 50);
    assert.deepEqual(
      curve.epochs,
      Array.from({ length: 50 }, (_, k) => k + 1),
    );
    // With the whole set in one batch, epoch k's mean error is the mean error before its update.
    let doc = xor;
    for (let k = 0; k < 50; k += 1) {
      const params = reference.parameters(doc);
      const mean = doc.samples.reduce((sum, sample) => sum + reference.error(doc, params, sample), 0) / 4;
      assert.ok(
        Math.abs(curve.meanErrors[k] - mean) <= 1e-12 * mean,
        `epoch ${k + 1}: ${curve.meanErrors[k]} ≠ ${mean}`,
      );
      doc = { ...doc, ...reference.train(doc, 1) };
    }
    const long = engine.trainCurve(5000, { stopBelow: 0 });
    assert.equal(long.stride, 3);
    assert.ok(long.epochs.length <= 2001);
    assert.equal(long.epochs.at(-1), 5050, 'epochs are counted from the document’s start');
    assert.throws(() => engine.trainCurve(10, { stopBelow: -1 }), /stopBelow/);
  } finally {
    engine.dispose();
  }
});

test('gradientCheck on the seed: ∂E/∂w5 = −0.68765 and ∂E/∂w6 = −0.38832 by both, in the document’s order', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const { parameters } = engine.gradientCheck();
    assert.deepEqual(
      parameters.map((p) => p.name),
      ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'],
    );
    const byName = Object.fromEntries(parameters.map((p) => [p.name, p]));
    for (const [name, value] of [
      ['w5', -0.809 * 0.85],
      ['w6', -0.809 * 0.48],
    ]) {
      assert.ok(Math.abs(byName[name].backprop - value) <= 1e-12, name);
      assert.ok(Math.abs(byName[name].numeric - value) <= 1e-7, name);
    }
    for (const p of parameters) assert.ok(p.relativeDifference < 1e-6, `${p.name}: ${p.relativeDifference}`);
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 }, 'the session does not move');
  } finally {
    engine.dispose();
  }
});

test('editShape: a neuron added to the hidden layer keeps every weight; a refused edit changes nothing', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const doc = engine.editShape('addNeuron', { layer: 1 });
    assert.deepEqual(
      doc.layers.map((layer) => layer.size),
      [2, 3, 1],
    );
    assert.deepEqual(doc.weights, [
      [
        [0.11, 0.21],
        [0.12, 0.08],
        [0, 0],
      ],
      [[0.14, 0.15, 0]],
    ]);
    const tanh = engine.editShape('activation', { layer: 1, activation: 'tanh' });
    assert.equal(tanh.layers[1].activation, 'tanh');
    const before = JSON.stringify(engine.document());
    assert.throws(() => engine.editShape('removeLayer', { layer: 2 }), /layer/);
    assert.throws(() => engine.editShape('activation', { layer: 1, activation: 'softmax' }), /activation/);
    assert.throws(() => engine.editShape('explode'), /edit/);
    assert.throws(() => engine.editShape('bias', { layer: 1, bias: 'yes' }), /bias/);
    assert.equal(JSON.stringify(engine.document()), before);
  } finally {
    engine.dispose();
  }
});
