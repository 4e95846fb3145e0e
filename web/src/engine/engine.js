// The engine in JavaScript: loads the WebAssembly module (browser, worker or Node) and wraps
// one C++ Session per BackstepEngine. Every number comes from C++; this file only moves JSON, and a step's trace
// in binary (trace-binary.js). The module's loader is its own chunk, fetched with the .wasm when an engine is first
// made: the first view of an example is drawn without it (state/first-view.js).
import { decodeTrace } from './trace-binary.js';

const wasmUrl = new URL('./generated/backstep-engine.wasm', import.meta.url);

/** An engine refusal (invalid document, diverged training …); `message` is the engine's one line. */
export class EngineError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EngineError';
  }
}

let modulePromise = null;
const utf8 = new TextDecoder();

async function nodeWasmBinary() {
  const fsName = 'node:fs/promises'; // a variable keeps bundlers from pulling Node's fs into the page
  const urlName = 'node:url';
  const [{ readFile }, { fileURLToPath }] = await Promise.all([
    import(/* @vite-ignore */ fsName),
    import(/* @vite-ignore */ urlName),
  ]);
  return readFile(fileURLToPath(wasmUrl));
}

/**
 * The .wasm's bytes in a page or worker: fetched beside the module's loader, not once it has run (then compiled from
 * the whole file: no streaming compilation, which for 380 KB is a few milliseconds).
 */
async function fetchWasmBinary() {
  const response = await fetch(wasmUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${wasmUrl.pathname.split('/').pop()}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The shared WebAssembly module: instantiated once per page, worker or Node process. */
export function loadEngineModule() {
  if (!modulePromise) {
    const inNode = typeof process !== 'undefined' && Boolean(process.versions?.node) && typeof window === 'undefined';
    modulePromise = Promise.all([
      import('./generated/backstep-engine.mjs'),
      inNode ? nodeWasmBinary() : fetchWasmBinary(),
    ]).then(([{ default: createBackstepModule }, wasmBinary]) => createBackstepModule({ wasmBinary }));
  }
  return modulePromise;
}

function unwrap(resultText) {
  const result = JSON.parse(resultText);
  if ('error' in result) throw new EngineError(result.error);
  return result.ok;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// What a message shows as \uXXXX, as the engine's oneLine does: C0 and C1 controls, DEL, the line and paragraph
// separators, bidirectional controls, and lone surrogates (a message is one line of well-formed text).
const unsafe = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]|${loneSurrogate.source}`,
  'g',
);

/** At most `max` characters of text from outside, then …; a cut never splits a surrogate pair. */
function cut(value, max) {
  const characters = Array.from(value);
  return characters.length > max ? `${characters.slice(0, max).join('')}…` : value;
}

/** Text for a message, each unsafe character written \uXXXX. */
const escapeUnsafe = (value) =>
  value.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/** A short description of a value that JavaScript passed where the engine expects something else. */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${escapeUnsafe(JSON.stringify(cut(value, 20)))}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/**
 * Text crosses into C++ as UTF-8, which has no lone surrogates: Emscripten's encoder would merge one with the next
 * character (a closing quote, say) into another. Such text is refused here, by name, at the first one.
 */
function wellFormed(value, name) {
  if (value.isWellFormed?.() ?? !loneSurrogate.test(value)) return value;
  const at = value.search(loneSurrogate);
  const unit = value.charCodeAt(at).toString(16).toUpperCase();
  throw new EngineError(`${name}: not valid Unicode text: a lone surrogate (U+${unit}) at character ${at + 1}`);
}

/** Strings cross into C++ as they are; anything else is refused here, by name. */
function text(value, name) {
  if (typeof value !== 'string') throw new EngineError(`${name}: expected a string, got ${describe(value)}`);
  return wellFormed(value, name);
}

/** An options object, or undefined for all the defaults; anything else is refused here, by name. */
function options(value, name) {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new EngineError(`${name}: expected an object, got ${describe(value)}`);
  return value;
}

/** Numbers cross into C++ as doubles; anything else is refused here, by name (the engine checks the range). */
function number(value, name) {
  if (typeof value !== 'number') throw new EngineError(`${name}: expected a number, got ${describe(value)}`);
  return value;
}

/** A variant's names as the engine takes them: an array of names, or their comma-separated text. */
function variantNames(value) {
  if (Array.isArray(value)) return value.map((name, k) => text(name, `variant[${k}]`)).join(',');
  if (typeof value === 'string') return wellFormed(value, 'variant');
  throw new EngineError(`variant: expected an array of names or a comma-separated string, got ${describe(value)}`);
}

// The engine's own text of each document object it returned: handing one back (time travel) sends exactly
// what the engine wrote, which JSON.stringify may not (it writes 1e20 as 21 digits).
const engineText = new WeakMap();

/** The JSON text of a document object: the engine's own, if the engine wrote it. */
export function documentText(doc) {
  return engineText.get(doc) ?? JSON.stringify(doc);
}

function asText(doc, maxBytes) {
  let text;
  if (typeof doc === 'string') text = doc;
  else if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new EngineError(`document: expected a JSON object or its text, got ${describe(doc)}`);
  else {
    try {
      text = documentText(doc);
    } catch (error) {
      // JSON.stringify's message may run over lines ("Converting circular structure to JSON\n    --> …"): its first.
      throw new EngineError(
        `document: cannot be written as JSON (${escapeUnsafe(cut(String(error?.message).split('\n')[0], 80))})`,
      );
    }
  }
  // Each UTF-16 unit is at least one byte of UTF-8: longer text is too large before it crosses into C++.
  if (text.length > maxBytes) throw new EngineError(`document: too large: over the limit of ${maxBytes} bytes`);
  return wellFormed(text, 'document');
}

/** The engine's limits that JavaScript checks first ({ maxBytes, maxDecimals, maxLayers, maxNeuronsPerLayer, … }). */
export async function engineLimits() {
  return JSON.parse((await loadEngineModule()).limits());
}

/** One network document and its training position, held by the C++ engine. Call dispose() when done. */
export class BackstepEngine {
  /** The string table of the document's network (step()'s traces): null until a step reads it again. */
  #strings = null;

  /** @param {object|string} doc a backstep/1 document; throws EngineError if it is invalid. */
  static async create(doc) {
    const module = await loadEngineModule();
    return new BackstepEngine(module, doc);
  }

  constructor(module, doc) {
    this.module = module;
    this.limits = JSON.parse(module.limits());
    this.native = new module.Engine();
    try {
      this.load(doc);
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  /** Replaces the document and goes back to the first step; an invalid document changes nothing. */
  load(doc) {
    const text = asText(doc, this.limits.maxBytes);
    this.#strings = null; // the network's names may change
    this.#call((native) => native.load(text));
  }

  /** Replaces document and position together (time travel to an earlier step). */
  restore(doc, position) {
    const text = asText(doc, this.limits.maxBytes);
    if (typeof position !== 'object' || position === null)
      throw new EngineError(`position: expected { epoch, sample, step }, got ${describe(position)}`);
    const epoch = number(position.epoch, 'position.epoch');
    const sample = number(position.sample, 'position.sample');
    const step = number(position.step, 'position.step');
    this.#strings = null;
    this.#call((native) => native.restore(text, epoch, sample, step));
  }

  /** The current document as an object (numbers exact). */
  document() {
    const resultText = this.#callText((native) => native.document());
    const doc = unwrap(resultText);
    engineText.set(doc, resultText.slice('{"ok":'.length, -1));
    return doc;
  }

  labels() {
    return this.#call((native) => native.labels());
  }

  /** { epoch, sample, step }: where the next step starts. */
  position() {
    return this.#call((native) => native.position());
  }

  /** Performs the next training step and returns its trace (cpp/engine/TRACE.md). */
  step() {
    // One call returns where the trace lies in wasm memory, in binary (stepBinary in cpp/wasm/bindings.cpp): its
    // doubles and codes are read in place, its strings from the table this engine keeps for the document's network.
    const head = this.#callText((native) => native.stepBinary(this.#strings === null));
    try {
      // [ok, numbers, numberCount, codes, codeCount, text, textBytes]: addresses and lengths in wasm memory.
      const { buffer } = head;
      const text = head[6] > 0 ? utf8.decode(new Uint8Array(buffer, head[5], head[6])) : '';
      if (head[0] !== 1) return unwrap(text);
      let strings = this.#strings;
      if (text) {
        const [table, extra] = JSON.parse(text);
        if (table !== null) this.#strings = strings = table;
        strings = strings.concat(extra);
      }
      return decodeTrace(
        new Uint32Array(buffer, head[3], head[4]),
        new Float64Array(buffer, head[1], head[2]),
        strings,
      );
    } finally {
      this.native.releaseTrace();
    }
  }

  /**
   * The trace of the next step as a variant computes it (cpp/engine/variant.hpp), beside the standard step: the same
   * shape as step()'s, with the variant's names in its `variant` field. The engine does not move.
   * @param {string[]|string} variant names ('output-first', 'round-2', 'fixed-biases', 'trained-biases', 'batch',
   *   'per-sample'), as an array or a comma-separated string
   */
  traceVariant(variant) {
    const names = variantNames(variant);
    return this.#call((native) => native.traceVariant(names));
  }

  train(epochs = 1) {
    number(epochs, 'epochs');
    this.#call((native) => native.train(epochs));
  }

  /**
   * Trains `epochs` epochs (or until an epoch's mean error is below `stopBelow`) and returns the loss curve:
   * { steps, epochs: [epoch …], meanErrors: [mean error of that epoch …], stride } (at most 2000 points).
   */
  trainCurve(epochs, settings) {
    const { stopBelow = 0 } = options(settings, 'options');
    number(epochs, 'epochs');
    number(stopBelow, 'stopBelow');
    return this.#call((native) => native.trainCurve(epochs, stopBelow));
  }

  /** New weights and biases by a named scheme ('uniform', 'xavier', 'he', 'zeros') and seed; the new document. */
  initialize(settings) {
    const { scheme, seed, range = 0.5 } = options(settings, 'options');
    text(scheme, 'scheme');
    number(seed, 'seed');
    number(range, 'range');
    return this.#documentFrom((native) => native.initialize(scheme, seed, range));
  }

  /** Backpropagation's gradient of every weight and bias against central finite differences, for the next step. */
  gradientCheck() {
    return this.#call((native) => native.gradientCheck());
  }

  /**
   * A shape edit: 'addLayer' (a hidden layer of `index` neurons that becomes layer `layer`), 'removeLayer',
   * 'addNeuron', 'removeNeuron' (neuron `index`), 'activation' or 'bias' (of `layer`); the new document.
   */
  editShape(edit, settings) {
    const { layer = 0, index = 0, activation = 'linear', bias = false } = options(settings, 'options');
    text(edit, 'edit');
    number(layer, 'layer');
    number(index, 'index');
    text(activation, 'activation');
    if (typeof bias !== 'boolean') throw new EngineError(`bias: expected true or false, got ${describe(bias)}`);
    this.#strings = null;
    return this.#documentFrom((native) => native.editShape(edit, layer, index, activation, bias));
  }

  meanError() {
    return this.#call((native) => native.meanError());
  }

  /** The worked solution of the next step, as Markdown or LaTeX text; as `variant` computes it, if given. */
  explain(format = 'markdown', decimals = 4, variant = []) {
    if (typeof format !== 'string')
      throw new EngineError(`format: expected "markdown" or "latex", got ${describe(format)}`);
    wellFormed(format, 'format');
    number(decimals, 'decimals');
    const names = variantNames(variant);
    return this.#call((native) => native.explain(format, decimals, names));
  }

  /** Bytes in use on the C++ heap (for leak tests). */
  heapInUse() {
    return this.module.heapInUse();
  }

  dispose() {
    if (this.native) {
      this.native.delete();
      this.native = null;
    }
  }

  /** A call that returns a document's text: the document, remembered with the engine's own text. */
  #documentFrom(f) {
    const documentTextOut = this.#call(f);
    const doc = JSON.parse(documentTextOut);
    engineText.set(doc, documentTextOut);
    return doc;
  }

  /** One call into C++ and its result; whatever goes wrong arrives as an EngineError. */
  #call(f) {
    return unwrap(this.#callText(f));
  }

  /** The JSON text one call into C++ returns ({"ok": …} or {"error": …}). */
  #callText(f) {
    if (!this.native) throw new EngineError('engine: used after dispose()');
    try {
      return f(this.native);
    } catch (error) {
      throw new EngineError(`engine: internal error (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}
