// `backstep trace --variant` and `backstep explain --variant` from outside: the numbers of the shared worked examples
// (Mazur's summary figure from the output-first order, netflow.js's rounded second prediction of the seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = process.env.BACKSTEP_CLI ?? join(root, 'build/native/backstep');
const fixture = (name) => join(root, 'tests/fixtures', name);

function run(args) {
  assert.ok(existsSync(cli), `${cli} is missing: run scripts/build-native.sh first`);
  return spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function trace(args) {
  const r = run(['trace', ...args]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout);
}

const result = (t) => t.events.find((e) => e.kind === 'result');

test('trace --variant output-first: Mazur’s E after one round is 0.29102792391, the standard 0.29102777369', () => {
  const variant = trace([fixture('mazur.json'), '--variant', 'output-first']);
  assert.deepEqual(variant.variant, ['output-first']);
  assert.ok(Math.abs(result(variant).error - 0.29102792391) < 1e-11, String(result(variant).error));
  const standard = trace([fixture('mazur.json')]);
  assert.equal(standard.variant, undefined);
  assert.ok(Math.abs(result(standard).error - 0.29102777369) < 1e-11, String(result(standard).error));
});

test('trace --variant round-2: the seed’s second prediction is 0.25 (0.255746 without it)', () => {
  const variant = trace([fixture('seed.json'), '--variant', 'round-2']);
  assert.deepEqual(result(variant).prediction, [0.25]);
  assert.equal(result(variant).error, 0.28);
  assert.ok(Math.abs(result(trace([fixture('seed.json')])).prediction[0] - 0.255746) < 1e-6);
});

test('--variant repeats and takes comma lists; the names come back in one order', () => {
  const t = trace([fixture('mazur.json'), '--variant', 'trained-biases,round-2', '--variant', 'output-first']);
  assert.deepEqual(t.variant, ['output-first', 'round-2', 'trained-biases']);
  assert.ok(t.events.some((e) => e.kind === 'update' && e.type === 'bias'));
});

test('explain --variant: the worked solution of the variant’s step', () => {
  const r = run(['explain', fixture('seed.json'), '--variant', 'round-2', '--decimals', '4']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Variant: round-2\./);
  assert.match(r.stdout, /w5 ← w5 − η·∂E\/∂w5 = 0\.14 − 0\.05 × \(−0\.69\) = 0\.17\n/);
  assert.match(r.stdout, /new prediction = 0\.25\n/);
});

test('an unknown variant is refused with status 2, naming it and the valid names', () => {
  const r = run(['trace', fixture('seed.json'), '--variant', 'output-first,backwards']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    'backstep: --variant: unknown name "backwards"; expected output-first, round-2, fixed-biases, trained-biases, ' +
      'batch, per-sample (a comma-separated list) (backstep --help shows the usage)\n',
  );
  const other = run(['train', fixture('seed.json'), '--variant', 'round-2']);
  assert.equal(other.status, 2);
  assert.match(other.stderr, /unexpected argument "--variant"/);
});
