// Time travel's memory (state/actions.js): history keeps every step's position, but its trace and document only near
// the cursor (and a document at checkpoints and edits); a step the learner comes back to is computed again by the
// engine, to the same bits. So stepping far keeps the heap nearly flat while step back still goes any distance.
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

/** Step `count`'s trace and the document after it, from a fresh engine stepping from the start (an outside check). */
async function directly(doc, count) {
  const engine = await BackstepEngine.create(doc);
  try {
    for (let k = 1; k < count; k += 1) engine.step();
    return { trace: engine.step(), after: engine.document() };
  } finally {
    engine.dispose();
  }
}

const documentsHeld = (history) =>
  history.reduce((n, entry) => n + (entry.document ? 1 : 0) + (entry.next.document ? 1 : 0), 0);

test('10,000 steps hold a document only every 32 steps far from the cursor; back at step 5,000, the same bits', async () => {
  const { engine, store, actions, reports } = await stepping();
  try {
    for (let step = 1000; step <= 10000; step += 1000) assert.equal(actions.goTo(step), true); // 1,000 at most a call
    assert.equal(actions.goTo(1e9), true);
    assert.equal(store.get().history.length, 11000, 'one goTo computes at most 1,000 steps');
    actions.goTo(10000);
    let { history, cursor } = store.get();
    assert.equal(history[cursor.step].position.step, 9999);
    // Within 16 steps of the cursor: document and next (2 × 33); further, every 32nd step's document.
    const held = documentsHeld(history);
    assert.ok(held <= 2 * 33 + Math.ceil(11000 / 32), `${held} documents held`);
    assert.equal(history.filter((entry) => entry.trace).length, 33);
    // Far back, to a step whose document was given back: computed again from the checkpoint before it.
    assert.equal(history[4999].document, null);
    assert.equal(actions.goTo(5000), true);
    ({ history, cursor } = store.get());
    assert.equal(cursor.step, 4999);
    const expected = await directly(seed, 5000);
    assert.deepStrictEqual(history[4999].trace, expected.trace);
    assert.deepStrictEqual(history[4999].next.document, expected.after);
    assert.deepStrictEqual(engine.position(), history[4999].position, 'the engine is at the step on screen');
    assert.deepEqual(reports, []);
  } finally {
    engine.dispose();
  }
});

test('an edit far back keeps its document when thinned: the steps after it follow from the edit', async () => {
  const { engine, store, actions, reports } = await stepping();
  try {
    actions.goTo(40);
    assert.equal(actions.edit({ kind: 'weight', layer: 1, dest: 0, source: 0 }, '0.3').ok, true); // w5 at step 40
    actions.goTo(200);
    let { history } = store.get();
    const edited = history[39];
    assert.equal(edited.follows, undefined);
    assert.equal(edited.document.weights[1][0][0], 0.3, 'the edited step keeps its document far from the cursor');
    assert.equal(history[60].document, null);
    actions.goTo(61);
    ({ history } = store.get());
    // From the edit, 21 more steps by a fresh engine: the same trace at step 61.
    const fresh = await BackstepEngine.create(edited.document);
    try {
      fresh.restore(edited.document, edited.position);
      for (let k = 0; k < 21; k += 1) fresh.step();
      assert.deepStrictEqual(history[60].trace, fresh.step());
    } finally {
      fresh.dispose();
    }
    assert.deepEqual(reports, []);
  } finally {
    engine.dispose();
  }
});
