// The WebAssembly engine through its JavaScript module, in Node: the seed's numbers, errors, no leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { BackstepEngine, EngineError, loadEngineModule } from '../../web/src/engine/engine.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const seed = fixture('seed.json');

// Relative agreement with a value the seed post publishes.
function close(actual, expected, relative = 1e-12) {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);
}

const byKind = (trace, kind) => trace.events.filter((e) => e.kind === kind);
const byParameter = (trace, kind) => Object.fromEntries(byKind(trace, kind).map((e) => [e.parameter, e]));

test('the seed step through JavaScript gives the post’s numbers', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const trace = engine.step();
    const [h1, h2, out] = byKind(trace, 'forward');
    close(h1.a, 0.85);
    close(h2.a, 0.48);
    close(out.a, 0.191);
    const [error] = byKind(trace, 'error');
    close(error.total, 0.3272405);
    close(error.outputs[0].difference, -0.809);
    const gradients = byParameter(trace, 'gradient');
    const expectedGradients = { w1: -0.22652, w2: -0.33978, w3: -0.2427, w4: -0.36405, w5: -0.68765, w6: -0.38832 };
    for (const [name, value] of Object.entries(expectedGradients)) close(gradients[name].gradient, value);
    const updates = byParameter(trace, 'update');
    const expectedWeights = { w1: 0.121326, w2: 0.226989, w3: 0.132135, w4: 0.0982025, w5: 0.1743825, w6: 0.169416 };
    for (const [name, value] of Object.entries(expectedWeights)) close(updates[name].new, value);
    const [result] = byKind(trace, 'result');
    close(result.prediction[0], 0.255746, 1e-5);
    const weights = engine.document().weights.flat(2);
    Object.values(expectedWeights).forEach((value, k) => close(weights[k], value));
    assert.deepEqual(engine.position(), { epoch: 1, sample: 0, step: 1 });
  } finally {
    engine.dispose();
  }
});

test('an invalid document arrives as an Error with the engine’s message, and nothing is lost', async () => {
  await assert.rejects(
    () => BackstepEngine.create('{"format": "backstep/1"'),
    (error) => {
      assert.ok(error instanceof Error && error instanceof EngineError);
      assert.match(error.message, /^document: invalid JSON/);
      return true;
    },
  );
  const engine = await BackstepEngine.create(seed);
  try {
    engine.step();
    const before = engine.document();
    const wrongShape = JSON.parse(seed);
    wrongShape.weights[1][0].push(0.3);
    assert.throws(() => engine.load(wrongShape), {
      name: 'EngineError',
      message: 'weights[1][0]: expected 2 numbers (layer 1 has 2 neurons), got 3',
    });
    assert.deepEqual(engine.document(), before);
    assert.deepEqual(engine.position(), { epoch: 1, sample: 0, step: 1 });
  } finally {
    engine.dispose();
  }
});

test('engines on one module are independent (many instances on one page)', async () => {
  const a = await BackstepEngine.create(seed);
  const b = await BackstepEngine.create(fixture('mazur.json'));
  try {
    a.step();
    assert.equal(b.document().weights[0][0][0], 0.15);
    close(b.step().events.find((e) => e.kind === 'error').total, 0.298371109, 1e-8);
    close(a.document().weights[1][0][0], 0.1743825);
  } finally {
    a.dispose();
    b.dispose();
  }
});

test('10,000 steps, refusals and engine lifetimes leave the WASM heap unchanged', async () => {
  const module = await loadEngineModule();
  const engine = await BackstepEngine.create(fixture('mazur.json'));
  try {
    for (let k = 0; k < 100; k += 1) engine.step(); // warm up: the allocator reaches its steady state
    const memoryBefore = module.HEAP8.length;
    const inUseBefore = engine.heapInUse();
    for (let k = 0; k < 10000; k += 1) engine.step();
    for (let k = 0; k < 1000; k += 1) assert.throws(() => engine.load('{"format": 1}'), EngineError);
    for (let k = 0; k < 200; k += 1) (await BackstepEngine.create(seed)).dispose();
    assert.equal(module.HEAP8.length, memoryBefore, 'WebAssembly memory grew');
    assert.equal(engine.heapInUse(), inUseBefore, 'bytes in use on the C++ heap changed');
    assert.equal(engine.position().step, 10100);
  } finally {
    engine.dispose();
  }
});

test('train and explain match the native engine’s documented results', async () => {
  const engine = await BackstepEngine.create(fixture('mazur.json'));
  try {
    engine.train(1);
    close(engine.meanError() * 1, 0.29102777369, 1e-9); // one sample: mean = E_total
    engine.load(seed);
    const text = engine.explain('markdown', 4);
    for (const shown of ['0.191', '−0.809', '−0.2265', '0.1744', '0.2557']) assert.ok(text.includes(shown), shown);
    assert.throws(() => engine.train(-1), EngineError);
  } finally {
    engine.dispose();
  }
});

test('a disposed engine refuses to work instead of crashing', async () => {
  const engine = await BackstepEngine.create(seed);
  engine.dispose();
  assert.throws(() => engine.step(), /used after dispose/);
});

test('counts from JavaScript are checked by the engine: whole numbers in range, known formats', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const refused = (call, message) => assert.throws(call, { name: 'EngineError', message });
    refused(() => engine.train(1e10), 'epochs: expected a whole number from 0 to 10000000, got 10000000000');
    refused(() => engine.train(1.5), 'epochs: expected a whole number from 0 to 10000000, got 1.5');
    refused(() => engine.explain('html', 4), 'format: expected "markdown" or "latex", got "html"');
    refused(() => engine.explain('markdown', 100), 'decimals: expected a whole number from 0 to 15, got 100');
    refused(
      () => engine.restore(seed, { epoch: 0, sample: 0, step: 99 }),
      'position.step: expected 0 (epoch 0, sample 0), got 99',
    );
    refused(() => engine.restore(seed, {}), 'position.epoch: expected a number, got undefined');
    refused(
      () => engine.restore(seed, { epoch: NaN, sample: 0, step: 0 }),
      'position.epoch: expected a whole number from 0 to 9007199254740991, got no number',
    );
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 }, 'nothing changed');
  } finally {
    engine.dispose();
  }
});

test('a step whose numbers overflow is refused and changes nothing; train and step agree on it', async () => {
  const huge = JSON.parse(seed);
  huge.weights[0][0][0] = 1e100; // step 1 is finite; its new weights make the next forward pass overflow
  const engine = await BackstepEngine.create(huge);
  try {
    const first = engine.step();
    assert.equal(first.events.at(-1).error, null, 'the result after step 1 overflows: null, not a number');
    const after = engine.document();
    assert.throws(() => engine.step(), { name: 'EngineError', message: /^training diverged in epoch 2/ });
    assert.deepEqual(engine.document(), after);
    assert.deepEqual(engine.position(), { epoch: 1, sample: 0, step: 1 });
    engine.load(huge);
    engine.train(1);
    assert.deepEqual(engine.document().weights, after.weights, 'train takes the same first step');
    engine.load(huge);
    assert.throws(() => engine.train(2), { name: 'EngineError', message: /^training diverged in epoch 2/ });
    assert.equal(engine.document().weights[0][0][0], 1e100);
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 });
  } finally {
    engine.dispose();
  }
});
