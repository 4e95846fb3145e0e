// `backstep train` (the C++ engine) against tests/cli/reference-mlp.mjs (plain JavaScript written
// from the spec), on random documents: every weight and bias agrees to 1e-12 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as reference from './reference-mlp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = process.env.BACKSTEP_CLI ?? join(root, 'build/native/backstep');
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests/fixtures', name), 'utf8'));

// |a − b| ≤ 1e-12·max(|a|, |b|) + 1e-15: relative, with an absolute floor for values that end near 0
// (the two sides may differ by an ulp of Math.exp/Math.tanh against the C library's).
const REL = 1e-12;
const FLOOR = 1e-15;
function agree(a, b) {
  return Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) + FLOOR;
}

function run(args, input) {
  assert.ok(existsSync(cli), `${cli} is missing: run scripts/build-native.sh first`);
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `backstep ${args.join(' ')} failed: ${r.stderr}`);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout);
}

// mulberry32: a small seeded generator, so that every run tests the same documents.
function generator(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu'];

// A random document. `main` is the activation of every hidden layer; the output layer gets a random one.
function randomDocument(seed, { main, bias, trainBiases, batchSize }) {
  const g = generator(seed);
  const hidden = g.int(1, 3);
  const sizes = [g.int(1, 4)];
  for (let k = 0; k < hidden; k++) sizes.push(g.int(1, 5));
  sizes.push(g.int(1, 3));
  const layers = sizes.map((size, k) =>
    k === 0
      ? { size }
      : { size, activation: k < sizes.length - 1 ? main : g.pick(ACTIVATIONS), bias: bias && g.uniform(0, 1) < 0.8 },
  );
  const weights = [];
  const biases = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights.push(Array.from({ length: sizes[l + 1] }, () => Array.from({ length: sizes[l] }, () => g.uniform(-1, 1))));
    biases.push(Array.from({ length: sizes[l + 1] }, () => (layers[l + 1].bias ? g.uniform(-1, 1) : 0)));
  }
  const count = g.int(2, 7);
  // Inputs kept away from 0 so that no relu sits exactly on its kink by construction.
  const nonzero = () => (g.uniform(0, 1) < 0.5 ? -1 : 1) * g.uniform(0.05, 1);
  const samples = Array.from({ length: count }, () => ({
    input: Array.from({ length: sizes[0] }, nonzero),
    target: Array.from({ length: sizes.at(-1) }, () => g.uniform(-1, 1)),
  }));
  const doc = {
    format: 'backstep/1',
    title: `random ${seed}`,
    layers,
    weights,
    learningRate: g.uniform(0.01, 0.5),
    batchSize: batchSize === 1 ? 1 : g.int(2, count),
    samples,
  };
  if (bias) {
    doc.biases = biases;
    doc.trainBiases = trainBiases;
  }
  return doc;
}

const all = (p) => [...p.weights.flat(2), ...p.biases.flat()];
const finite = (p) => all(p).every(Number.isFinite);
const tame = (p) => all(p).every((x) => Math.abs(x) < 100); // finite, and far from where rounding explodes

function compare(label, printed, expected) {
  let worst = 0;
  for (let l = 0; l < expected.weights.length; l++)
    for (let j = 0; j < expected.weights[l].length; j++)
      for (let i = 0; i < expected.weights[l][j].length; i++) {
        const a = printed.weights[l][j][i];
        const b = expected.weights[l][j][i];
        assert.ok(agree(a, b), `${label}: weights[${l}][${j}][${i}] engine ${a}, reference ${b}`);
        worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300));
      }
  const printedBiases = printed.biases ?? expected.biases.map((b) => b.map(() => 0));
  for (let l = 0; l < expected.biases.length; l++)
    for (let j = 0; j < expected.biases[l].length; j++) {
      const a = printedBiases[l][j];
      const b = expected.biases[l][j];
      assert.ok(agree(a, b), `${label}: biases[${l}][${j}] engine ${a}, reference ${b}`);
      worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300));
    }
  return worst;
}

test('the reference itself reproduces the published worked examples', () => {
  const seed = fixture('seed.json');
  const once = reference.train(seed, 1);
  const expected = [
    [0.121326, 0.226989],
    [0.132135, 0.0982025],
  ];
  for (let j = 0; j < 2; j++)
    for (let i = 0; i < 2; i++) assert.ok(Math.abs(once.weights[0][j][i] - expected[j][i]) < 1e-12 * expected[j][i]);
  assert.ok(Math.abs(once.weights[1][0][0] - 0.1743825) < 1e-12);
  assert.ok(Math.abs(once.weights[1][0][1] - 0.169416) < 1e-12);
  assert.ok(Math.abs(reference.error(seed, once, seed.samples[0]) - 0.27696) < 1e-5);

  const mazur = fixture('mazur.json');
  assert.ok(Math.abs(reference.error(mazur, reference.train(mazur, 1), mazur.samples[0]) - 0.29102777369) < 1e-11);
  const trained = reference.train(mazur, 10000);
  assert.ok(Math.abs(reference.error(mazur, trained, mazur.samples[0]) - 3.5102e-5) < 5e-10);
  assert.deepEqual(trained.biases, [
    [0.35, 0.35],
    [0.6, 0.6],
  ]);
});

test('backstep train agrees with the reference on random documents', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'backstep-train-agrees-'));
  let documents = 0;
  let diverged = 0;
  let worst = 0;
  const seen = new Set();
  try {
    let seed = 1;
    for (const main of ACTIVATIONS)
      for (const bias of [false, true])
        for (const trainBiases of bias ? [true, false] : [true])
          for (const batchSize of [1, 'n'])
            for (let n = 0; n < 3; n++) {
              const doc = randomDocument(seed++, { main, bias, trainBiases, batchSize });
              const epochs = 1 + (seed % 4);
              let expected = reference.train(doc, epochs);
              // A learning rate too large for this network: the engine must refuse to print infinities
              // (and keep the document), and the comparison uses a gentler rate.
              while (!tame(expected)) {
                if (!finite(expected)) {
                  const r = spawnSync(cli, ['train', '-', '--epochs', String(epochs)], {
                    input: JSON.stringify(doc),
                    encoding: 'utf8',
                  });
                  assert.equal(r.status, 2, `seed ${seed - 1}: the reference diverges, the engine does not`);
                  assert.match(r.stderr, /^backstep: training diverged[^\n]*\n$/);
                  diverged++;
                }
                doc.learningRate /= 4;
                expected = reference.train(doc, epochs);
              }
              const label =
                `seed ${seed - 1} (${main}, bias ${bias}, trainBiases ${trainBiases}, batchSize ${doc.batchSize}, ` +
                `${doc.layers.length - 2} hidden, ${doc.samples.length} samples, ${epochs} epochs)`;
              const path = join(dir, `doc-${seed}.json`);
              writeFileSync(path, JSON.stringify(doc));
              const fromFile = run(['train', path, '--epochs', String(epochs)]);
              const fromStdin = run(['train', '-', '--epochs', String(epochs)], JSON.stringify(doc, null, 1));
              assert.deepEqual(fromStdin, fromFile, `${label}: stdin and file differ`);
              worst = Math.max(worst, compare(label, fromFile, expected));
              // Everything but the parameters is as it was.
              assert.deepEqual(fromFile.samples, doc.samples);
              assert.equal(fromFile.learningRate, doc.learningRate);
              assert.equal(fromFile.batchSize, doc.batchSize);
              assert.equal(fromFile.title, doc.title);
              seen.add(`${main}/${bias}/${trainBiases}/${doc.batchSize > 1}/${doc.layers.length - 2}`);
              documents++;
            }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(documents, 72);
  assert.ok(seen.size >= 40, `only ${seen.size} distinct configurations`);
  t.diagnostic(
    `${documents} documents (${diverged} diverged at first), worst relative difference ${worst.toExponential(2)}`,
  );
});

test('fixed biases stay fixed and trained ones move', () => {
  for (const trainBiases of [false, true]) {
    const doc = randomDocument(999, { main: 'sigmoid', bias: true, trainBiases, batchSize: 1 });
    doc.layers.forEach((layer, k) => k > 0 && (layer.bias = true));
    doc.biases = doc.biases.map((b) => b.map((_, j) => 0.1 * (j + 1)));
    const printed = run(['train', '-', '--epochs', '2'], JSON.stringify(doc));
    if (trainBiases) assert.notDeepEqual(printed.biases, doc.biases);
    else assert.deepEqual(printed.biases, doc.biases);
    compare(`trainBiases ${trainBiases}`, printed, reference.train(doc, 2));
  }
});
