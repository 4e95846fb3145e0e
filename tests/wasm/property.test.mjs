// Property tests of the WebAssembly engine through its JavaScript module (fast-check, one fixed seed): 10,000 runs
// of random, mutated and hostile documents and calls. Loading never crashes or hangs, and either loads or throws an
// EngineError with a clean one-line message; a refused call changes nothing; an accepted call leaves a document that
// reloads into a fresh engine to the same text; afterwards the heap is flat and every engine is disposed.
// A failure prints fast-check's seed, path and shrunk counterexample; BACKSTEP_PROPERTY_SEED=<seed> reruns a seed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

import { BackstepEngine, EngineError, documentText, loadEngineModule } from '../../web/src/engine/engine.js';
import {
  fixtureNames,
  fixtures,
  knownFields,
  toText,
  inputText,
  excerpt,
  networkModel,
  networkDocument,
  modelDocumentInput,
  fixtureInput,
  anyInput,
  position,
  call,
} from './property-inputs.mjs';

const SEED = Number(process.env.BACKSTEP_PROPERTY_SEED ?? 20250611);
// Runs per property; the heap property runs its runs twice (the second pass must not grow the memory).
const RUNS = { values: 2000, model: 2000, fixtures: 3000, calls: 2000, heap: 500 };
const TOTAL_RUNS = RUNS.values + RUNS.model + RUNS.fixtures + RUNS.calls + 2 * RUNS.heap;
const SLOW_MS = 5000; // one call that takes longer than this counts as a hang
const HEAP_TOLERANCE = 1024; // bytes in use on the C++ heap, after thousands of runs

// ---------------------------------------------------------------------------------------------------------------
// The engine under test, and what every outcome must satisfy.

let module;
let resident; // one engine alive through every test, with a document the runs must never disturb
let residentState;
let residentMeanError;
let emptyHeap; // bytes in use after warm-up, no engine alive
let baselineHeap; // … with the resident engine alive
const live = new Set(); // every engine the tests opened and did not dispose yet

function open(doc) {
  const engine = new BackstepEngine(module, doc);
  live.add(engine);
  return engine;
}

function close(engine) {
  engine.dispose();
  assert.equal(engine.native, null, 'dispose() frees the C++ engine');
  live.delete(engine);
}

function snapshot(engine) {
  return { text: documentText(engine.document()), position: engine.position() };
}

// Text that is the engine's own: C++ type names, raw exception text, JavaScript's undefined and NaN.
const LEAKS = [
  /undefined/,
  /std::/,
  /basic_string/,
  /nlohmann/,
  /json\.exception/,
  /__cxa|__cxx/,
  /bad_alloc|out_of_range|invalid_argument|length_error|type_error|RuntimeError/,
  /internal error/,
  /\[object \w+\]/,
  /(?<!infinite or )\bNaN\b/, // "a value became infinite or NaN" is the engine's own sentence
  /\bnan\b/,
  /\binf\b/,
];

/**
 * A refusal: an EngineError with one clean line — non-empty, well-formed, no line breaks or control characters, at
 * most 400 bytes of UTF-8, none of the engine's own text unless the input said it. `got undefined` and `got NaN`
 * name the JavaScript value a caller passed (the wrapper's describe()), and are allowed at the end of a message.
 */
function assertRefusal(error, input) {
  assert.ok(
    error instanceof EngineError,
    `expected an EngineError, got ${error?.name}: ${error?.message}\n${error?.stack}`,
  );
  const { message } = error;
  const shown = JSON.stringify(message);
  assert.ok(typeof message === 'string' && message.length > 0, 'an empty message');
  assert.ok(message.isWellFormed(), `not well-formed text: ${shown}`);
  assert.doesNotMatch(message, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, `not one line: ${shown}`);
  assert.doesNotMatch(message, /[\u202a-\u202e\u2066-\u2069]/, `bidirectional controls: ${shown}`);
  assert.ok(Buffer.byteLength(message) <= 400, `over 400 bytes: ${shown}`);
  const checked = message.replace(/got (undefined|NaN)$/, 'got ∅');
  for (const leak of LEAKS) {
    const found = checked.match(leak);
    if (found && !input.includes(found[0])) assert.fail(`the message leaks "${found[0]}": ${shown}`);
  }
}

/** Runs f and fails if it takes longer than SLOW_MS: a call that long is as good as a hang. */
function timed(what, f) {
  const start = performance.now();
  try {
    return f();
  } finally {
    const ms = performance.now() - start;
    if (ms >= SLOW_MS) assert.fail(`${what()} took ${Math.round(ms)} ms`);
  }
}

/** The engine's document reloads into a fresh engine to the same text, and its position restores there. */
function assertReloads(state) {
  const fresh = open(state.text);
  try {
    assert.equal(documentText(fresh.document()), state.text, 'the document reloads to the same text');
    fresh.restore(state.text, state.position);
    assert.deepEqual(fresh.position(), state.position, 'the position restores');
  } finally {
    close(fresh);
  }
}

/** Two JSON values are the same (numbers by value: the engine writes -0 in a weight as written, 0 as 0). */
function sameJson(a, b) {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return a === b;
}

/** The document the engine accepted and wrote says what the input said: its text, numbers and unknown fields. */
function assertFaithful(input, written) {
  let source;
  try {
    source = typeof input === 'string' ? JSON.parse(input.replace(/^\ufeff/, '')) : JSON.parse(JSON.stringify(input));
  } catch (error) {
    assert.fail(`the engine accepted text that is not JSON (${error.message}): ${JSON.stringify(excerpt(input))}`);
  }
  const doc = JSON.parse(written);
  const same = (a, b, what) =>
    assert.ok(sameJson(a, b), `${what}: ${excerpt(JSON.stringify(a), 80)} became ${excerpt(JSON.stringify(b), 80)}`);
  same(source.title ?? '', doc.title ?? '', 'title');
  same(source.layers.length, doc.layers.length, 'layers');
  source.layers.forEach((layer, k) => {
    same(layer.size, doc.layers[k].size, `layers[${k}].size`);
    same(layer.name ?? '', doc.layers[k].name ?? '', `layers[${k}].name`);
    if (k > 0) same(layer.activation, doc.layers[k].activation, `layers[${k}].activation`);
    if (k > 0) same(layer.bias ?? false, doc.layers[k].bias, `layers[${k}].bias`);
  });
  same(source.weights, doc.weights, 'weights');
  const zeros = doc.layers.slice(1).map((layer) => new Array(layer.size).fill(0));
  same(source.biases ?? zeros, doc.biases ?? zeros, 'biases');
  if ('trainBiases' in doc) same(source.trainBiases ?? true, doc.trainBiases, 'trainBiases');
  same(source.learningRate, doc.learningRate, 'learningRate');
  same(source.batchSize ?? 1, doc.batchSize, 'batchSize');
  same(
    source.samples.map(({ input, target }) => ({ input, target })),
    doc.samples,
    'samples',
  );
  const extra = (d) => Object.fromEntries(Object.entries(d).filter(([key]) => !knownFields.includes(key)));
  same(extra(source), extra(doc), 'unknown fields');
}

/** The module lives on and the resident engine is as it was. */
function assertModuleAlive() {
  assert.equal(resident.meanError(), residentMeanError, 'the resident engine still computes');
  assert.deepEqual(resident.position(), residentState.position, 'the resident engine has not moved');
}

function assertHeapAtBaseline(when) {
  assert.equal(live.size, 1, `${when}: every engine but the resident one is disposed`);
  const drift = module.heapInUse() - baselineHeap;
  assert.ok(Math.abs(drift) <= HEAP_TOLERANCE, `${when}: ${drift} bytes more in use on the C++ heap`);
}

/** Loads a document into a new engine and into the resident one: refused by both, or accepted and valid. */
function checkLoad(input) {
  const text = inputText(input);
  let engine;
  try {
    engine = timed(
      () => 'load',
      () => open(input),
    );
  } catch (error) {
    assertRefusal(error, text);
    assert.throws(
      () =>
        timed(
          () => 'load',
          () => resident.load(input),
        ),
      (again) => again instanceof EngineError && again.message === error.message,
      'the resident engine refuses it with the same message',
    );
    assert.deepEqual(snapshot(resident), residentState, 'a refused load changes nothing');
    assertModuleAlive();
    return 'refused';
  }
  try {
    const state = snapshot(engine);
    assertFaithful(input, state.text);
    assertReloads(state);
  } finally {
    close(engine);
  }
  assertModuleAlive();
  return 'loaded';
}

/** Performs one call; `history` holds the states accepted so far (for goTo, which restores one of them). */
function perform(engine, c, history) {
  if (c.name === 'goTo') {
    const to = history[Math.max(0, history.length - 1 - c.back)];
    return engine.restore(to.text, to.position);
  }
  if (c.name === 'restore') return engine.restore(c.doc === 'current' ? engine.document() : c.doc, c.at);
  return engine[c.name](...c.args);
}

const callText = (c) => `${c.name}(${excerpt(inputText(c.args ?? [c.doc, c.at, c.back]), 120)})`;
// trainCurve, for the page, keeps the last step that stays finite when training diverges (Session::trainCurve).
const keepsLastFinite = (c, error) =>
  c.name === 'trainCurve' && /The last step that stays finite is kept/.test(error.message);

/**
 * Runs `calls` on an engine holding `doc`, then disposes it; false if the engine refuses `doc` (cleanly). With
 * `strict`, every refused call must leave the engine exactly as it was, and every accepted one a document that
 * reloads to the same text and position. `tally` counts the outcomes of each kind of call.
 */
function runSession(doc, calls, strict, tally = {}) {
  const count = (c, outcome) => {
    tally[c.name] ??= { accepted: 0, refused: 0 };
    tally[c.name][outcome] += 1;
  };
  let engine;
  try {
    engine = open(doc);
  } catch (error) {
    assertRefusal(error, doc);
    return false;
  }
  try {
    const history = [snapshot(engine)];
    for (const c of calls) {
      if (c.name === 'dispose') {
        engine.dispose(); // again at the end: twice is harmless
        continue;
      }
      if (!engine.native) {
        assert.throws(
          () => perform(engine, c, history),
          (error) => (assertRefusal(error, ''), true),
        );
        continue;
      }
      const state = history.at(-1);
      let result;
      try {
        result = timed(
          () => callText(c),
          () => perform(engine, c, history),
        );
      } catch (error) {
        count(c, 'refused');
        assertRefusal(error, inputText([c.args, c.doc, c.at]));
        if (!strict) continue;
        assert.notEqual(c.name, 'goTo', `going back to a state the engine was in is refused: ${error.message}`);
        const after = snapshot(engine);
        if (keepsLastFinite(c, error)) {
          count({ name: 'trainCurve (kept the last finite step)' }, 'refused');
          assert.ok(error.message.endsWith(`(step ${after.position.step + 1})`), error.message);
          assertReloads(after);
          history.push(after);
        } else assert.deepEqual(after, state, `${callText(c)} was refused (${error.message}) and changed the engine`);
        continue;
      }
      count(c, 'accepted');
      if (!strict) continue;
      const after = snapshot(engine);
      if (c.name === 'goTo') assert.deepEqual(after, history[Math.max(0, history.length - 1 - c.back)], 'goTo');
      if (c.name === 'initialize' || c.name === 'editShape')
        assert.deepEqual(result, JSON.parse(after.text), `${c.name} returns the new document`);
      if (after.text !== state.text || JSON.stringify(after.position) !== JSON.stringify(state.position)) {
        assertReloads(after);
        history.push(after);
      }
    }
  } finally {
    close(engine);
  }
  return true;
}

/** A document the engine accepts, for the call sequences: a generated network (kept valid) or a fixture. */
const acceptedDocument = fc.oneof(
  { weight: 4, arbitrary: networkModel.map(networkDocument).map(toText) },
  { weight: 1, arbitrary: fc.constantFrom(...fixtureNames).map((name) => fixtures[name]) },
);
const callSequence = fc.array(call, { minLength: 1, maxLength: 8 });
/** Calls, and sometimes dispose() in their midst: every later call must be refused, and nothing leak. */
const callsWithDispose = fc.array(fc.oneof({ weight: 12, arbitrary: call }, fc.constant({ name: 'dispose' })), {
  minLength: 1,
  maxLength: 8,
});

before(async () => {
  module = await loadEngineModule();
  // Warm-up: every call once on every fixture and on refused input, so the allocator reaches its steady state.
  for (let round = 0; round < 3; round += 1)
    for (const name of fixtureNames) {
      const engine = open(fixtures[name]);
      engine.step();
      engine.train(2);
      engine.trainCurve(2, { stopBelow: 0.01 });
      engine.explain('markdown', 4);
      engine.explain('latex', 2);
      engine.gradientCheck();
      engine.initialize({ scheme: 'xavier', seed: 1 });
      engine.editShape('addNeuron', { layer: 1 });
      engine.labels();
      engine.meanError();
      engine.restore(engine.document(), { epoch: 0, sample: 0, step: 0 });
      for (const bad of ['{', '{"format":1}', '[[[[', 'NaN']) assert.throws(() => engine.load(bad), EngineError);
      close(engine);
    }
  emptyHeap = module.heapInUse();
  resident = open(fixtures.xor);
  resident.train(3);
  resident.step();
  residentState = snapshot(resident);
  residentMeanError = resident.meanError();
  baselineHeap = module.heapInUse();
});

// ---------------------------------------------------------------------------------------------------------------
// The properties. Each name shows its runs and the seed: BACKSTEP_PROPERTY_SEED=<seed> runs them again.
const named = (what, runs) => `${what} (${runs} runs, seed ${SEED})`;

test(named('1a. any value or text handed to load is loaded or refused cleanly', RUNS.values), (t) => {
  const outcomes = { loaded: 0, refused: 0 };
  fc.assert(
    fc.property(anyInput, (input) => {
      outcomes[checkLoad(input)] += 1;
    }),
    { seed: SEED, numRuns: RUNS.values },
  );
  t.diagnostic(`${outcomes.loaded} loaded, ${outcomes.refused} refused`);
  assertHeapAtBaseline('after 1a');
});

test(named('1b. generated networks, some mutated, are loaded or refused cleanly', RUNS.model), (t) => {
  const outcomes = { loaded: 0, refused: 0 };
  fc.assert(
    fc.property(modelDocumentInput, (input) => {
      outcomes[checkLoad(input)] += 1;
    }),
    { seed: SEED, numRuns: RUNS.model },
  );
  t.diagnostic(`${outcomes.loaded} loaded, ${outcomes.refused} refused`);
  assert.ok(outcomes.loaded > RUNS.model / 5, 'the model makes valid documents too');
  assertHeapAtBaseline('after 1b');
});

test(named('1c. mutated fixtures are loaded or refused cleanly', RUNS.fixtures), (t) => {
  const outcomes = { loaded: 0, refused: 0 };
  fc.assert(
    fc.property(fixtureInput, (input) => {
      outcomes[checkLoad(input)] += 1;
    }),
    { seed: SEED, numRuns: RUNS.fixtures },
  );
  t.diagnostic(`${outcomes.loaded} loaded, ${outcomes.refused} refused`);
  assertHeapAtBaseline('after 1c');
});

test(named('2. random calls: a refusal changes nothing, an accepted one keeps the document valid', RUNS.calls), (t) => {
  const tally = {};
  fc.assert(
    fc.property(acceptedDocument, callSequence, (doc, calls) => {
      fc.pre(runSession(doc, calls, true, tally));
      assertModuleAlive();
    }),
    { seed: SEED, numRuns: RUNS.calls },
  );
  const counts = Object.entries(tally).map(([name, { accepted, refused }]) => `${name} ${accepted}/${refused}`);
  t.diagnostic(`calls accepted/refused: ${counts.join(', ')}`);
  assertHeapAtBaseline('after 2');
});

test(named(`3. the heap is flat, every engine disposed (${TOTAL_RUNS} runs in all)`, `2 × ${RUNS.heap}`), (t) => {
  const sessions = fc.property(fc.oneof(acceptedDocument, fixtureInput), callsWithDispose, (doc, calls) => {
    runSession(doc, calls, false);
  });
  fc.assert(sessions, { seed: SEED, numRuns: RUNS.heap });
  assertHeapAtBaseline('after the first pass');
  const memory = module.HEAP8.length;
  fc.assert(sessions, { seed: SEED, numRuns: RUNS.heap }); // the same runs again
  assertHeapAtBaseline('after the second pass');
  assert.equal(module.HEAP8.length, memory, 'the same runs again grew the WebAssembly memory');
  assertModuleAlive();
  close(resident);
  assert.equal(live.size, 0, 'every engine is disposed');
  const drift = module.heapInUse() - emptyHeap;
  t.diagnostic(`C++ heap: ${drift} bytes more in use than after warm-up; WebAssembly memory ${memory} bytes`);
  assert.ok(Math.abs(drift) <= HEAP_TOLERANCE, `${drift} bytes more in use than after warm-up`);
});
