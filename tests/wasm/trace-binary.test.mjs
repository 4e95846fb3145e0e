// engine.step() reads its trace in binary (codes and doubles over wasm memory, cpp/engine/TRACE.md "Binary form").
// The reference: the engine's JSON text of the same step (the CLI's and traceStepText's encoder, through the
// binding's JSON `step`), parsed by JSON.parse. They must be the same value: same keys in the same order, every
// number the same double (deepStrictEqual compares with Object.is: −0 is not 0), the same nulls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { BackstepEngine, EngineError } from '../../web/src/engine/engine.js';
import { decodeTrace, decodeValue } from '../../web/src/engine/trace-binary.js';

const fixtureText = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const fixture = (name) => JSON.parse(fixtureText(name));

/** Keys in order, at every depth: deepStrictEqual does not compare the order. */
function keyOrder(value) {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value && typeof value === 'object') return Object.entries(value).map(([key, v]) => [key, keyOrder(v)]);
  return null;
}

/** The next step through the JSON path of the binding (the same C++ trace, written as text). */
function jsonStep(engine) {
  const result = JSON.parse(engine.native.step());
  if ('error' in result) throw new EngineError(result.error);
  return result.ok;
}

function assertSame(binary, json, what) {
  assert.deepStrictEqual(binary, json, what);
  assert.deepStrictEqual(keyOrder(binary), keyOrder(json), `${what}: key order`);
}

/** `steps` steps of `doc` on two engines, one read in binary (step()), one as JSON text: each pair the same. */
async function compareSteps(doc, steps, { before = () => {} } = {}) {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const binary = await BackstepEngine.create(text);
  const reference = await BackstepEngine.create(text);
  try {
    before(binary);
    before(reference);
    for (let k = 0; k < steps; k += 1) assertSame(binary.step(), jsonStep(reference), `step ${k + 1}`);
    assert.deepStrictEqual(binary.document(), reference.document());
  } finally {
    binary.dispose();
    reference.dispose();
  }
}

// 2-3-2-2: relu with biases (a named layer, not ASCII), sigmoid without, tanh outputs with a bias of −0; batches of
// 2 over 5 samples (the third batch has 1).
const mixed = {
  format: 'backstep/1',
  layers: [
    { size: 2 },
    { size: 3, activation: 'relu', bias: true, name: 'hé' },
    { size: 2, activation: 'sigmoid', bias: false },
    { size: 2, activation: 'tanh', bias: true },
  ],
  weights: [
    [
      [0.1, -0.2],
      [0.3, 0.4],
      [-0.5, 0.6],
    ],
    [
      [0.7, -0.8, 0.9],
      [0.1, 0.2, -0.3],
    ],
    [
      [0.5, -0.4],
      [1, 2],
    ],
  ],
  biases: [
    [0.1, -0.1, 0.2],
    [0, 0],
    [0.3, -0],
  ],
  learningRate: 0.7,
  batchSize: 2,
  samples: [
    { input: [1, 0], target: [1, 0] },
    { input: [0, 1], target: [0, -0.5] },
    { input: [1, 1], target: [1, 0.25] },
    { input: [0.5, -1], target: [0, 1] },
    { input: [-1, 2], target: [1, 0.5] },
  ],
};

for (const name of ['seed.json', 'mazur.json', 'xor.json', 'and.json', 'or.json', 'regression.json']) {
  test(`${name}: 120 steps read in binary are the JSON text's traces`, () => compareSteps(fixtureText(name), 120));
}

test('batches, several outputs, no biases in a layer, every activation, a named layer: 60 steps', () =>
  compareSteps(mixed, 60));

test('a batch of the whole set with fixed biases (trainBiases false), and linear layers', () => {
  const doc = fixture('xor.json');
  doc.batchSize = doc.samples.length;
  doc.trainBiases = false;
  doc.layers[1].activation = 'linear';
  return compareSteps(doc, 40);
});

test('the trace of step 1000 (the seed after 999 steps of training)', () =>
  compareSteps(fixtureText('seed.json'), 1, { before: (engine) => engine.train(999) }));

test('a result that overflows is null in both; the next step is refused with the same message', async () => {
  const huge = fixture('seed.json');
  huge.weights[0][0][0] = 1e100;
  await compareSteps(huge, 1);
  const engine = await BackstepEngine.create(huge);
  const reference = await BackstepEngine.create(huge);
  try {
    const first = engine.step();
    assert.equal(first.events.at(-1).error, null);
    jsonStep(reference);
    const after = engine.document();
    let expected;
    assert.throws(
      () => jsonStep(reference),
      (error) => ((expected = error.message), true),
    );
    assert.throws(() => engine.step(), { name: 'EngineError', message: expected });
    assert.match(expected, /^training diverged/);
    assert.deepEqual(engine.document(), after, 'the refused step changed nothing');
    assert.deepEqual(engine.position(), { epoch: 1, sample: 0, step: 1 });
  } finally {
    engine.dispose();
    reference.dispose();
  }
});

test('a step over the event limit is refused by the binary path with the JSON path’s message', async () => {
  const sizes = [200, 200, 200, 1];
  const doc = {
    format: 'backstep/1',
    layers: sizes.map((size, k) => (k === 0 ? { size } : { size, activation: 'tanh', bias: true })),
    weights: sizes.slice(1).map((size, l) => Array.from({ length: size }, () => new Array(sizes[l]).fill(0.001))),
    biases: sizes.slice(1).map((size) => new Array(size).fill(0)),
    learningRate: 0.1,
    samples: [{ input: new Array(200).fill(0.5), target: [1] }],
  };
  const engine = await BackstepEngine.create(doc);
  try {
    let expected;
    assert.throws(
      () => jsonStep(engine),
      (error) => ((expected = error.message), true),
    );
    assert.match(expected, /^trace: this step would have \d+ events, over the limit/);
    assert.throws(() => engine.step(), { name: 'EngineError', message: expected });
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 });
  } finally {
    engine.dispose();
  }
});

test('the string table follows the document: load, editShape and restore change the names', async () => {
  const binary = await BackstepEngine.create(fixtureText('seed.json'));
  const reference = await BackstepEngine.create(fixtureText('seed.json'));
  try {
    const both = (f) => [binary, reference].map(f);
    assertSame(binary.step(), jsonStep(reference), 'seed');
    both((e) => e.load(fixtureText('mazur.json')));
    assertSame(binary.step(), jsonStep(reference), 'after load');
    both((e) => e.editShape('addLayer', { layer: 1, index: 3 }));
    assertSame(binary.step(), jsonStep(reference), 'after editShape');
    both((e) => e.restore(JSON.stringify(mixed), { epoch: 0, sample: 2, step: 1 }));
    assertSame(binary.step(), jsonStep(reference), 'after restore');
    assert.equal(binary.step().events[0].inputs[0].name, 'i1');
  } finally {
    binary.dispose();
    reference.dispose();
  }
});

test('10,000 binary steps leave the C++ heap as it was', async () => {
  const engine = await BackstepEngine.create(JSON.stringify(mixed));
  try {
    for (let k = 0; k < 50; k += 1) engine.step();
    const inUse = engine.heapInUse();
    for (let k = 0; k < 10000; k += 1) engine.step();
    assert.equal(engine.heapInUse(), inUse);
  } finally {
    engine.dispose();
  }
});

/** The next step's binary form, copied out of wasm memory: { codes, numbers, strings }. */
function binaryStep(engine) {
  const head = engine.native.stepBinary(true);
  try {
    assert.equal(head[0], 1);
    const [table, extra] = JSON.parse(new TextDecoder().decode(new Uint8Array(head.buffer, head[5], head[6])));
    return {
      codes: new Uint32Array(head.buffer, head[3], head[4]).slice(),
      numbers: new Float64Array(head.buffer, head[1], head[2]).slice(),
      strings: table.concat(extra),
    };
  } finally {
    engine.native.releaseTrace();
  }
}

test('the fast reader and the reader for any value both give the JSON text’s value', async () => {
  for (const doc of [fixtureText('seed.json'), fixtureText('mazur.json'), JSON.stringify(mixed)]) {
    const binary = await BackstepEngine.create(doc);
    const reference = await BackstepEngine.create(doc);
    try {
      for (let k = 0; k < 5; k += 1) {
        const { codes, numbers, strings } = binaryStep(binary);
        const json = jsonStep(reference);
        assertSame(decodeTrace(codes, numbers, strings), json, `fast, step ${k + 1}`);
        assertSame(decodeValue(codes, numbers, strings), json, `any value, step ${k + 1}`);
      }
    } finally {
      binary.dispose();
      reference.dispose();
    }
  }
});

test('a stream the fast reader does not know (an unknown kind) is read by the reader for any value', async () => {
  const engine = await BackstepEngine.create(fixtureText('seed.json'));
  try {
    const { codes, numbers, strings } = binaryStep(engine);
    const input = codes.indexOf(8 + strings.indexOf('input'));
    assert.ok(input > 0);
    codes[input] = 8 + strings.indexOf('weight'); // {"kind": "weight", …}: no such event
    const trace = decodeTrace(codes, numbers, strings);
    assert.equal(trace.events[0].kind, 'weight');
    assertSame(trace, decodeValue(codes, numbers, strings), 'fallback');
  } finally {
    engine.dispose();
  }
});
