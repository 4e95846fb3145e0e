// What hostile testing found, through the WebAssembly module: every refusal is an EngineError with a clean
// message, the heap stays flat, a step too large to trace is refused up front and the module lives on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { BackstepEngine, EngineError, loadEngineModule } from '../../web/src/engine/engine.js';

const seed = readFileSync(new URL('../fixtures/seed.json', import.meta.url), 'utf8');

/** A network of `sizes`: tanh hidden layers, linear output, small weights, one sample. */
function network(sizes) {
  const layers = sizes.map((size, k) =>
    k === 0 ? { size } : { size, activation: k === sizes.length - 1 ? 'linear' : 'tanh' },
  );
  const weights = sizes
    .slice(1)
    .map((size, l) =>
      Array.from({ length: size }, (_, j) =>
        Array.from({ length: sizes[l] }, (_, i) => (((i * 7 + j * 13) % 19) - 9) / 100),
      ),
    );
  const samples = [{ input: Array(sizes[0]).fill(0.5), target: Array(sizes.at(-1)).fill(1) }];
  return { format: 'backstep/1', layers, weights, learningRate: 0.01, samples };
}

test('1,000 refused loads of invalid UTF-8 JSON: each an EngineError with a clean message, the heap flat', async () => {
  const module = await loadEngineModule();
  await assert.rejects(
    () => BackstepEngine.create('{é}'),
    (error) => error instanceof EngineError,
  );
  const engine = await BackstepEngine.create(seed);
  try {
    for (let k = 0; k < 20; k += 1) assert.throws(() => engine.load('{é}'), EngineError); // warm up
    const inUse = engine.heapInUse();
    const memory = module.HEAP8.length;
    for (let k = 0; k < 1000; k += 1) {
      assert.throws(
        () => engine.load('{é}'),
        (error) => {
          assert.ok(error instanceof EngineError, String(error));
          assert.match(error.message, /^document: invalid JSON/);
          assert.ok(!error.message.includes('\uFFFD'), 'no invalid UTF-8 reached JavaScript');
          return true;
        },
      );
    }
    assert.equal(engine.heapInUse(), inUse, 'bytes in use on the C++ heap changed');
    assert.equal(module.HEAP8.length, memory);
    assert.equal(
      engine
        .step()
        .events.find((e) => e.kind === 'forward' && e.name === 'o1')
        .a.toFixed(3),
      '0.191',
    );
  } finally {
    engine.dispose();
  }
});

test('the JavaScript wrapper turns its own failures into EngineError with a message', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const deep = JSON.parse(seed);
    let nested = {};
    deep.future = nested;
    for (let k = 0; k < 20000; k += 1) nested = nested.inner = {};
    assert.throws(() => engine.load(deep), { name: 'EngineError', message: /^document: cannot be written as JSON/ });
    assert.throws(() => engine.explain(5), {
      name: 'EngineError',
      message: 'format: expected "markdown" or "latex", got 5',
    });
    assert.throws(() => engine.restore(seed), {
      name: 'EngineError',
      message: 'position: expected { epoch, sample, step }, got undefined',
    });
    assert.throws(() => engine.train('3'), {
      name: 'EngineError',
      message: 'epochs: expected a number, got the string "3"',
    });
    assert.throws(() => engine.load([]), {
      name: 'EngineError',
      message: 'document: expected a JSON object or its text, got an array',
    });
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 }, 'nothing changed');
  } finally {
    engine.dispose();
  }
});

// Found by tests/wasm/property.test.mjs (fast-check): each of these once escaped as a TypeError, a message over
// several lines, or text that Emscripten's UTF-8 encoder silently changed.
test('the wrapper refuses lone surrogates and options that are not objects, in one clean line', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const before = engine.document();
    const loneSurrogate = /^document: not valid Unicode text: a lone surrogate \(U\+D(FFF|800)\) at character \d+$/;
    // "\udfffa" was loaded as U+10FC61 (the 'a' swallowed); "\ud800" swallowed its closing quote.
    assert.throws(() => engine.load(seed.replace('Backpropagation step by step', '\udfffa')), {
      name: 'EngineError',
      message: loneSurrogate,
    });
    assert.throws(() => engine.load(seed.replace('Backpropagation step by step', '\ud800')), {
      name: 'EngineError',
      message: loneSurrogate,
    });
    assert.throws(() => engine.initialize({ scheme: 'he\ud800', seed: 1 }), {
      name: 'EngineError',
      message: 'scheme: not valid Unicode text: a lone surrogate (U+D800) at character 3',
    });
    for (const [call, message] of [
      [() => engine.trainCurve(1, null), 'options: expected an object, got null'],
      [() => engine.editShape('bias', 3), 'options: expected an object, got 3'],
      [() => engine.initialize(), 'scheme: expected a string, got undefined'],
      [() => engine.initialize(null), 'options: expected an object, got null'],
    ])
      assert.throws(call, { name: 'EngineError', message });
    const cyclic = JSON.parse(seed);
    cyclic.self = cyclic;
    assert.throws(() => engine.load(cyclic), {
      name: 'EngineError',
      message: 'document: cannot be written as JSON (Converting circular structure to JSON)',
    });
    assert.throws(() => engine.train('\u2028\u0085\u202e'), {
      name: 'EngineError',
      message: 'epochs: expected a number, got the string "\\u2028\\u0085\\u202E"',
    });
    const x19 = 'x'.repeat(19);
    assert.throws(() => engine.train(`${x19}𝄞𝄞`), {
      name: 'EngineError',
      message: `epochs: expected a number, got the string "${x19}𝄞…"`, // cut at 20 characters, not inside 𝄞
    });
    assert.deepEqual(engine.document(), before);
  } finally {
    engine.dispose();
  }
});

test('a step too large to trace is refused before any work, and every engine lives on', async () => {
  const other = await BackstepEngine.create(seed);
  const big = await BackstepEngine.create(network([1, 256, 256, 256, 1]));
  try {
    const start = performance.now();
    assert.throws(() => big.step(), {
      name: 'EngineError',
      message: /^trace: this step would have 264709 events, over the limit of 100000.*use train/,
    });
    assert.ok(performance.now() - start < 1000, 'refused up front');
    assert.deepEqual(big.position(), { epoch: 0, sample: 0, step: 0 });
    assert.equal(
      other
        .step()
        .events.find((e) => e.kind === 'error')
        .total.toFixed(7),
      '0.3272405',
    );
  } finally {
    big.dispose();
    other.dispose();
  }
});

test('the largest trace the limits allow crosses into JavaScript', async () => {
  const engine = await BackstepEngine.create(network([1, 220, 220, 1]));
  try {
    const trace = engine.step();
    assert.equal(trace.events.length, 98565);
    assert.equal(trace.events.filter((e) => e.kind === 'update').length, 48840);
  } finally {
    engine.dispose();
  }
});

test('the largest double prints as a finite number in explain', async () => {
  const doc = JSON.parse(seed);
  doc.learningRate = 1.7976931348623157e308;
  const engine = await BackstepEngine.create(doc);
  try {
    // The step stays finite (the new weights are near 1e308); the prediction after it overflows.
    const text = engine.explain('markdown', 4);
    assert.match(text, /learning rate η = 1\.798e308\./);
    assert.match(text, /new prediction = overflow/);
    assert.doesNotMatch(text, /inf|NaN/);
    assert.match(engine.explain('latex', 4), /learning rate 1\.798 \\times 10\^\{308\}/);
  } finally {
    engine.dispose();
  }
});

test('counts past 2^32 are not wrapped in WebAssembly (size_t has 32 bits there)', async () => {
  // One batch of 65,030 samples of a 1-254-254-1 network: 4,294,971,374 events, 4,078 once wrapped.
  const wide = network([1, 254, 254, 1]);
  wide.samples = Array.from({ length: 65030 }, (_, k) => ({ input: [k % 7], target: [1] }));
  wide.batchSize = 100000;
  const engine = await BackstepEngine.create(wide);
  try {
    assert.throws(() => engine.step(), {
      name: 'EngineError',
      message: /^trace: this step would have 4294971374 events/,
    });
    const small = network([1, 1]);
    small.samples = Array.from({ length: 65536 }, () => ({ input: [1], target: [1] }));
    engine.load(small);
    assert.throws(() => engine.train(65537), { name: 'EngineError', message: /^epochs: 65537 epochs × 65536 samples/ });
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 });
  } finally {
    engine.dispose();
  }
});

test('text too large is refused before it crosses into WebAssembly, and documents round-trip as the engine wrote them', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const module = await loadEngineModule();
    const memory = module.HEAP8.length;
    assert.throws(() => engine.load('€'.repeat(5_000_000)), { name: 'EngineError', message: /^document: too large/ });
    assert.equal(module.HEAP8.length, memory, 'the text never reached the C++ heap');
    // 1e20 is "1e+20" to the engine and 21 digits to JSON.stringify: a document the engine wrote goes back as written.
    const doc = JSON.parse(seed);
    doc.samples = Array.from({ length: 60000 }, () => ({ input: [1e20, 1e20], target: [1e20] }));
    engine.load(JSON.stringify(doc).replaceAll('100000000000000000000', '1e20'));
    const written = engine.document();
    assert.ok(JSON.stringify(written).length > 4 * 1024 * 1024, 'JSON.stringify would be over the limit');
    engine.restore(written, { epoch: 0, sample: 0, step: 0 });
    assert.deepEqual(engine.position(), { epoch: 0, sample: 0, step: 0 });
  } finally {
    engine.dispose();
  }
});

test('the last step count JavaScript holds exactly (2^53 − 1) is restored and reported; one more step is refused', async () => {
  const engine = await BackstepEngine.create(seed);
  try {
    const last = Number.MAX_SAFE_INTEGER;
    engine.restore(seed, { epoch: last, sample: 0, step: last });
    assert.deepEqual(engine.position(), { epoch: last, sample: 0, step: last });
    assert.throws(
      () => engine.step(),
      (error) => error instanceof EngineError && /would pass 9007199254740991/.test(error.message),
    );
    assert.throws(() => engine.train(1), EngineError);
    assert.deepEqual(engine.position(), { epoch: last, sample: 0, step: last }, 'nothing moved');
    assert.throws(() => engine.restore(seed, { epoch: 2 ** 53, sample: 0, step: 2 ** 53 }), EngineError);
  } finally {
    engine.dispose();
  }
});
