// The engine in JavaScript: loads the WebAssembly module (browser, worker or Node) and wraps
// one C++ Session per BackstepEngine. Every number comes from C++; this file only moves JSON.
import createBackstepModule from './generated/backstep-engine.mjs';

const wasmUrl = new URL('./generated/backstep-engine.wasm', import.meta.url);

/** An engine refusal (invalid document, diverged training …); `message` is the engine's one line. */
export class EngineError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EngineError';
  }
}

let modulePromise = null;

async function nodeWasmBinary() {
  const fsName = 'node:fs/promises'; // a variable keeps bundlers from pulling Node's fs into the page
  const urlName = 'node:url';
  const [{ readFile }, { fileURLToPath }] = await Promise.all([import(/* @vite-ignore */ fsName), import(/* @vite-ignore */ urlName)]);
  return readFile(fileURLToPath(wasmUrl));
}

/** The shared WebAssembly module: instantiated once per page, worker or Node process. */
export function loadEngineModule() {
  if (!modulePromise) {
    const inNode = typeof process !== 'undefined' && Boolean(process.versions?.node) && typeof window === 'undefined';
    modulePromise = (inNode ? nodeWasmBinary() : Promise.resolve(null)).then((wasmBinary) =>
      createBackstepModule(wasmBinary ? { wasmBinary } : { locateFile: () => wasmUrl.href }),
    );
  }
  return modulePromise;
}

function unwrap(resultText) {
  const result = JSON.parse(resultText);
  if ('error' in result) throw new EngineError(result.error);
  return result.ok;
}

function asText(doc) {
  if (typeof doc === 'string') return doc;
  if (typeof doc !== 'object' || doc === null) throw new EngineError(`document: expected a JSON object or its text, got ${doc === null ? 'null' : typeof doc}`);
  return JSON.stringify(doc);
}

/** One network document and its training position, held by the C++ engine. Call dispose() when done. */
export class BackstepEngine {
  /** @param {object|string} doc a backstep/1 document; throws EngineError if it is invalid. */
  static async create(doc) {
    const module = await loadEngineModule();
    return new BackstepEngine(module, doc);
  }

  constructor(module, doc) {
    this.module = module;
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
    unwrap(this.#live().load(asText(doc)));
  }

  /** Replaces document and position together (time travel to an earlier step). */
  restore(doc, { epoch, sample, step }) {
    unwrap(this.#live().restore(asText(doc), epoch, sample, step));
  }

  /** The current document as an object (numbers exact). */
  document() {
    return unwrap(this.#live().document());
  }

  labels() {
    return unwrap(this.#live().labels());
  }

  /** { epoch, sample, step }: where the next step starts. */
  position() {
    return unwrap(this.#live().position());
  }

  /** Performs the next training step and returns its trace (cpp/engine/TRACE.md). */
  step() {
    return unwrap(this.#live().step());
  }

  train(epochs = 1) {
    unwrap(this.#live().train(epochs));
  }

  meanError() {
    return unwrap(this.#live().meanError());
  }

  /** The worked solution of the next step, as Markdown or LaTeX text. */
  explain(format = 'markdown', decimals = 4) {
    return unwrap(this.#live().explain(format, decimals));
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

  #live() {
    if (!this.native) throw new EngineError('engine: used after dispose()');
    return this.native;
  }
}
