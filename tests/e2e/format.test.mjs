// Display rules checked in Node (no browser): rounding like the C++ `explain`, the Unicode
// minus, refusal of text that is not a finite number, and the words the narration uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatAscii, formatNumber, formatFactor } from '../../web/src/format/number.js';
import { parseNumber } from '../../web/src/edit/parse.js';
import { withValue } from '../../web/src/edit/targets.js';
import { phaseRuns, phaseStart } from '../../web/src/player/timeline.js';
import { BackstepEngine, EngineError } from '../../web/src/engine/engine.js';
import { narrate } from '../../web/src/narration/narrate.js';
import { createTranslator } from '../../web/src/i18n/index.js';

const t = createTranslator('en');
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };
import { ROOT } from './harness.mjs';

test('rounds half away from zero, strips zeros, uses the Unicode minus', () => {
  assert.equal(formatNumber(-0.22652, 4), '−0.2265');
  assert.equal(formatNumber(-0.22652, 3), '−0.227');
  assert.equal(formatNumber(0.1743825, 4), '0.1744');
  assert.equal(formatNumber(0.1743825, 3), '0.174');
  assert.equal(formatNumber(0.85, 3), '0.85');
  assert.equal(formatNumber(0.2557457808075, 2), '0.26');
  assert.equal(formatNumber(0.0982025, 3), '0.098');
  assert.equal(formatNumber(2, 3), '2');
  assert.equal(formatNumber(-0.0001, 3), '−1e−4', 'below 0.0005: scientific, not 0');
  assert.equal(formatNumber(0.125, 2), '0.13');
  assert.equal(formatNumber(-0.125, 2), '−0.13');
  assert.equal(formatAscii(-0.809, 3), '-0.809');
  assert.equal(formatFactor(-0.809, 3), '(−0.809)');
  assert.equal(formatFactor(0.14, 3), '0.14');
});

// Expected texts worked out by hand from the rule (number.js), not by running it.
test('very large or very small magnitudes are written in scientific notation', () => {
  assert.equal(formatNumber(1.2e30, 3), '1.2e30'); // toExponential(2) "1.20e+30"
  assert.equal(formatNumber(1e100, 3), '1e100');
  assert.equal(formatNumber(-1e305, 3), '−1e305');
  assert.equal(formatNumber(1e15, 3), '1e15', '1e15 itself is scientific');
  assert.equal(formatNumber(0.000438568, 3), '4.39e−4'); // < 0.0005
  assert.equal(formatNumber(3.5102e-5, 4), '3.51e−5'); // < 0.00005; "3.510e-5"
  assert.equal(formatAscii(-0.000438568, 3), '-4.39e-4');
  assert.equal(formatFactor(-0.000438568, 3), '(−4.39e−4)');
  assert.equal(formatNumber(0, 3), '0');
  assert.equal(formatNumber(-0, 3), '0');
  // Rounding is exact on the double's true value: the double 1.005 is 1.00499999999999989…, below the half.
  assert.equal(formatNumber(1.005, 2), '1');
  assert.equal(formatNumber(123456.789, 2), '123456.79');
  assert.equal(formatNumber(1.25e15, 2), '1.3e15', 'a tie in scientific notation rounds away from zero');
  // The double −0.68765 is −0.687649999999999983…: −0.6876 (multiplying by 10⁴ would round it to the half).
  assert.equal(formatNumber(-0.68765, 4), '−0.6876');
});

test('accepts plain numbers and refuses "abc", "", "1e999"', () => {
  assert.deepEqual(parseNumber('0.5'), { ok: true, value: 0.5 });
  assert.deepEqual(parseNumber(' −0.25 '), { ok: true, value: -0.25 });
  assert.deepEqual(parseNumber('0,5'), { ok: true, value: 0.5 });
  assert.deepEqual(parseNumber('.5'), { ok: true, value: 0.5 });
  assert.deepEqual(parseNumber('1e-3'), { ok: true, value: 0.001 });
  assert.equal(parseNumber('abc').reason, 'notNumber');
  assert.equal(parseNumber('0x10').reason, 'notNumber');
  assert.equal(parseNumber('1.2.3').reason, 'notNumber');
  assert.equal(parseNumber('').reason, 'empty');
  assert.equal(parseNumber('   ').reason, 'empty');
  assert.equal(parseNumber('1e999').reason, 'notFinite');
  assert.equal(parseNumber('Infinity').reason, 'notNumber');
  assert.equal(parseNumber('1e-400').reason, 'tooSmall', 'underflows to 0 although it is not 0');
  assert.equal(parseNumber('−0.5e-330').reason, 'tooSmall');
  assert.deepEqual(parseNumber('0'), { ok: true, value: 0 });
  assert.deepEqual(parseNumber('-0'), { ok: true, value: 0 });
  assert.deepEqual(parseNumber('0e-400'), { ok: true, value: 0 });
});

test('a document that is neither text nor an object is an EngineError', async () => {
  const engine = await BackstepEngine.create(seed);
  for (const doc of [undefined, null, 42, true]) assert.throws(() => engine.load(doc), EngineError);
  assert.throws(() => engine.load(undefined), {
    message: 'document: expected a JSON object or its text, got undefined',
  });
  assert.equal(engine.position().step, 0, 'the engine still holds the seed');
  engine.dispose();
});

test('Mazur: the error sentence sums the squares, a negative Δ is in parentheses', async () => {
  const engine = await BackstepEngine.create(mazur);
  const { events } = engine.step();
  engine.dispose();
  const context = { decimals: 3, t, events, outputNames: ['o1', 'o2'] };
  assert.equal(
    narrate(
      events.find((event) => event.kind === 'error'),
      context,
    ),
    'Prediction o1 = 0.751 against target 0.01: Δ = 0.751 − 0.01 = 0.741. Prediction o2 = 0.773 against target 0.99: Δ = 0.773 − 0.99 = −0.217. E = ½ Σ Δ² = ½ × (0.741² + (−0.217)²) = 0.298.',
  );
  assert.equal(
    narrate(
      events.find((event) => event.kind === 'delta' && event.name === 'o2'),
      context,
    ),
    'δ(o2) = Δ × f′(z) = (−0.217) × 0.176 = −0.038',
  );
});

test('an edit copies the document and replaces exactly one value', () => {
  const edited = withValue(seed, { kind: 'weight', layer: 0, dest: 0, source: 0 }, 0.5);
  assert.equal(edited.weights[0][0][0], 0.5);
  assert.equal(seed.weights[0][0][0], 0.11);
  assert.deepEqual(edited.weights[1], seed.weights[1]);
  assert.equal(withValue(seed, { kind: 'learningRate' }, 0.1).learningRate, 0.1);
  assert.equal(withValue(seed, { kind: 'target', sample: 0, index: 0 }, 2).samples[0].target[0], 2);
});

test('the seed step has the four phases in order, and phase jumps land on their first frame', async () => {
  const engine = await BackstepEngine.create(seed);
  const { events } = engine.step();
  engine.dispose();
  assert.deepEqual(
    phaseRuns(events).map((run) => [run.phase, run.start, run.end]),
    [
      ['forward', 0, 3],
      ['error', 4, 4],
      ['backward', 5, 13],
      ['update', 14, 20],
    ],
  );
  assert.equal(phaseStart(events, 'update', 0), 14);
  assert.equal(phaseStart(events, 'error', 18), 4);
});

test(
  'the page rounds like the C++ explain output',
  { skip: !existsSync(join(ROOT, 'build/native/backstep')) && 'native CLI not built' },
  () => {
    const explained = execFileSync(
      join(ROOT, 'build/native/backstep'),
      ['explain', join(ROOT, 'tests/fixtures/seed.json'), '--decimals', '3'],
      { encoding: 'utf8' },
    );
    for (const [value, shown] of [
      [-0.22652, '−0.227'],
      [0.1743825, '0.174'],
      [0.121326, '0.121'],
      [-0.8089999999999999, '−0.809'],
      [0.0982025, '0.098'],
    ]) {
      assert.equal(formatNumber(value, 3), shown);
      assert.ok(explained.includes(shown), `explain prints ${shown}`);
    }
  },
);
