// Time travel's memory (state/actions.js): history keeps every step, but the traces only of the steps near the
// cursor; a step the learner comes back to is traced again by the engine, to the same bits. So stepping far keeps
// the heap flat while step back still goes any distance.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import seed from '../fixtures/seed.json' with { type: 'json' };

async function stepping() {
  const engine = await BackstepEngine.create(seed);
  const store = createStore(createInitialState({ language: 'en' }));
  const reports = [];
  const actions = createActions(store, createSession(engine), {
    report: (message) => reports.push(message),
    t: createTranslator('en'),
    formatValue: String,
  });
  actions.loadDocument(seed);
  return { engine, store, actions, reports };
}

test('200 steps on: only the steps near the cursor keep their traces; back at step 1, the same trace again', async () => {
  const { engine, store, actions, reports } = await stepping();
  try {
    const first = JSON.stringify(store.get().history[0].trace);
    for (let k = 0; k < 200; k += 1) actions.skipToEnd();
    const { history, cursor } = store.get();
    assert.ok(history.length >= 100, `${history.length} steps`);
    const traced = history.flatMap((entry, index) => (entry.trace ? [index] : []));
    assert.ok(traced.length <= 17 && traced.includes(cursor.step), `traced: ${traced.join(' ')}`);
    assert.ok(traced.every((index) => Math.abs(index - cursor.step) <= 16));
    // Back into the step before (from this step's first frame): its trace is there; back to the start: traced
    // again, bit for bit the first one.
    actions.jumpTo(0);
    actions.stepBack();
    assert.equal(store.get().cursor.step, cursor.step - 1);
    assert.ok(store.get().history[cursor.step - 1].trace);
    actions.reset();
    assert.equal(store.get().cursor.step, 0);
    assert.equal(JSON.stringify(store.get().history[0].trace), first);
    assert.equal(store.get().history.at(-1).trace, null, 'the far end gave its trace back');
    // And the engine agrees with the screen: its next step is the one history holds.
    actions.stepForward();
    assert.deepEqual(engine.position(), store.get().history[0].position);
    assert.deepEqual(reports, []);
  } finally {
    engine.dispose();
  }
});

test('a long jump (goTo step 300) holds traces only near where it lands', async () => {
  const { engine, store, actions, reports } = await stepping();
  try {
    assert.equal(actions.goTo(300), true);
    const { history, cursor } = store.get();
    assert.equal(history[cursor.step].position.step, 299);
    const traced = history.flatMap((entry, index) => (entry.trace ? [index] : []));
    assert.deepEqual(
      traced,
      Array.from({ length: 17 }, (_, k) => cursor.step - 16 + k),
    );
    assert.deepEqual(reports, []);
  } finally {
    engine.dispose();
  }
});
