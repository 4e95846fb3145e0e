// Saying what changed: the extra-digits rule for an old → new label (format/change.js), the sentence of an edit
// (narration/change-sentence.js) on the engine's own trace of the edited step, and the numbers checked against
// outside references: Mazur's "A Step by Step Backpropagation Example" (w2+ = 0.19956143) and the hmkcode post's
// formulas for the seed network (h1 = 2·0.11 + 3·0.21, h2 = 2·0.12 + 3·0.08, prediction = h1·w5 + h2·w6,
// E = ½(prediction − 1)²), computed here independently.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { changeDecimals, formatChange } from '../../web/src/format/change.js';
import { formatColumn } from '../../web/src/format/column.js';
import { formatNumber } from '../../web/src/format/number.js';
import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import { changeSentence } from '../../web/src/narration/change-sentence.js';
import { narrate } from '../../web/src/narration/narrate.js';
import { pillRows } from '../../web/src/graph/pill.js';
import { scalarFormula } from '../../web/src/formula/scalar.js';
import { dataChange, shapeChange } from '../../web/src/edit/change.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

const en = createTranslator('en');
const fr = createTranslator('fr');

test('old and new that round alike get the fewest extra decimals that tell them apart', () => {
  // Mazur's w2: 0.20 → 0.19956143. At 3 decimals both are "0.2"; at 4, 0.2 and 0.1996.
  assert.equal(changeDecimals(0.2, 0.19956143, 3), 4);
  assert.deepEqual(formatChange(0.2, 0.19956143, 3), { old: '0.2', value: '0.1996' });
  assert.deepEqual(formatChange(0.2, 0.19956143, 3, fr.decimalSeparator), { old: '0,2', value: '0,1996' });
  // At 2 decimals: 0.2 and 0.2 until 4 places too (0.200 vs 0.200 at 3).
  assert.deepEqual(formatChange(0.2, 0.19956143, 2), { old: '0.2', value: '0.1996' });
  // Already different: the chosen precision (the seed's w5 0.14 → 0.17438).
  assert.deepEqual(formatChange(0.14, 0.1743825, 3), { old: '0.14', value: '0.174' });
  // Closer still: as many as it takes; the same number, or not finite, keeps the precision.
  assert.deepEqual(formatChange(0.45, 0.4500001, 3), { old: '0.45', value: '0.4500001' });
  assert.deepEqual(formatChange(-0.3, -0.30004, 3), { old: '−0.3', value: '−0.30004' });
  assert.equal(changeDecimals(0.5, 0.5, 3), 3);
  assert.equal(changeDecimals(0.5, Number.NaN, 3), 3);
  const ulp = formatChange(0.1, 0.1 + Number.EPSILON / 8, 3); // one ulp apart: told apart at 17 places
  assert.equal(changeDecimals(0.1, 0.1 + Number.EPSILON / 8, 3), 17);
  assert.notEqual(ulp.old, ulp.value);
});

async function opened(document, language = 'en') {
  const engine = await BackstepEngine.create(document);
  const store = createStore(createInitialState({ language }));
  const t = createTranslator(language);
  const reports = [];
  const actions = createActions(store, createSession(engine), {
    report: (message) => reports.push(message),
    t,
    formatValue: (value) => formatNumber(value, 3, t.decimalSeparator),
  });
  actions.loadDocument(document);
  return { engine, store, actions, reports, t };
}

test('Mazur: the engine’s new w2 is 0.19956143; its label, formula and sentence say 0.2 → 0.1996', async () => {
  const { engine, store } = await opened(mazur);
  try {
    const { trace } = store.get().history[0];
    const update = trace.events.find((event) => event.kind === 'update' && event.parameter === 'w2');
    assert.equal(update.old, 0.2);
    assert.ok(Math.abs(update.new - 0.19956143) < 5e-9, `w2+ = ${update.new}`);
    const format = (value) => formatNumber(value, 3);
    const pair = (old, value) => formatChange(old, value, 3);
    const texts = (rows) => rows.map((row) => row.map((item) => item.text).join(' '));
    const w2 = { name: 'w2', value: update.old, updated: update.new, gradient: update.gradient };
    assert.deepEqual(texts(pillRows(w2, { mode: 'inline', format, pair })), ['w2 0.2 → 0.1996', '∂ 0.001']);
    assert.deepEqual(texts(pillRows(w2, { mode: 'stacked', format, pair })), ['w2 0.2', '→ 0.1996']);
    const formula = scalarFormula(update, { decimals: 3, batchSize: 1 });
    assert.match(formula.substituted[0], /\\leftarrow 0\.2 - .*0\.5.* \\times 0\.001$/, 'η and ∂ keep 3 decimals');
    assert.match(formula.result[0], /0\.1996\}*$/);
    const sentence = (t) => narrate(update, { decimals: 3, t, events: trace.events, outputNames: ['o1', 'o2'] });
    assert.equal(sentence(en), 'New w2 = 0.2 − 0.5 × 0.001 = 0.1996');
    assert.match(sentence(fr), /0,2 − 0,5 × 0,001 = 0,1996/);
  } finally {
    engine.dispose();
  }
});

// The seed network by the hmkcode post's formulas, independently of the engine.
function seedForward({ w5 = 0.14, w6 = 0.15, target = 1 } = {}) {
  const h1 = 2 * 0.11 + 3 * 0.21;
  const h2 = 2 * 0.12 + 3 * 0.08;
  const prediction = h1 * w5 + h2 * w6;
  return { prediction, error: 0.5 * (prediction - target) ** 2 };
}

test('w5 → 0.3 on the seed: "w5 0.14 → 0.3: the prediction is now 0.327, E 0.226", from the engine', async () => {
  for (const language of ['en', 'fr']) {
    const { engine, store, actions, t } = await opened(seed, language);
    try {
      const result = actions.edit({ kind: 'weight', layer: 1, dest: 0, source: 0 }, '0.3');
      assert.deepEqual(result, { ok: true });
      const { change, history } = store.get();
      const expected = seedForward({ w5: 0.3 });
      assert.ok(Math.abs(expected.prediction - 0.327) < 1e-12 && Math.abs(expected.error - 0.2264645) < 1e-12);
      // The effect is the engine's trace of the edited step, equal to the post's formulas.
      assert.ok(Math.abs(change.effect.prediction[0] - expected.prediction) < 1e-15);
      assert.ok(Math.abs(change.effect.error - expected.error) < 1e-15);
      const error = history[0].trace.events.find((event) => event.kind === 'error');
      assert.equal(change.effect.error, error.total, 'the trace’s own E, not recomputed');
      assert.equal(history[0].edit, change.edit ?? history[0].edit, 'the entry keeps the change (the strip’s mark)');
      assert.deepEqual(history[0].edit.what, change.what);
      const f = (value) => formatNumber(value, 3, t.decimalSeparator);
      const sentence = changeSentence(change, { t, decimals: 3 });
      if (language === 'en')
        assert.equal(
          sentence,
          `w5 0.14 → 0.3: the prediction is now ${f(expected.prediction)}, E ${f(expected.error)}`,
        );
      else
        assert.equal(
          sentence,
          `w5 0,14 → 0,3 : la prédiction est maintenant ${f(expected.prediction)} ; E ${f(expected.error)}`,
        );
      assert.match(sentence, language === 'en' ? /0\.327, E 0\.226$/ : /0,327 ; E 0,226$/);
    } finally {
      engine.dispose();
    }
  }
});

test('a change of the learning rate says the error after the update (the trace’s result event)', async () => {
  const { engine, store, actions } = await opened(seed);
  try {
    actions.edit({ kind: 'learningRate' }, '0.1');
    const { change, history } = store.get();
    const result = history[0].trace.events.find((event) => event.kind === 'result');
    assert.equal(change.effect.after, true);
    assert.equal(change.effect.error, result.error);
    // By hand: Δ = 0.191 − 1, w5 ← 0.14 − 0.1·Δ·0.85, w6 ← 0.15 − 0.1·Δ·0.48, w1..w4 likewise (the post).
    const delta = 0.191 - 1;
    const w5 = 0.14 - 0.1 * delta * 0.85;
    const w6 = 0.15 - 0.1 * delta * 0.48;
    const [w1, w2] = [0.11 - 0.1 * delta * 0.14 * 2, 0.21 - 0.1 * delta * 0.14 * 3];
    const [w3, w4] = [0.12 - 0.1 * delta * 0.15 * 2, 0.08 - 0.1 * delta * 0.15 * 3];
    const prediction = (2 * w1 + 3 * w2) * w5 + (2 * w3 + 3 * w4) * w6;
    assert.ok(Math.abs(change.effect.prediction[0] - prediction) < 1e-12, `${change.effect.prediction[0]}`);
    assert.equal(
      changeSentence(change, { t: en, decimals: 3 }),
      `η 0.05 → 0.1: after the update the prediction is ${formatNumber(prediction, 3)}, E ${formatNumber(
        0.5 * (prediction - 1) ** 2,
        3,
      )}`,
    );
  } finally {
    engine.dispose();
  }
});

test('shape and data: "hidden layer 1 now has 3 neurons", "sample 2’s target 0 → 0.5", and their effect', async () => {
  const twoSamples = { ...seed, samples: [...seed.samples, { input: [1, 1], target: [0] }] };
  const { engine, store, actions } = await opened(twoSamples);
  try {
    const result = actions.changeNetwork(
      (native) => native.editShape('addNeuron', { layer: 1 }),
      (before, after) => shapeChange('addNeuron', { layer: 1 }, before, after),
    );
    assert.equal(result.ok, true);
    let { change, history } = store.get();
    const unchanged = seedForward(); // the new neuron's weights are 0: the prediction stays 0.191
    assert.equal(history.length, 1);
    assert.ok(history[0].edit, 'the strip marks the first step of the new network');
    const f = (value) => formatNumber(value, 3);
    assert.equal(
      changeSentence(change, { t: en, decimals: 3 }),
      `hidden layer 1 now has 3 neurons: the prediction is now ${f(unchanged.prediction)}, E ${f(unchanged.error)}`,
    );

    assert.match(changeSentence(change, { t: fr, decimals: 3 }), /^la couche cachée 1 a maintenant 3 neurones : /);

    // Sample 2's target 0 → 0.5: the step on screen is sample 1's, so no effect is claimed for it.
    const names = { inputNames: ['i1', 'i2'], outputNames: ['o1'] };
    const before = history[0].document.samples;
    const samples = structuredClone(before);
    samples[1].target[0] = 0.5;
    actions.loadDocument({ ...history[0].document, samples }, { change: dataChange(before, samples, names) });
    ({ change } = store.get());
    assert.equal(changeSentence(change, { t: en, decimals: 3 }), 'sample 2’s target 0 → 0.5');
    assert.equal(changeSentence(change, { t: fr, decimals: 3 }), 'cible de l’échantillon 2 0 → 0,5');
    // Sample 1's target 1 → 0.5: E = ½(0.191 − 0.5)².
    const again = store.get().history[0].document.samples;
    const edited = structuredClone(again);
    edited[0].target[0] = 0.5;
    actions.loadDocument(
      { ...store.get().history[0].document, samples: edited },
      { change: dataChange(again, edited, names) },
    );
    const expected = seedForward({ target: 0.5 });
    assert.equal(
      changeSentence(store.get().change, { t: en, decimals: 3 }),
      `sample 1’s target 1 → 0.5: the prediction is now 0.191, E ${formatNumber(expected.error, 3)}`,
    );
    assert.deepEqual(dataChange(before, [...before, before[0]], names), { kind: 'samples', old: 2, value: 3 });
  } finally {
    engine.dispose();
  }
});

test('a table column keeps the chosen decimals with trailing zeros; the graph’s labels strip them', () => {
  assert.equal(formatColumn(-0.6876500000000001, 3), '−0.688');
  assert.equal(formatColumn(0.5, 3), '0.500');
  assert.equal(formatColumn(2, 3, ','), '2,000');
  assert.equal(formatColumn(0, 4), '0.0000');
  assert.equal(formatColumn(-4.39e-4, 3), '−4.39e−4', 'too small for 3 places: scientific, as elsewhere');
  assert.equal(formatColumn(Number.NaN, 3), 'NaN');
  assert.equal(formatNumber(0.5, 3), '0.5');
});
