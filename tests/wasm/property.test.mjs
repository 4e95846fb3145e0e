// Property tests of the WebAssembly engine through its JavaScript module (fast-check, one fixed seed): 10,000 runs
// of random, mutated and hostile documents and calls. Loading never crashes or hangs, and either loads or throws an
// EngineError with a clean one-line message; a refused call changes nothing; an accepted call leaves a document that
// reloads into a fresh engine to the same text; afterwards the heap is flat and every engine is disposed.
// A failure prints fast-check's seed, path and shrunk counterexample; BACKSTEP_PROPERTY_SEED=<seed> reruns a seed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

import { BackstepEngine, EngineError, documentText, loadEngineModule } from '../../web/src/engine/engine.js';

const SEED = Number(process.env.BACKSTEP_PROPERTY_SEED ?? 20250611);
// Runs per property; the heap property runs its runs twice (the second pass must not grow the memory).
const RUNS = { values: 2000, model: 2000, fixtures: 3000, calls: 2000, heap: 500 };
const TOTAL_RUNS = RUNS.values + RUNS.model + RUNS.fixtures + RUNS.calls + 2 * RUNS.heap;
const SLOW_MS = 5000; // one call that takes longer than this counts as a hang
const HEAP_TOLERANCE = 1024; // bytes in use on the C++ heap, after thousands of runs

const fixtureNames = ['seed', 'mazur', 'xor', 'and', 'or', 'regression'];
const fixtures = Object.fromEntries(
  fixtureNames.map((name) => [name, readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')]),
);
const knownFields = [
  'format',
  'title',
  'layers',
  'weights',
  'biases',
  'trainBiases',
  'loss',
  'learningRate',
  'batchSize',
  'samples',
];

// ---------------------------------------------------------------------------------------------------------------
// Document trees: plain JSON values, plus text JSON.stringify cannot write (NaN, 1e400, repeated keys …).

/** JSON text inside a document tree, written as it is: NaN, 1e400, 0x10, deep nesting, a raw lone surrogate … */
class Raw {
  constructor(text) {
    this.text = text;
  }
  [fc.toStringMethod]() {
    return `Raw(${JSON.stringify(this.text.length > 40 ? `${this.text.slice(0, 40)}…` : this.text)})`;
  }
}

/** An object whose keys may repeat, as [key, value] pairs. */
class Entries {
  constructor(entries) {
    this.entries = entries;
  }
  [fc.toStringMethod]() {
    return `Entries(${fc.stringify(this.entries)})`;
  }
}

const isObject = (value) =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof Raw) &&
  !(value instanceof Entries);

/** The JSON text of a tree; numbers JSON has no text for are written as JavaScript writes them (NaN, Infinity). */
function toText(value) {
  if (value instanceof Raw) return value.text;
  if (value instanceof Entries)
    return `{${value.entries.map(([key, v]) => `${JSON.stringify(key)}:${toText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toText).join(',')}]`;
  if (isObject(value)) return toText(new Entries(Object.entries(value)));
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  // A lone surrogate stays in the text as it is (JSON.stringify escapes it): text a page may hold, from a textarea.
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      loneSurrogateEscape,
      (_, bs, hex) => bs + String.fromCharCode(parseInt(hex, 16)),
    );
  return JSON.stringify(value) ?? 'null';
}
const loneSurrogateEscape = /(?<!\\)((?:\\\\)*)\\u(d[89a-f][0-9a-f]{2})/g;

/** The same tree as the JavaScript value a page would hand to load (raw text parsed, the last repeated key wins). */
function toValue(value) {
  if (value instanceof Raw) {
    try {
      return JSON.parse(value.text);
    } catch {
      return Number(value.text);
    }
  }
  if (value instanceof Entries) return Object.fromEntries(value.entries.map(([key, v]) => [key, toValue(v)]));
  if (Array.isArray(value)) return value.map(toValue);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toValue(v)]));
  return value;
}

/** What to hand to load: the tree's text, or the tree as an object. */
const asInput = (tree, form) => (form === 'text' ? toText(tree) : toValue(tree));

/** Whatever text of an input the engine may quote back (a message may repeat what the document says). */
function inputText(input) {
  if (typeof input === 'string') return input;
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return '';
  }
}

const excerpt = (text, n = 300) => (text.length > n ? `${text.slice(0, n)}…` : text);

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries.

/** Characters that break naive text handling: quotes, escapes, controls, separators, bidi, lone surrogates. */
const awkwardCharacter = fc.constantFrom(
  'a',
  'z',
  '0',
  ' ',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  'é',
  '€',
  '𝄞',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
);
const awkwardText = fc.oneof(
  fc.string({ unit: awkwardCharacter, maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom('x'.repeat(200), 'x'.repeat(201), 'é'.repeat(201), 'seventeen-letters'),
);
const plainTitle = fc.string({ unit: 'grapheme', maxLength: 40 });

/** Number text JSON does not have, or has only at its edges. */
const rawNumber = fc
  .constantFrom(
    'NaN',
    '-NaN',
    'Infinity',
    '-Infinity',
    'inf',
    '1e400',
    '-1e999',
    '1.8e308',
    '1e-400',
    '5e-324',
    '-0',
    '0x10',
    '01',
    '.5',
    '1.',
    '+1',
    '1e',
    '--1',
    '1_0',
    '123456789012345678901234567890',
    '9007199254740993',
    '1.7976931348623157e308',
  )
  .map((text) => new Raw(text));
/** Text that is barely (or not) JSON: raw lone surrogates and escaped ones, unterminated literals. */
const rawOther = fc
  .constantFrom('"\ud800"', '"a\ud800"', '"\ud800b"', '"\\ud800"', '"\\u0000"', '""', 'nul', 'tru', '[1,]', '{,}')
  .map((text) => new Raw(text));
/** Arrays nested around the limit of 64 levels, and far beyond it. */
const deepNesting = fc
  .oneof(fc.integer({ min: 60, max: 70 }), fc.constant(20000))
  .map((depth) => new Raw('['.repeat(depth) + ']'.repeat(depth)));

/** Any value that does not belong where it is put: wrong types, edge numbers, raw text, deep nesting. */
const strangeValue = fc.oneof(
  rawNumber,
  rawOther,
  fc.constantFrom(null, true, false, '', '1', '0.5', 'NaN', 'backstep/1', -0, 0, 1, -1, 1.5, 256, 257, 2 ** 53),
  fc.constantFrom(1e308, -1e308, 5e-324, 1e15, 2 ** 31),
  fc.double(),
  awkwardText,
  fc.jsonValue({ maxDepth: 2 }),
  deepNesting,
);
const fieldName = fc.constantFrom(
  ...knownFields,
  'size',
  'activation',
  'bias',
  'name',
  'input',
  'target',
  '__proto__',
  'constructor',
);
const anyKey = fc.oneof(fieldName, awkwardText);

/** One change to a document tree, at the node `at` (modulo the number of nodes). */
const treeMutation = fc.record({
  kind: fc.constantFrom('drop', 'replace', 'stringify', 'resize', 'nest', 'addKey', 'duplicateKey', 'scale'),
  at: fc.nat(),
  value: strangeValue,
  key: anyKey,
  count: fc.nat({ max: 6 }),
  depth: fc.integer({ min: 1, max: 80 }),
});
/** One change to a document's text. */
const textMutation = fc.record({
  kind: fc.constantFrom('truncate', 'insert', 'delete', 'bom', 'append'),
  at: fc.nat(),
  character: fc.oneof(awkwardCharacter, fc.constantFrom('{', '}', '[', ']', ',', ':', '1', '-', 'e')),
});

const activationName = fc.constantFrom('linear', 'sigmoid', 'tanh', 'relu');
const extraKey = awkwardText.filter((key) => !knownFields.includes(key));

/** A backstep/1 network: layer sizes, activations, biases, values of a scale, samples; valid as it stands. */
const networkModel = fc.record(
  {
    sizes: fc.oneof(
      { weight: 9, arbitrary: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 6 }) },
    ),
    activations: fc.array(activationName, { minLength: 6, maxLength: 6 }),
    biases: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    names: fc.boolean(),
    scale: fc.constantFrom(0, 0.01, 0.5, 1, 4, 1e3, 1e150, 1e300),
    fill: fc.integer(), // the seed of every weight, bias, input and target
    samples: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 1, max: 6 }) },
      { weight: 1, arbitrary: fc.integer({ min: 7, max: 40 }) },
    ),
    learningRate: fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: 1e-4, max: 2, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(1e3, 1e308, 5e-324, 1.7976931348623157e308) },
    ),
    batchSize: fc.integer({ min: 1, max: 8 }),
    trainBiases: fc.boolean(),
    title: fc.oneof({ weight: 4, arbitrary: plainTitle }, { weight: 1, arbitrary: awkwardText }),
    loss: fc.boolean(),
    extra: fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2, noNullPrototype: true }),
  },
  { requiredKeys: ['sizes', 'activations', 'biases', 'scale', 'fill', 'samples', 'learningRate'] },
);

/** mulberry32: the values of a model, from its `fill` seed. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The document of a network model. */
function networkDocument(m) {
  const random = prng(m.fill);
  const value = () => (random() * 2 - 1) * m.scale;
  const values = (n) => Array.from({ length: n }, value);
  const sizes = m.sizes;
  const doc = { ...m.extra, format: 'backstep/1' };
  if (m.title !== undefined) doc.title = m.title;
  doc.layers = sizes.map((size, k) => {
    const name = m.names ? { name: `L${k}` } : {};
    return k === 0 ? { size, ...name } : { size, activation: m.activations[k - 1], bias: m.biases[k - 1], ...name };
  });
  doc.weights = sizes.slice(1).map((size, l) => Array.from({ length: size }, () => values(sizes[l])));
  if (m.biases.slice(0, sizes.length - 1).some(Boolean))
    doc.biases = sizes.slice(1).map((size, l) => (m.biases[l] ? values(size) : new Array(size).fill(0)));
  if (m.trainBiases !== undefined) doc.trainBiases = m.trainBiases;
  if (m.loss) doc.loss = 'half-squared-error';
  doc.learningRate = m.learningRate;
  if (m.batchSize !== undefined) doc.batchSize = m.batchSize;
  doc.samples = Array.from({ length: m.samples }, () => ({
    input: values(sizes[0]),
    target: values(sizes.at(-1)),
  }));
  return doc;
}

const DROP = Symbol('drop');

/** The paths (keys and indices) of a tree's nodes, in document order, the root first; at most `max`. */
function nodePaths(tree, max = 2000) {
  const out = [];
  const visit = (value, path) => {
    if (out.length >= max) return;
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (isObject(value)) for (const [key, v] of Object.entries(value)) visit(v, [...path, key]);
  };
  visit(tree, []);
  return out;
}

/** The tree with the node at `path` replaced by f(node), or removed if f returns DROP; the rest is shared. */
function updateAt(tree, [key, ...rest], f) {
  if (key === undefined) return f(tree);
  const child = updateAt(tree[key], rest, f);
  if (Array.isArray(tree))
    return child === DROP ? tree.filter((_, i) => i !== key) : tree.map((v, i) => (i === key ? child : v));
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) => (k !== key ? [[k, v]] : child === DROP ? [] : [[k, child]])),
  );
}

function resized(array, count) {
  const last = array.at(-1) ?? 0;
  return [[], array.slice(0, -1), [...array, last], array.concat(array), [...array, ...Array(40).fill(last)], [last]][
    count % 6
  ];
}

function nested(value, depth, asArray) {
  for (let k = 0; k < depth; k += 1) value = asArray ? [value] : { a: value };
  return value;
}

function mutateTree(tree, m) {
  const paths = nodePaths(tree);
  const path = paths[m.at % paths.length];
  const change = {
    drop: () => DROP,
    replace: () => m.value,
    stringify: (v) => (typeof v === 'number' ? String(v) : toText(v)),
    resize: (v) => (Array.isArray(v) ? resized(v, m.count) : [v]),
    nest: (v) => nested(v, m.depth, m.count % 2 === 0),
    addKey: (v) => (isObject(v) ? { ...v, [m.key]: m.value } : m.value),
    duplicateKey: (v) => {
      const keys = isObject(v) ? Object.keys(v) : [];
      return keys.length ? new Entries([...Object.entries(v), [keys[m.count % keys.length], m.value]]) : v;
    },
    scale: (v) => (typeof v === 'number' ? v * 1e300 : v),
  }[m.kind];
  const out = updateAt(tree, path, change);
  return out === DROP ? new Raw('') : out;
}

function mutateText(text, m) {
  const at = m.at % (text.length + 1);
  if (m.kind === 'truncate') return text.slice(0, at);
  if (m.kind === 'insert') return text.slice(0, at) + m.character + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  if (m.kind === 'bom') return `\ufeff${text}`;
  return text + m.character;
}

const inputForm = fc.constantFrom('text', 'object');

/** A generated network with up to three tree mutations, as text or as an object. */
const modelDocumentInput = fc
  .tuple(networkModel, fc.array(treeMutation, { maxLength: 3 }), inputForm)
  .map(([model, mutations, form]) => asInput(mutations.reduce(mutateTree, networkDocument(model)), form));

/** A fixture with one to four tree mutations, then up to two text mutations (of the text form only). */
const fixtureInput = fc
  .tuple(
    fc.constantFrom(...fixtureNames),
    fc.array(treeMutation, { minLength: 1, maxLength: 4 }),
    fc.array(textMutation, { maxLength: 2 }),
    inputForm,
  )
  .map(([name, mutations, edits, form]) => {
    const tree = mutations.reduce(mutateTree, JSON.parse(fixtures[name]));
    return form === 'text' ? edits.reduce(mutateText, toText(tree)) : toValue(tree);
  });

/** Text over the 4 MiB limit, refused in JavaScript; text under it in UTF-16 units but over it in UTF-8 bytes. */
const tooLongText = ' '.repeat(4 * 1024 * 1024 + 1);
const tooLargeAsUtf8 = `{"format":"backstep/1","title":"${'é'.repeat(3e6)}"}`;

/** A value with a cycle: JSON.stringify cannot write it. */
const cyclic = fc.jsonValue({ maxDepth: 1 }).map((value) => {
  const doc = { format: 'backstep/1', value };
  doc.self = doc;
  return doc;
});
/** Anything a caller might hand to load: any JSON value or text, non-JSON text, and JavaScript values. */
const anyInput = fc.oneof(
  { weight: 50, arbitrary: fc.jsonValue() },
  { weight: 50, arbitrary: fc.json() },
  { weight: 50, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 50, arbitrary: fc.string({ unit: awkwardCharacter, maxLength: 60 }) },
  {
    weight: 50,
    arbitrary: fc
      .dictionary(fc.oneof(fieldName, awkwardText), strangeValue, { noNullPrototype: true })
      .map((doc) => ({ format: 'backstep/1', ...doc })),
  },
  { weight: 25, arbitrary: cyclic },
  {
    weight: 25,
    arbitrary: fc.constantFrom(undefined, null, 0, NaN, true, [], {}, 10n, Symbol('doc'), () => ({}), new Map()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(tooLongText, tooLargeAsUtf8),
  },
  { weight: 1, arbitrary: fc.constant(wideZeros()) },
);

/** A document of 4 × 256 neurons whose every weight is 0: small as text, too large once trained and written. */
function wideZeros() {
  const row = `[${'0,'.repeat(255)}0]`;
  const matrix = `[${`${row},`.repeat(255)}${row}]`;
  const layers = [{ size: 256 }, ...[1, 2, 3].map(() => ({ size: 256, activation: 'tanh' }))];
  const sample = `{"input":${row},"target":${row}}`;
  return `{"format":"backstep/1","layers":${JSON.stringify(layers)},"weights":[${matrix},${matrix},${matrix}],
    "learningRate":0.1,"samples":[${sample}]}`;
}

/** What a caller could pass instead of a count, a name or an options object. */
const hostileArgument = fc.constantFrom(
  undefined,
  null,
  -1,
  -0,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  1e10,
  2 ** 53,
  10_000_001,
  '2',
  '',
  true,
  [],
  {},
  10n,
);
const small = (max) => fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max }) }, hostileArgument);
const someText = (names) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...names) }, awkwardText, hostileArgument);
const maybeOptions = (record) => fc.oneof({ weight: 8, arbitrary: record }, hostileArgument);

/** A position: where a step may start, or anything else. */
const position = fc.oneof(
  fc.constant({ epoch: 0, sample: 0, step: 0 }),
  fc.record({ epoch: small(3), sample: small(8), step: small(20) }),
  fc.record({ epoch: fc.constantFrom(1e12, 1e12 + 1, 2 ** 53), sample: fc.constant(0), step: small(3) }),
  hostileArgument,
);

/** One call of the engine's API, with random (and invalid) arguments. */
const call = fc.oneof(
  fc.constant({ name: 'step', args: [] }),
  small(3).map((epochs) => ({ name: 'train', args: [epochs] })),
  fc
    .tuple(small(3), maybeOptions(fc.record({ stopBelow: fc.oneof(fc.double({ min: 0, max: 1 }), strangeValue) })))
    .map((args) => ({ name: 'trainCurve', args })),
  fc.nat({ max: 8 }).map((back) => ({ name: 'goTo', back })),
  fc
    .tuple(fc.oneof(fc.constant('current'), modelDocumentInput), position)
    .map(([doc, at]) => ({ name: 'restore', doc, at })),
  fc
    .tuple(someText(['markdown', 'latex']), small(15))
    .map(([format, decimals]) => ({ name: 'explain', args: [format, decimals] })),
  fc.constantFrom('gradientCheck', 'meanError', 'labels', 'document', 'position').map((name) => ({ name, args: [] })),
  maybeOptions(
    fc.record({
      scheme: someText(['uniform', 'xavier', 'he', 'zeros']),
      seed: fc.oneof(fc.nat(), fc.constantFrom(2 ** 53 - 1, 2 ** 53), hostileArgument),
      range: fc.oneof(fc.double({ min: 0, max: 2 }), fc.constantFrom(1e308, -1, undefined), hostileArgument),
    }),
  ).map((options) => ({ name: 'initialize', args: [options] })),
  fc
    .tuple(
      someText(['addLayer', 'removeLayer', 'addNeuron', 'removeNeuron', 'activation', 'bias']),
      maybeOptions(
        fc.record(
          {
            layer: small(3),
            index: fc.oneof(small(3), fc.constantFrom(256, 257)),
            activation: someText(['linear', 'sigmoid', 'tanh', 'relu']),
            bias: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, hostileArgument),
          },
          { requiredKeys: [] },
        ),
      ),
    )
    .map((args) => ({ name: 'editShape', args })),
  fc.oneof(modelDocumentInput, fixtureInput, anyInput).map((doc) => ({ name: 'load', args: [doc] })),
);

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
