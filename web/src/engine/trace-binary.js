// The trace of a step from its binary form (cpp/engine/TRACE.md, "Binary form"; TraceBinary in
// cpp/engine/trace.hpp): codes describing the JSON value, its numbers as doubles in order, its strings as indices
// into a string table. The value built here is the one JSON.parse gives for the engine's JSON text of the same step.

// The codes below `STRING`; a code STRING + k is string k of the table.
const BEGIN_OBJECT = 0;
const END_OBJECT = 1;
const BEGIN_ARRAY = 2;
const END_ARRAY = 3;
const NUMBER = 4;
const TRUE = 5;
const FALSE = 6;
const NULL = 7;
const STRING = 8;

/**
 * The value the codes describe, whatever it is (the reference reader: decodeTrace's fast path falls back to it).
 * @param {Uint32Array} codes
 * @param {Float64Array} numbers the numbers, in the order of the codes that take one
 * @param {string[]} strings the string table (and any strings after it)
 */
export function decodeValue(codes, numbers, strings) {
  const stack = [];
  let root = null;
  let container = null; // the object or array being filled
  let inArray = false;
  let key = null; // in an object: the key read, waiting for its value
  let n = 0;
  for (let p = 0; p < codes.length; p += 1) {
    const code = codes[p];
    let value;
    if (code >= STRING) {
      value = strings[code - STRING];
      if (!inArray && key === null) {
        key = value;
        continue;
      }
    } else if (code === NUMBER) {
      value = numbers[n];
      n += 1;
    } else if (code === BEGIN_OBJECT || code === BEGIN_ARRAY) {
      value = code === BEGIN_OBJECT ? {} : [];
      if (container === null) root = value;
      else if (inArray) container.push(value);
      else {
        container[key] = value;
        key = null;
      }
      stack.push(container);
      container = value;
      inArray = code === BEGIN_ARRAY;
      continue;
    } else if (code === END_OBJECT || code === END_ARRAY) {
      container = stack.pop();
      inArray = Array.isArray(container);
      continue;
    } else if (code === NULL) value = null;
    else if (code === TRUE || code === FALSE) value = code === TRUE;
    else throw new Error(`trace: unknown code ${code} at ${p}`);
    if (inArray) container.push(value);
    else {
      container[key] = value;
      key = null;
    }
  }
  return root;
}

// The fast path: the trace's objects built as literals, in the format's field order (TRACE.md), which V8 creates
// several times faster than objects filled key by key. Every key of the stream is checked against the field read
// here, one comparison each; at the first difference (a format this reader does not know) decodeTrace falls back
// to decodeValue, which reads any value.
const MISMATCH = Symbol('mismatch');

class Reader {
  constructor(codes, numbers, strings) {
    this.codes = codes;
    this.numbers = numbers;
    this.strings = strings;
    this.p = 0;
    this.n = 0;
    let words = wordCodes.get(strings);
    if (!words) {
      words = {};
      for (const word of WORDS) words[word] = STRING + strings.indexOf(word);
      wordCodes.set(strings, words);
    }
    this.w = words;
  }
  code() {
    const code = this.codes[this.p];
    this.p += 1;
    return code;
  }
  expect(code) {
    if (this.codes[this.p] !== code) throw MISMATCH;
    this.p += 1;
  }
  /** The value of `key` (a word of WORDS): a number. */
  number(key) {
    this.expect(key);
    this.expect(NUMBER);
    const x = this.numbers[this.n];
    this.n += 1;
    return x;
  }
  /** A number or null (a result's values). */
  numberOrNull() {
    const code = this.code();
    if (code === NULL) return null;
    if (code !== NUMBER) throw MISMATCH;
    const x = this.numbers[this.n];
    this.n += 1;
    return x;
  }
  string(key) {
    this.expect(key);
    const code = this.code();
    if (code < STRING) throw MISMATCH;
    return this.strings[code - STRING];
  }
  boolean(key) {
    this.expect(key);
    const code = this.code();
    if (code !== TRUE && code !== FALSE) throw MISMATCH;
    return code === TRUE;
  }
  /** Reads `key`'s array: each element by read(), until its end. */
  array(key, read) {
    this.expect(key);
    this.expect(BEGIN_ARRAY);
    const items = [];
    while (this.codes[this.p] !== END_ARRAY) items.push(read(this));
    this.p += 1;
    return items;
  }
}

const WORDS = [
  'format',
  'epoch',
  'step',
  'samples',
  'batchSize',
  'learningRate',
  'variant',
  'events',
  'meanError',
  'kind',
  'sample',
  'inputs',
  'targets',
  'name',
  'neuron',
  'value',
  'layer',
  'terms',
  'weight',
  'source',
  'sourceNeuron',
  'w',
  'a',
  'product',
  'bias',
  'z',
  'activation',
  'outputs',
  'prediction',
  'target',
  'difference',
  'error',
  'total',
  'output',
  'dest',
  'destNeuron',
  'delta',
  'sum',
  'derivative',
  'parameter',
  'type',
  'destName',
  'sourceName',
  'gradient',
  'old',
  'new',
  'input',
  'forward',
  'update',
  'result',
];
const wordCodes = new WeakMap(); // string table → { word: its code }

function namedValue(r) {
  const w = r.w;
  r.expect(BEGIN_OBJECT);
  const value = { name: r.string(w.name), neuron: r.number(w.neuron), value: r.number(w.value) };
  r.expect(END_OBJECT);
  return value;
}

function forwardTerm(r) {
  const w = r.w;
  r.expect(BEGIN_OBJECT);
  const term = {
    weight: r.string(w.weight),
    source: r.string(w.source),
    sourceNeuron: r.number(w.sourceNeuron),
    w: r.number(w.w),
    a: r.number(w.a),
    product: r.number(w.product),
  };
  r.expect(END_OBJECT);
  return term;
}

function deltaTerm(r) {
  const w = r.w;
  r.expect(BEGIN_OBJECT);
  const term = {
    weight: r.string(w.weight),
    dest: r.string(w.dest),
    destNeuron: r.number(w.destNeuron),
    w: r.number(w.w),
    delta: r.number(w.delta),
    product: r.number(w.product),
  };
  r.expect(END_OBJECT);
  return term;
}

function errorOutput(r) {
  const w = r.w;
  r.expect(BEGIN_OBJECT);
  const output = {
    name: r.string(w.name),
    neuron: r.number(w.neuron),
    prediction: r.number(w.prediction),
    target: r.number(w.target),
    difference: r.number(w.difference),
    error: r.number(w.error),
  };
  r.expect(END_OBJECT);
  return output;
}

function forwardBias(r) {
  const w = r.w;
  r.expect(w.bias);
  if (r.codes[r.p] === NULL) {
    r.p += 1;
    return null;
  }
  r.expect(BEGIN_OBJECT);
  const bias = { name: r.string(w.name), value: r.number(w.value) };
  r.expect(END_OBJECT);
  return bias;
}

function event(r) {
  const w = r.w;
  r.expect(BEGIN_OBJECT);
  const kind = r.string(w.kind);
  let e;
  if (kind === 'forward') {
    const sample = r.number(w.sample);
    const layer = r.number(w.layer);
    const neuron = r.number(w.neuron);
    const name = r.string(w.name);
    const terms = r.array(w.terms, forwardTerm);
    const bias = forwardBias(r);
    const z = r.number(w.z);
    e = { kind, sample, layer, neuron, name, terms, bias, z, activation: r.string(w.activation), a: r.number(w.a) };
  } else if (kind === 'gradient') {
    const sample = r.number(w.sample);
    const parameter = r.string(w.parameter);
    const type = r.string(w.type);
    const layer = r.number(w.layer);
    const dest = r.number(w.dest);
    if (type === 'weight') {
      const source = r.number(w.source);
      const destName = r.string(w.destName);
      const sourceName = r.string(w.sourceName);
      const delta = r.number(w.delta);
      const a = r.number(w.a);
      const gradient = r.number(w.gradient);
      e = { kind, sample, parameter, type, layer, dest, source, destName, sourceName, delta, a, gradient };
    } else {
      const destName = r.string(w.destName);
      const delta = r.number(w.delta);
      e = { kind, sample, parameter, type, layer, dest, destName, delta, gradient: r.number(w.gradient) };
    }
  } else if (kind === 'update') {
    const parameter = r.string(w.parameter);
    const type = r.string(w.type);
    const layer = r.number(w.layer);
    const dest = r.number(w.dest);
    if (type === 'weight') {
      const source = r.number(w.source);
      const old = r.number(w.old);
      const gradient = r.number(w.gradient);
      const learningRate = r.number(w.learningRate);
      e = { kind, parameter, type, layer, dest, source, old, gradient, learningRate, new: r.number(w.new) };
    } else {
      const old = r.number(w.old);
      const gradient = r.number(w.gradient);
      const learningRate = r.number(w.learningRate);
      e = { kind, parameter, type, layer, dest, old, gradient, learningRate, new: r.number(w.new) };
    }
  } else if (kind === 'delta') {
    const sample = r.number(w.sample);
    const layer = r.number(w.layer);
    const neuron = r.number(w.neuron);
    const name = r.string(w.name);
    const output = r.boolean(w.output);
    const activation = r.string(w.activation);
    const z = r.number(w.z);
    const a = r.number(w.a);
    if (output) {
      const target = r.number(w.target);
      const difference = r.number(w.difference);
      const derivative = r.number(w.derivative);
      const delta = r.number(w.delta);
      e = { kind, sample, layer, neuron, name, output, activation, z, a, target, difference, derivative, delta };
    } else {
      const terms = r.array(w.terms, deltaTerm);
      const sum = r.number(w.sum);
      const derivative = r.number(w.derivative);
      const delta = r.number(w.delta);
      e = { kind, sample, layer, neuron, name, output, activation, z, a, terms, sum, derivative, delta };
    }
  } else if (kind === 'input') {
    const sample = r.number(w.sample);
    const inputs = r.array(w.inputs, namedValue);
    e = { kind, sample, inputs, targets: r.array(w.targets, namedValue) };
  } else if (kind === 'error') {
    const sample = r.number(w.sample);
    const outputs = r.array(w.outputs, errorOutput);
    e = { kind, sample, outputs, total: r.number(w.total) };
  } else if (kind === 'result') {
    const sample = r.number(w.sample);
    const prediction = r.array(w.prediction, (reader) => reader.numberOrNull());
    r.expect(w.error);
    e = { kind, sample, prediction, error: r.numberOrNull() };
  } else throw MISMATCH;
  r.expect(END_OBJECT);
  return e;
}

function name(r) {
  const code = r.code();
  if (code < STRING) throw MISMATCH;
  return r.strings[code - STRING];
}

function fastTrace(codes, numbers, strings) {
  const r = new Reader(codes, numbers, strings);
  const w = r.w;
  r.expect(BEGIN_OBJECT);
  const format = r.string(w.format);
  const epoch = r.number(w.epoch);
  const step = r.number(w.step);
  const samples = r.array(w.samples, (reader) => reader.numberOrNull());
  const batchSize = r.number(w.batchSize);
  const learningRate = r.number(w.learningRate);
  const variant = codes[r.p] === w.variant ? r.array(w.variant, name) : null;
  const events = r.array(w.events, event);
  const meanError = r.number(w.meanError);
  r.expect(END_OBJECT);
  if (r.p !== codes.length || r.n !== numbers.length) throw MISMATCH;
  return variant === null
    ? { format, epoch, step, samples, batchSize, learningRate, events, meanError }
    : { format, epoch, step, samples, batchSize, learningRate, variant, events, meanError };
}

/**
 * The trace the codes describe (decodeValue's value), built by the fast path when the stream is the format it
 * reads, else by decodeValue.
 */
export function decodeTrace(codes, numbers, strings) {
  try {
    return fastTrace(codes, numbers, strings);
  } catch (error) {
    if (error !== MISMATCH) throw error;
    return decodeValue(codes, numbers, strings);
  }
}
