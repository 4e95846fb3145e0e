// The first view: an example network drawn before the engine has loaded. When the page is built, the engine opens
// each example (scripts/first-views.mjs writes its answer: the labels and the first step, session.open's result);
// until the engine itself is here, the instance's session is a stand-in that opens the example from that answer and
// refuses anything else with EngineLoading. Then the engine opens the example again, and its answer replaces the
// built one (it is the same: sameOpening; if a stale build differed, the engine's is shown).
import { PRESETS, presetById } from '../presets/index.js';
import * as defaultModule from '../engine/generated/first-view-default.js';
import { documentHash } from './document-hash.js';

/** What a stand-in session throws for what only the engine can compute. */
export class EngineLoading extends Error {
  constructor() {
    super('The engine is still loading');
    this.name = 'EngineLoading';
  }
}

/**
 * The engine's answer to opening example `id` when the page was built ({ labels, entry }), or null: none was built,
 * or it was built from another document (the example changed since the engine last ran: it waits for the engine).
 */
export async function firstViewOf(id) {
  const preset = presetById(id);
  let module = defaultModule; // the default example's: in the first chunk
  if (preset !== PRESETS[0]) {
    try {
      module = await import(`../engine/generated/first-views/${preset.id}.js`);
    } catch {
      return null;
    }
  }
  return module.documentHash === documentHash(preset.document) ? module.default : null;
}

const refuse = () => {
  throw new EngineLoading();
};

/** A session (state/session.js) before the engine: opens `document` as `view` says, and nothing else. */
export function loadingSession(document, view) {
  return {
    open(asked, position = null) {
      if (asked !== document || position) refuse();
      return view;
    },
    compute: refuse,
    continueAfter: refuse,
    withEntry: refuse,
    traceVariant: refuse,
    sync() {}, // the engine is put at the step on screen when it arrives
  };
}

/** A session that passes every call on to the one given last (the stand-in, then the engine's). */
export function switchableSession(first) {
  let current = first;
  const pass =
    (name) =>
    (...args) =>
      current[name](...args);
  const names = ['open', 'compute', 'continueAfter', 'withEntry', 'traceVariant', 'sync'];
  return {
    ...Object.fromEntries(names.map((name) => [name, pass(name)])),
    use(session) {
      current = session;
    },
  };
}

/** Whether two openings hold the same values: numbers bit for bit (−0 is not 0, NaN is NaN). */
export function sameOpening(a, b) {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameOpening(a[key], b[key]));
}
