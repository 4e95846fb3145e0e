// Section 2: the cost of a traced step through the public JS API (engine.step(): the C++ trace in binary, its
// doubles and codes read in place in wasm memory, the objects built by decodeTrace; cpp/engine/TRACE.md "Binary
// form"), beside a plain training step (engine.train) of the same document.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { BackstepEngine } from '../web/src/engine/engine.js';
import { median } from './stats.mjs';

const TARGET_SECONDS = 0.3;
// The trace runs through many large functions (JSON building): V8 tiers them up from Liftoff to TurboFan over the
// first second or more, longer on a busy machine.
const WARM_SECONDS = 2;

export const seedDocument = () => readFileSync(new URL('../tests/fixtures/seed.json', import.meta.url), 'utf8');

/**
 * Median over `runs` of the seconds per call of f(count) / count: after WARM_SECONDS of f(1) (from the document's
 * start whenever `limit` calls are reached), count is set so that a run takes TARGET_SECONDS.
 */
function perCall(engine, text, f, runs, limit) {
  engine.load(text);
  const warmUntil = performance.now() + WARM_SECONDS * 1000;
  let calls = 0;
  let start = performance.now();
  while (performance.now() < warmUntil || calls < 3) {
    if (calls % limit === 0) engine.load(text);
    start = performance.now();
    f(1);
    calls += 1;
  }
  const once = Math.max((performance.now() - start) / 1000, 1e-7);
  const count = Math.max(1, Math.min(limit, Math.ceil(TARGET_SECONDS / once)));
  const seconds = [];
  for (let r = 0; r < runs; r += 1) {
    engine.load(text);
    start = performance.now();
    f(count);
    seconds.push((performance.now() - start) / 1000 / count);
  }
  return { seconds: median(seconds), count };
}

/** { label, stepMicros, trainMicros, bytes, events } for one document (its first step). */
export async function measureTrace(label, text, { runs = 5 } = {}) {
  const engine = await BackstepEngine.create(text);
  try {
    const doc = JSON.parse(text);
    const samples = doc.samples.length;
    const batch = doc.batchSize ?? 1;
    // What one step hands JavaScript, as step() asks for it once the string table is known: its doubles (8 bytes
    // each) and codes (4), and the words that say where they are (the table's text, once per document, not counted).
    engine.load(text);
    const events = engine.step().events.length;
    engine.load(text);
    engine.step(); // the string table is known from here on: like every later step, the next one goes without it
    const head = engine.native.stepBinary(false);
    const bytes = head.byteLength + head[2] * 8 + head[4] * 4 + head[6];
    engine.native.releaseTrace();
    // Steps stay within the first epoch (the document's samples, in order) so every run traces the same steps.
    const stepsLimit = samples === 1 ? 100000 : Math.floor(samples / batch);
    const step = perCall(
      engine,
      text,
      (n) => {
        for (let k = 0; k < n; k += 1) engine.step();
      },
      runs,
      stepsLimit,
    );
    // A plain step: engine.train over whole epochs, per step.
    const steps = Math.ceil(samples / batch);
    const train = perCall(engine, text, (n) => engine.train(n), runs, 100000);
    return {
      label,
      stepMicros: step.seconds * 1e6,
      trainMicros: (train.seconds / steps) * 1e6,
      bytes,
      events,
      steps: step.count,
    };
  } finally {
    engine.dispose();
  }
}
