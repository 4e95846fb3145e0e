// The step strip's numbers: each history entry keeps its E (state/step-error.js) when its trace is given back, so the
// strip never needs traces; its bars bin many steps (controls/strip-bins.js); showStep goes to any entry. E checked
// against the hmkcode post's formulas for the seed network, computed here independently.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import { stepError } from '../../web/src/state/step-error.js';
import { barHeights, entryAt, MAX_SLOT, MIN_SLOT, stripBins } from '../../web/src/controls/strip-bins.js';
import seed from '../fixtures/seed.json' with { type: 'json' };

async function opened(document) {
  const engine = await BackstepEngine.create(document);
  const store = createStore(createInitialState({ language: 'en' }));
  const session = createSession(engine);
  const actions = createActions(store, session, {
    report: assert.fail,
    t: createTranslator('en'),
    formatValue: String,
  });
  actions.loadDocument(document);
  return { engine, store, actions, session };
}

test('every step keeps its E, traced or not; the seed’s first is ½(0.191 − 1)²', async () => {
  const { engine, store, actions } = await opened(seed);
  try {
    const first = 0.5 * (2 * 0.11 * 0.14 + 3 * 0.21 * 0.14 + 2 * 0.12 * 0.15 + 3 * 0.08 * 0.15 - 1) ** 2;
    assert.ok(Math.abs(store.get().history[0].error - first) < 1e-15, `${store.get().history[0].error}`);
    for (let k = 0; k < 60; k += 1) actions.skipToEnd();
    const { history } = store.get();
    assert.ok(history.length >= 30);
    assert.ok(
      history.some((entry) => !entry.trace),
      'some traces were given back',
    );
    // The same E as each step's trace, from a fresh engine stepping from the start.
    const fresh = await BackstepEngine.create(seed);
    try {
      for (const entry of history) {
        assert.ok(Number.isFinite(entry.error));
        assert.equal(entry.error, stepError(fresh.step()), 'the same E as its trace, traced again');
      }
    } finally {
      fresh.dispose();
    }
    assert.ok(history.at(-1).error < history[0].error, 'the error falls');
  } finally {
    engine.dispose();
  }
});

test('a batch step’s E is the mean of its samples’ E', async () => {
  const batch = { ...seed, batchSize: 2, samples: [...seed.samples, { input: [1, 1], target: [0] }] };
  const { engine, store } = await opened(batch);
  try {
    const one = 0.5 * (0.85 * 0.14 + 0.48 * 0.15 - 1) ** 2;
    const two = 0.5 * ((0.11 + 0.21) * 0.14 + (0.12 + 0.08) * 0.15 - 0) ** 2;
    assert.ok(Math.abs(store.get().history[0].error - (one + two) / 2) < 1e-15);
  } finally {
    engine.dispose();
  }
  assert.ok(Number.isNaN(stepError({ events: [] })));
});

test('1,000 steps in 390 px: bins of 11 steps, each step in one bar, the current one and an edit marked', () => {
  const entries = Array.from({ length: 1000 }, (_, k) => ({ error: 1 / (k + 1), edited: k === 500, trained: false }));
  const { slot, size, bars } = stripBins(entries, 390, 734);
  assert.equal(size, 11);
  assert.equal(bars.length, 91);
  assert.ok(slot >= MIN_SLOT && slot <= MAX_SLOT && slot * bars.length <= 390);
  assert.deepEqual(
    bars.flatMap((bar) => Array.from({ length: bar.end - bar.start + 1 }, (_, k) => bar.start + k)),
    entries.map((_, k) => k),
  );
  assert.deepEqual(
    bars.filter((bar) => bar.current).map((bar) => [bar.start, bar.end]),
    [[726, 736]],
  );
  assert.deepEqual(
    bars.filter((bar) => bar.edited).map((bar) => bar.start),
    [495],
  );
  // A bin's bar: the largest E of its steps, one of the engine's own numbers.
  assert.equal(bars[0].error, Math.max(...entries.slice(0, 11).map((entry) => entry.error)));
  // A click: the step under the pointer.
  assert.equal(entryAt(0, { slot, size }, 1000), 0);
  assert.equal(entryAt(slot * 66.5, { slot, size }, 1000), 731);
  assert.equal(entryAt(10000, { slot, size }, 1000), 999);
  // A few steps: one bar each, at most MAX_SLOT wide, from the left.
  const few = stripBins(entries.slice(0, 6), 700, 4);
  assert.equal(few.size, 1);
  assert.equal(few.slot, MAX_SLOT);
  assert.equal(entryAt(4.5 * MAX_SLOT, few, 6), 4);
  assert.equal(entryAt(650, few, 6), 5);
});

test('bar heights: E over the largest, or log E when the errors span more than two powers of ten', () => {
  assert.deepEqual(barHeights([0.4, 0.2, 0.1, Number.NaN]), { heights: [1, 0.5, 0.25, 0], log: false });
  const { heights, log } = barHeights([1, 1e-3, 1e-6, 1e-30]);
  assert.equal(log, true);
  assert.deepEqual(
    heights.map((value) => Math.round(value * 100) / 100),
    [1, 0.5, 0, 0],
  );
});

test('showStep goes to any step at the same frame; past the last it computes up to 100 steps on', async () => {
  const { engine, store, actions } = await opened(seed);
  try {
    for (let k = 0; k < 6; k += 1) actions.skipToEnd();
    assert.equal(store.get().history.length, 6);
    const frame = store.get().cursor.event;
    actions.showStep(4);
    assert.deepEqual(store.get().cursor, { step: 4, event: frame });
    assert.equal(store.get().history[4].position.step, 4);
    actions.showStep(1000);
    assert.equal(store.get().cursor.step, 105);
    assert.equal(store.get().history.length, 106);
    assert.deepEqual(engine.position(), store.get().history[105].position, 'the engine is where the screen is');
  } finally {
    engine.dispose();
  }
});

test('a training run is one entry of the strip, marked as such, with the E of the step it reached', async () => {
  const { engine, store, actions, session } = await opened(seed);
  try {
    const trained = session.withEntry(
      store.get().history[0],
      (native) => (native.trainCurve(50), { document: native.document(), position: native.position() }),
    );
    actions.showTrained(trained, { after: 0 });
    const { history } = store.get();
    assert.deepEqual(
      history.map((entry) => [entry.position.step, Boolean(entry.trained)]),
      [
        [0, false],
        [50, true],
      ],
    );
    assert.equal(history[1].error, stepError(history[1].trace));
    assert.ok(history[1].error < history[0].error);
    const { bars } = stripBins(
      history.map((entry) => ({ error: entry.error, trained: entry.trained })),
      390,
      1,
    );
    assert.deepEqual(
      bars.map((bar) => [bar.trained, bar.current]),
      [
        [false, false],
        [true, true],
      ],
    );
  } finally {
    engine.dispose();
  }
});
