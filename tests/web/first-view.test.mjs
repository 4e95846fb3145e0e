// The first view (state/first-view.js, state/waiting-actions.js, scripts/first-views.mjs): an example is drawn from
// what the engine answered when the page was built, before the engine has loaded. Checked here: the built answers
// are the engine's (bit for bit, and the post's numbers), the stand-in session opens nothing else, and what a learner
// asks of the engine meanwhile waits for it and then happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import { PRESETS } from '../../web/src/presets/index.js';
import {
  EngineLoading,
  firstViewOf,
  loadingSession,
  sameOpening,
  switchableSession,
} from '../../web/src/state/first-view.js';
import { waitForEngine } from '../../web/src/state/waiting-actions.js';
import { jsLiteral } from '../../scripts/js-literal.mjs';

test('every example’s first view is what the engine answers when it opens it, bit for bit', async () => {
  for (const preset of PRESETS) {
    const view = await firstViewOf(preset.id);
    assert.ok(view, `${preset.id}: a first view was built`);
    const engine = await BackstepEngine.create(preset.document);
    try {
      const live = createSession(engine).open(preset.document);
      assert.ok(sameOpening(view, live), `${preset.id}: the built first view is the engine's opening`);
    } finally {
      engine.dispose();
    }
  }
});

test('the seed’s first view holds the post’s numbers: h1 0.85, h2 0.48, o1 0.191, E 0.327, w5 ← 0.17438', async () => {
  const { entry, labels } = await firstViewOf('seed');
  assert.deepEqual(
    labels.neurons.map((layer) => layer.length),
    [2, 2, 1],
  );
  const events = entry.trace.events;
  const forward = Object.fromEntries(events.filter((e) => e.kind === 'forward').map((e) => [e.name, e.a]));
  assert.ok(Math.abs(forward.h1 - 0.85) < 1e-12 && Math.abs(forward.h2 - 0.48) < 1e-12);
  assert.ok(Math.abs(forward.o1 - 0.191) < 1e-12);
  assert.ok(Math.abs(events.find((e) => e.kind === 'error').total - 0.327) < 1e-3);
  const w5 = events.find((e) => e.kind === 'update' && e.parameter === 'w5');
  assert.ok(Math.abs(w5.new - (0.14 - 0.05 * ((0.191 - 1) * 0.85))) < 1e-12, `w5 ${w5.new}`);
});

test('a first view built from another document than the example’s is not used (it waits for the engine)', async () => {
  const preset = PRESETS.find((p) => p.id === 'mazur');
  const built = preset.document;
  assert.ok(await firstViewOf('mazur'));
  try {
    preset.document = { ...built, learningRate: built.learningRate * 2 }; // the example changed since the build
    assert.equal(await firstViewOf('mazur'), null);
  } finally {
    preset.document = built;
  }
  assert.equal(await firstViewOf('no-such-example'), await firstViewOf('seed'), 'an unknown name: the default');
});

test('jsLiteral writes what JSON cannot: −0, NaN and ±Infinity come back as they were', async () => {
  const value = {
    zero: -0,
    numbers: [NaN, Infinity, -Infinity, 0.1 + 0.2, 5e-324, 1e21, -1.7976931348623157e308],
    text: 'quote " backslash \\ line\nseparator \u2028 </script>',
    nested: [{ a: null, b: true }, []],
  };
  const source = `export default ${jsLiteral(value)};`;
  const { default: back } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  assert.ok(sameOpening(back, value));
  assert.ok(Object.is(back.zero, -0));
  assert.throws(() => jsLiteral({ values: new Float64Array(1) }), /Float64Array/);
  assert.throws(() => jsLiteral({ missing: undefined }), /undefined/);
});

test('sameOpening tells −0 from 0, takes NaN as NaN, and looks at every key', () => {
  assert.equal(sameOpening({ a: [0] }, { a: [-0] }), false);
  assert.equal(sameOpening({ a: NaN }, { a: NaN }), true);
  assert.equal(sameOpening({ a: 1 }, { a: 1, b: 2 }), false);
  assert.equal(sameOpening({ a: 1, b: undefined }, { a: 1, c: undefined }), false);
  assert.equal(sameOpening([1], { 0: 1 }), false);
  assert.equal(sameOpening({ a: '1' }, { a: 1 }), false);
});

test('the stand-in session opens its example and nothing else; the switch hands every call to the engine’s', async () => {
  const seed = PRESETS[0].document;
  const view = await firstViewOf('seed');
  const standIn = loadingSession(seed, view);
  assert.equal(standIn.open(seed), view);
  assert.throws(() => standIn.open({ ...seed }), EngineLoading);
  assert.throws(() => standIn.open(seed, view.entry.next.position), EngineLoading);
  for (const name of ['compute', 'continueAfter', 'withEntry', 'traceVariant'])
    assert.throws(() => standIn[name](view.entry), EngineLoading, name);
  assert.equal(standIn.sync(view.entry), undefined);

  const session = switchableSession(standIn);
  assert.throws(() => session.continueAfter(view.entry), EngineLoading);
  const engine = await BackstepEngine.create(seed);
  try {
    session.use(createSession(engine));
    const next = session.continueAfter(view.entry);
    assert.deepEqual(next.position, view.entry.next.position);
  } finally {
    engine.dispose();
  }
});

/** An instance's state and actions on the stand-in session, as mount.js makes them before the engine is here. */
async function beforeTheEngine() {
  const seed = PRESETS[0].document;
  const session = switchableSession(loadingSession(seed, await firstViewOf('seed')));
  const store = createStore(createInitialState({ language: 'en' }));
  const reports = [];
  const t = createTranslator('en');
  const actions = createActions(store, session, { report: (m) => reports.push(m), t, formatValue: String });
  // The instance's status banner, as the wait uses it: the notes it shows, and each time its note goes.
  const waits = [];
  const cancels = [];
  let shown = null;
  const status = {
    note: (message) => waits.push((shown = message)),
    show: (message) => (shown = message),
    hideNote: (message) => shown === message && !(shown = null),
  };
  const waiting = waitForEngine(actions, {
    store,
    t,
    status: () => status,
    failure: () => null,
    noteHidden: () => cancels.push(store.get().cursor),
  });
  assert.deepEqual(actions.loadPreset('seed'), { ok: true });
  const engineReady = waiting.engineReady;
  return { seed, session, store, reports, actions: waiting.actions, engineReady, waits, cancels, t };
}

test('before the engine: the first step plays frame by frame; the next step waits, then is computed', async () => {
  const { seed, session, store, reports, actions, engineReady, waits, t } = await beforeTheEngine();
  const last = store.get().history[0].trace.events.length - 1;
  assert.equal(actions.jumpTo(last), true); // within the first step: no engine needed
  assert.deepEqual(store.get().cursor, { step: 0, event: last });
  const before = store.get();
  assert.equal(actions.stepForward(), false); // step 2 needs the engine
  assert.equal(store.get(), before, 'nothing changed');
  assert.deepEqual(waits, [t('status.engineLoading')]); // one wait, with its note
  assert.deepEqual(actions.edit({ kind: 'learningRate' }, '0.1'), { ok: false, message: t('edit.refused.loading') });
  const engine = await BackstepEngine.create(seed);
  try {
    session.use(createSession(engine));
    engineReady(); // the kept step forward happens now (the edit was not kept: the editor said to try again)
    assert.deepEqual(store.get().cursor, { step: 1, event: 0 });
    assert.deepEqual(store.get().history[1].position, { epoch: 1, sample: 0, step: 1 });
    assert.equal(store.get().history[1].document.learningRate, 0.05);
    assert.equal(actions.stepForward(), true); // and from now on, at once
    assert.deepEqual(reports, []);
  } finally {
    engine.dispose();
  }
});

test('before the engine: a play that reaches the end of the first step waits, playing, and goes on once it is here', async () => {
  const { seed, session, store, actions, engineReady, waits, t } = await beforeTheEngine();
  const last = store.get().history[0].trace.events.length - 1;
  actions.jumpTo(last);
  actions.play(); // its first move is past the first step
  assert.equal(store.get().playing, true);
  assert.deepEqual(store.get().cursor, { step: 0, event: last });
  assert.deepEqual(waits, [t('status.engineLoading')]);
  const engine = await BackstepEngine.create(seed);
  try {
    session.use(createSession(engine));
    engineReady();
    assert.equal(store.get().playing, true);
    assert.deepEqual(store.get().cursor, { step: 1, event: 0 });
  } finally {
    store.update((state) => ({ ...state, playing: false }));
    engine.dispose();
  }
});

test('before the engine: what the learner does next drops the kept action (a pause after a waiting play)', async () => {
  const { seed, session, store, actions, engineReady, waits, cancels, t } = await beforeTheEngine();
  const last = store.get().history[0].trace.events.length - 1;
  actions.jumpTo(last);
  actions.play(); // waits for the engine
  actions.pause(); // done at once: the play is not to happen any more
  assert.deepEqual(waits, [t('status.engineLoading')]);
  assert.equal(cancels.length, 1);
  actions.loadPreset('xor'); // waits (its first view is not the stand-in's) …
  actions.loadPreset('seed'); // … and the seed, which the stand-in opens, replaces it
  assert.equal(cancels.length, 2);
  const engine = await BackstepEngine.create(seed);
  try {
    session.use(createSession(engine));
    engineReady(); // nothing kept: the seed stays, at its first frame, paused
    assert.equal(store.get().playing, false);
    assert.equal(store.get().presetId, 'seed');
    assert.deepEqual(store.get().cursor, { step: 0, event: 0 });
  } finally {
    engine.dispose();
  }
});

test('before the engine: a setting changed after a waiting step keeps it (only moving elsewhere drops it)', async () => {
  const { seed, session, store, actions, engineReady, cancels } = await beforeTheEngine();
  actions.jumpTo(store.get().history[0].trace.events.length - 1);
  actions.stepForward(); // waits for the engine
  actions.setSetting('decimals', 4); // a setting: the step still happens
  assert.equal(cancels.length, 0);
  const engine = await BackstepEngine.create(seed);
  try {
    session.use(createSession(engine));
    engineReady();
    assert.deepEqual(store.get().cursor, { step: 1, event: 0 });
    assert.equal(store.get().settings.decimals, 4);
  } finally {
    engine.dispose();
  }
});
