// The variant explorer's model, from real engine traces: the standard step beside a variant's (state/comparison.js,
// through the actions the page uses), the published numbers each variant explains, the digits a pair is shown with
// (format/pair.js), the list of variants (state/variants.js) and its field in share links.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine, engineLimits } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { currentEntry } from '../../web/src/state/selectors.js';
import { compareSteps } from '../../web/src/state/comparison.js';
import { groupChoice, parseVariants, variantsText, withVariant } from '../../web/src/state/variants.js';
import { firstDifferingDecimal, formatPair, pairDecimals } from '../../web/src/format/pair.js';
import { readLink, writeLink } from '../../web/src/link/share-link.js';
import { mountOptionsFromLink } from '../../web/src/link/mount-options.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

/** The page's state and actions on a document, with the variants chosen; `calls` counts the engine's variant traces. */
async function page(doc, variants) {
  const engine = await BackstepEngine.create(doc);
  const calls = [];
  const traceVariant = engine.traceVariant.bind(engine);
  engine.traceVariant = (names) => (calls.push(names), traceVariant(names));
  const store = createStore(createInitialState({ language: 'en' }, variants));
  const reports = [];
  const actions = createActions(store, createSession(engine), {
    report: (message) => reports.push(message),
    t: createTranslator('en'),
    formatValue: String,
  });
  actions.loadDocument(doc);
  /** The comparison of the step on screen, as the Variants panel makes it. */
  const compare = () => {
    const state = store.get();
    const result = actions.variantTrace();
    assert.equal(result.ok, true, result.message);
    return compareSteps(currentEntry(state).trace, result.trace, state.labels.neurons.at(-1));
  };
  return { engine, store, actions, calls, reports, compare };
}

const near = (actual, expected, tolerance, what) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: ${actual}, expected ${expected}`);

const row = (rows, name) => rows.find((r) => r.name === name);

test('Mazur, output first: E after one round 0.29102792391 (the post’s) beside the standard 0.29102777369', async () => {
  const { engine, compare, reports } = await page(mazur, ['output-first']);
  try {
    const { results, parameters, differing } = compare();
    const error = row(results, 'E');
    near(error.standard, 0.29102777369, 1e-11, 'standard E');
    near(error.variant, 0.29102792391, 1e-11, 'output-first E');
    assert.equal(error.differs, true);
    assert.equal(firstDifferingDecimal(error.standard, error.variant), 7, '0.2910277… and 0.2910279…');
    // The output layer's gradients come first, from the old weights either way: w5–w8 are the same bits. The hidden
    // deltas then read the new w5–w8, so w1–w4 differ.
    for (const name of ['w5', 'w6', 'w7', 'w8']) assert.equal(row(parameters, name).differs, false, name);
    near(row(parameters, 'w5').variant, 0.35891648, 1e-8, 'w5 (Mazur: 0.35891648)');
    for (const name of ['w1', 'w2', 'w3', 'w4']) assert.equal(row(parameters, name).differs, true, name);
    near(row(parameters, 'w1').standard, 0.149780716, 1e-9, 'standard w1 (Mazur: 0.149780716)');
    assert.deepEqual(
      differing.map((r) => r.name),
      ['o1', 'o2', 'E', 'w1', 'w2', 'w3', 'w4'],
    );
    // The biases are not trained in the post: no row for them, nothing reported.
    assert.equal(parameters.length, 8);
    assert.deepEqual(reports, []);
  } finally {
    engine.dispose();
  }
});

test('the seed, rounded to 2 decimals: the prediction after the step is netflow.js’s 0.25, not 0.255746', async () => {
  const { engine, compare } = await page(seed, ['round-2']);
  try {
    const { results, parameters } = compare();
    const prediction = row(results, 'o1');
    assert.equal(prediction.variant, 0.25);
    near(prediction.standard, 0.255746, 1e-6, 'standard prediction');
    assert.equal(row(results, 'E').variant, 0.28);
    assert.deepEqual(
      parameters.map((r) => r.variant),
      [0.12, 0.23, 0.13, 0.1, 0.17, 0.17],
    );
    assert.ok(parameters.every((r) => r.differs));
  } finally {
    engine.dispose();
  }
});

test('trained biases on Mazur: the standard step keeps b1–b4 (not updated), the variant moves them', async () => {
  const { engine, compare } = await page(mazur, ['trained-biases']);
  try {
    const { parameters } = compare();
    const b1 = row(parameters, 'b1');
    assert.deepEqual(b1.updated, [false, true]);
    assert.equal(b1.standard, 0.35, 'not updated: its value before the step');
    assert.equal(b1.differs, true);
    assert.equal(row(parameters, 'w1').differs, false, 'the weights’ updates do not depend on the biases’');
  } finally {
    engine.dispose();
  }
});

test('one engine call per step and list: scrubbing, or coming back to a step, reuses the trace', async () => {
  const { engine, actions, calls, store } = await page(mazur, ['output-first']);
  try {
    const first = actions.variantTrace();
    actions.jumpTo(5);
    actions.jumpTo(12);
    assert.equal(actions.variantTrace(), first);
    actions.skipToEnd();
    actions.stepForward(); // the next step: computed once
    const second = actions.variantTrace();
    assert.notEqual(second, first);
    actions.reset(); // back to the first step: from the cache
    assert.equal(actions.variantTrace(), first);
    assert.deepEqual(calls, ['output-first', 'output-first']);
    actions.setVariants(['round-2', 'output-first']); // another list: computed once more
    assert.deepEqual(store.get().variants, ['output-first', 'round-2'], 'kept in the engine’s order');
    actions.variantTrace();
    actions.variantTrace();
    assert.deepEqual(calls, ['output-first', 'output-first', 'output-first,round-2']);
    actions.setVariants([]);
    assert.equal(actions.variantTrace(), null, 'no variant: nothing to compute');
  } finally {
    engine.dispose();
  }
});

test('output first with a batch of two: the engine’s refusal; the engine stays on the step on screen', async () => {
  const doc = { ...structuredClone(mazur), batchSize: 2, samples: [...mazur.samples, ...mazur.samples] };
  const { engine, actions, store, reports } = await page(doc, ['output-first']);
  try {
    const result = actions.variantTrace();
    assert.equal(result.ok, false);
    assert.match(result.message, /per-sample/);
    assert.deepEqual(reports, [], 'said in the panel, not in the banner');
    actions.setVariants(['output-first', 'per-sample']);
    assert.equal(actions.variantTrace().ok, true);
    assert.deepEqual(engine.position(), currentEntry(store.get()).position);
  } finally {
    engine.dispose();
  }
});

test('a pair’s digits: the page’s decimals when they show the difference, else 4 past the first that does', () => {
  const [standard, variant] = [0.29102777369359933, 0.29102792390544197];
  assert.equal(pairDecimals(standard, variant, 3), 11);
  assert.deepEqual(formatPair(standard, variant, 3), { a: '0.29102777369', b: '0.29102792391', decimals: 11 });
  assert.deepEqual(formatPair(standard, variant, 6, ','), { a: '0,29102777369', b: '0,29102792391', decimals: 11 });
  // Where they start to differ, from the digits alone (no subtraction): 0.2910277… and 0.2910279…, the 7th decimal.
  assert.equal(firstDifferingDecimal(standard, variant), 7);
  assert.equal(firstDifferingDecimal(1.5, 2.5), 0);
  assert.equal(firstDifferingDecimal(0.3, 0.1 + 0.2), 17);
  assert.equal(firstDifferingDecimal(0.5, 0.5), null);
  assert.equal(firstDifferingDecimal(0.5, null), null);
  // Already different at the page's decimals: as the page shows them.
  assert.deepEqual(formatPair(0.2557457808075, 0.25, 4), { a: '0.2557', b: '0.25', decimals: 4 });
  assert.equal(firstDifferingDecimal(0.2557457808075, 0.25), 2);
  // Equal, or not both numbers: the page's decimals.
  assert.equal(pairDecimals(0.35891647971788465, 0.35891647971788465, 3), 3);
  assert.equal(pairDecimals(0.1, null, 3), 3);
  assert.equal(pairDecimals(0, -0, 3), 3);
  // The last bit: the 17th decimal, no further (each double rounded from its exact binary value, as everywhere).
  assert.deepEqual(formatPair(0.1 + 0.2, 0.3, 3), {
    a: '0.30000000000000004',
    b: '0.29999999999999999',
    decimals: 17,
  });
  // Numbers written in scientific form (tiny or huge): more digits of the mantissa.
  assert.deepEqual(formatPair(1e-20, 1.0000000001e-20, 3), {
    a: '1e\u221220',
    b: '1.0000000001e\u221220',
    decimals: 15,
  });
  assert.deepEqual(formatPair(1.23456e16, 1.23457e16, 3), { a: '1.23456e16', b: '1.23457e16', decimals: 10 });
});

test('the variants: one of a pair at a time, in the engine’s order; unknown and contradictory names refused', () => {
  assert.deepEqual(withVariant(['batch', 'round-2'], 'per-sample', true), ['round-2', 'per-sample']);
  assert.deepEqual(withVariant(['round-2', 'fixed-biases'], 'fixed-biases', false), ['round-2']);
  assert.deepEqual(withVariant(['round-2'], 'output-first', true), ['output-first', 'round-2']);
  assert.equal(groupChoice(['trained-biases'], 'biases'), 'trained-biases');
  assert.equal(groupChoice(['trained-biases'], 'batching'), null);
  assert.equal(variantsText(['per-sample', 'output-first', 'output-first']), 'output-first,per-sample');
  assert.deepEqual(parseVariants(' round-2 ,output-first,'), { ok: true, names: ['output-first', 'round-2'] });
  assert.equal(parseVariants('batch,per-sample').message, 'batch and per-sample contradict each other');
  assert.match(parseVariants('output-first,sideways').message, /^unknown name "sideways"; expected output-first, /);
});

test('share links carry variant=output-first,round-2, read back; a bad list is refused by name', async () => {
  const limits = await engineLimits();
  const engine = await BackstepEngine.create(mazur);
  const document = engine.document();
  engine.dispose();
  const link = await writeLink({ document, variants: ['round-2', 'output-first'] });
  assert.match(link, /&variant=output-first,round-2$/);
  const read = await readLink(`#${link}`, limits);
  assert.deepEqual(read.variants, ['output-first', 'round-2']);
  assert.deepEqual(mountOptionsFromLink(read).variants, ['output-first', 'round-2']);
  assert.doesNotMatch(await writeLink({ document, variants: [] }), /variant=/, 'none: no field');
  assert.equal(mountOptionsFromLink(await readLink(`#${await writeLink({ document })}`, limits)).variants, undefined);
  // A link written by hand, in any order and spacing, with a variant alone (no document).
  assert.deepEqual((await readLink('#variant=trained-biases%2C%20batch', limits)).variants, [
    'trained-biases',
    'batch',
  ]);
  for (const [fragment, message] of [
    ['#variant=sideways', 'link: variant: unknown name "sideways"; expected output-first, round-2,'],
    ['#variant=fixed-biases,trained-biases', 'link: variant: fixed-biases and trained-biases contradict each other'],
  ]) {
    const refused = await readLink(fragment, limits);
    assert.equal(refused.ok, false);
    assert.ok(refused.message.startsWith(message), refused.message);
  }
});
