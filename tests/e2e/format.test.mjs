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
import { BackstepEngine } from '../../web/src/engine/engine.js';
import seed from '../../web/src/presets/seed.js';
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
  assert.equal(formatNumber(-0.0001, 3), '0');
  assert.equal(formatNumber(0.125, 2), '0.13');
  assert.equal(formatNumber(-0.125, 2), '−0.13');
  assert.equal(formatAscii(-0.809, 3), '-0.809');
  assert.equal(formatFactor(-0.809, 3), '(−0.809)');
  assert.equal(formatFactor(0.14, 3), '0.14');
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

test('the page rounds like the C++ explain output', { skip: !existsSync(join(ROOT, 'build/native/backstep')) && 'native CLI not built' }, () => {
  const explained = execFileSync(join(ROOT, 'build/native/backstep'), ['explain', join(ROOT, 'tests/fixtures/seed.json'), '--decimals', '3'], { encoding: 'utf8' });
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
});
