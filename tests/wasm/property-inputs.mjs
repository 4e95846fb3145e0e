// What the property tests (property.test.mjs) hand the WebAssembly engine: fast-check arbitraries of random, mutated
// and hostile documents, inputs and calls, and the few helpers that write and read them. No engine here.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export const fixtureNames = ['seed', 'mazur', 'xor', 'and', 'or', 'regression'];
export const fixtures = Object.fromEntries(
  fixtureNames.map((name) => [name, readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')]),
);
export const knownFields = [
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
export function toText(value) {
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
export function inputText(input) {
  if (typeof input === 'string') return input;
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return '';
  }
}

export const excerpt = (text, n = 300) => (text.length > n ? `${text.slice(0, n)}…` : text);

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
export const networkModel = fc.record(
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
export function networkDocument(m) {
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
export const modelDocumentInput = fc
  .tuple(networkModel, fc.array(treeMutation, { maxLength: 3 }), inputForm)
  .map(([model, mutations, form]) => asInput(mutations.reduce(mutateTree, networkDocument(model)), form));

/** A fixture with one to four tree mutations, then up to two text mutations (of the text form only). */
export const fixtureInput = fc
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
export const anyInput = fc.oneof(
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
export const position = fc.oneof(
  fc.constant({ epoch: 0, sample: 0, step: 0 }),
  fc.record({ epoch: small(3), sample: small(8), step: small(20) }),
  fc.record({ epoch: fc.constantFrom(1e12, 1e12 + 1, 2 ** 53), sample: fc.constant(0), step: small(3) }),
  hostileArgument,
);

/** One call of the engine's API, with random (and invalid) arguments. */
export const call = fc.oneof(
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
