// The variants of a step through the JavaScript module (BackstepEngine.traceVariant, explain with a variant): the
// published numbers they reproduce, the engine's refusals, and that the engine does not move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { BackstepEngine, EngineError } from '../../web/src/engine/engine.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const result = (trace) => trace.events.find((e) => e.kind === 'result');

async function withEngine(name, body) {
  const engine = await BackstepEngine.create(fixture(name));
  try {
    await body(engine);
  } finally {
    engine.dispose();
  }
}

test('output-first on Mazur: E after one round is the post’s 0.29102792391; the standard step’s 0.29102777369', () =>
  withEngine('mazur.json', (engine) => {
    const variant = engine.traceVariant(['output-first']);
    assert.deepEqual(variant.variant, ['output-first']);
    assert.ok(Math.abs(result(variant).error - 0.29102792391) < 1e-11, String(result(variant).error));
    const standard = engine.step();
    assert.equal(standard.variant, undefined);
    assert.ok(Math.abs(result(standard).error - 0.29102777369) < 1e-11, String(result(standard).error));
  }));

test('round-2 on the seed: the second prediction is netflow.js’s 0.25, beside the standard 0.255746', () =>
  withEngine('seed.json', (engine) => {
    const before = { document: engine.document(), position: engine.position() };
    const variant = engine.traceVariant('round-2');
    assert.deepEqual(result(variant).prediction, [0.25]);
    const updates = variant.events.filter((e) => e.kind === 'update').map((e) => e.new);
    assert.deepEqual(updates, [0.12, 0.23, 0.13, 0.1, 0.17, 0.17]);
    // The engine has not moved: the variant was computed beside the step, not instead of it.
    assert.deepEqual(engine.document(), before.document);
    assert.deepEqual(engine.position(), before.position);
    assert.ok(Math.abs(result(engine.step()).prediction[0] - 0.255746) < 1e-6);
  }));

test('explain takes a variant; the standard explanation is unchanged without one', () =>
  withEngine('seed.json', (engine) => {
    const rounded = engine.explain('markdown', 4, ['round-2']);
    assert.match(rounded, /Variant: round-2\./);
    assert.match(rounded, /new prediction = 0\.25\n/);
    const standard = engine.explain('markdown', 4);
    assert.doesNotMatch(standard, /Variant/);
    assert.match(standard, /new prediction = 0\.2557\n/);
  }));

test('an unknown or contradictory variant arrives as an EngineError naming it, and nothing moves', () =>
  withEngine('mazur.json', (engine) => {
    const position = engine.position();
    assert.throws(
      () => engine.traceVariant(['output-first', 'sideways']),
      (error) =>
        error instanceof EngineError &&
        error.message ===
          'variant: unknown name "sideways"; expected output-first, round-2, fixed-biases, trained-biases, batch, ' +
            'per-sample (a comma-separated list)',
    );
    assert.throws(() => engine.traceVariant('batch,per-sample'), /batch and per-sample contradict each other/);
    assert.throws(() => engine.explain('markdown', 4, 'fast'), /variant: unknown name "fast"/);
    assert.throws(() => engine.traceVariant(7), /variant: expected an array of names or a comma-separated string/);
    assert.throws(() => engine.traceVariant([1]), /variant\[0\]: expected a string, got 1/);
    assert.deepEqual(engine.position(), position);
  }));

test('a variant’s trace leaks nothing on the C++ heap', () =>
  withEngine('mazur.json', (engine) => {
    engine.traceVariant('output-first,round-2,trained-biases');
    const heap = engine.heapInUse();
    for (let k = 0; k < 50; k++) engine.traceVariant('output-first,round-2,trained-biases');
    assert.equal(engine.heapInUse(), heap);
  }));
