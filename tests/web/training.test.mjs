// The training runtime's pure parts in Node: the curve model, the chart's nearest point, the chunk loop on the real
// WebAssembly engine (a run that starts mid-epoch keeps to whole epochs, the target, a divergence keeps the last
// finite state), and goTo over a history a training run has made skip steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createCurve, MAX_POINTS } from '../../web/src/training/curve-model.js';
import { nearestPoint } from '../../web/src/training/loss-chart.js';
import { runTraining } from '../../web/src/training/run.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import xor from '../fixtures/xor.json' with { type: 'json' };

test('the curve: points in order, bounded (every other dropped past MAX_POINTS, the latest kept), kept up to an epoch', () => {
  const curve = createCurve();
  const epochs = Array.from({ length: MAX_POINTS + 10 }, (_, k) => k + 1);
  curve.add(
    epochs,
    epochs.map((epoch) => 1 / epoch),
  );
  const points = curve.points();
  assert.ok(points.length <= MAX_POINTS);
  assert.equal(points[0].epoch, 1);
  assert.equal(points.at(-1).epoch, MAX_POINTS + 10);
  assert.ok(points.every((point, k) => k === 0 || point.epoch > points[k - 1].epoch));
  curve.keepUpTo(100);
  assert.ok(curve.points().every((point) => point.epoch <= 100));
  assert.equal(curve.last().epoch <= 100, true);
});

test('nearestPoint: the point whose epoch is nearest', () => {
  const points = [1, 2, 4, 8, 16].map((epoch) => ({ epoch, meanError: 1 }));
  assert.equal(nearestPoint(points, 0), 0);
  assert.equal(nearestPoint(points, 5.9), 2);
  assert.equal(nearestPoint(points, 6.1), 3);
  assert.equal(nearestPoint(points, 100), 4);
});

async function xorEngine(changes = {}) {
  return BackstepEngine.create({ ...xor, ...changes });
}

test('a run that starts mid-epoch finishes that epoch first: one point per whole epoch, never the same epoch twice', async () => {
  const engine = await xorEngine();
  try {
    engine.step(); // the next step is sample 1 of 4
    const points = [];
    const chunks = [];
    const end = await runTraining(
      engine,
      { epochs: 30 },
      { onChunk: (chunk) => (chunks.push(chunk), points.push(...chunk.epochs)), cancelled: () => false },
    );
    assert.equal(end.reason, 'done');
    assert.deepEqual(
      points,
      Array.from({ length: points.length }, (_, k) => k + 1),
    );
    assert.equal(engine.position().sample, 0, 'the run ends on an epoch’s boundary');
    assert.ok(chunks.at(-1).state, 'the last chunk brings the trained document');
  } finally {
    engine.dispose();
  }
});

test('the target stops a run when a whole epoch’s mean error is below it (not a part of one)', async () => {
  const engine = await xorEngine();
  try {
    engine.step();
    let last = null;
    const end = await runTraining(
      engine,
      { epochs: 100000, stopBelow: 0.01 },
      { onChunk: (chunk) => (last = chunk), cancelled: () => false },
    );
    assert.equal(end.reason, 'target');
    assert.ok(last.meanErrors.at(-1) < 0.01);
    // The engine's own mean error over all samples agrees that the network is good.
    assert.ok(engine.meanError() < 0.05, `meanError ${engine.meanError()}`);
  } finally {
    engine.dispose();
  }
});

test('a divergence stops the run with the engine’s message and the last finite state', async () => {
  const engine = await xorEngine({ learningRate: 100 });
  try {
    const end = await runTraining(engine, { epochs: 1000 }, { onChunk: () => {}, cancelled: () => false });
    assert.equal(end.reason, 'refused');
    assert.match(end.message, /diverged/);
    const weights = end.state.document.weights.flat(2);
    assert.ok(weights.every(Number.isFinite));
  } finally {
    engine.dispose();
  }
});

test('cancelled: the run stops before its next chunk', async () => {
  const engine = await xorEngine();
  try {
    let chunks = 0;
    const end = await runTraining(
      engine,
      { epochs: 100000 },
      { onChunk: () => (chunks += 1), cancelled: () => chunks >= 2 },
    );
    assert.equal(end.reason, 'cancelled');
    assert.equal(chunks, 2);
  } finally {
    engine.dispose();
  }
});

test('goTo over a history with a training run: the last entry at or before a step, computing on past the last', async () => {
  const engine = await xorEngine();
  try {
    const store = createStore(createInitialState());
    const session = createSession(engine);
    const actions = createActions(store, session, { report: () => {}, t: (key) => key, formatValue: String });
    actions.loadDocument(xor);
    actions.stepForward(); // frames of step 1
    // Train 10 epochs (40 steps) from the first step, as the workbench does, and show it as one entry.
    const start = store.get().history[0];
    const trained = session.withEntry(
      start,
      (e) => (e.trainCurve(10), { document: e.document(), position: e.position() }),
    );
    actions.showTrained(trained, { after: 0 });
    assert.deepEqual(
      store.get().history.map((entry) => entry.position.step),
      [0, 40],
    );
    actions.goTo(20); // inside the run: the last entry before it (the step the run started from)
    assert.equal(store.get().cursor.step, 0);
    actions.goTo(41); // the trained entry itself
    assert.equal(store.get().cursor.step, 1);
    actions.goTo(43); // past the last entry: two more steps computed
    assert.equal(store.get().cursor.step, 3);
    assert.equal(store.get().history[3].position.step, 42);
  } finally {
    engine.dispose();
  }
});
