// Variant traces, computed once per step start and list of variants: scrubbing through a step, or coming back to
// it, shows the same trace without asking the engine again. The most recent LIMIT are kept (a trace of a large
// network is about a megabyte).
const LIMIT = 32;

/** compute(entry, text) → the result to keep for the step that starts at (entry.document, entry.position). */
export function createVariantCache(compute, limit = LIMIT) {
  const ids = new WeakMap();
  let next = 0;
  const id = (object) => {
    if (!ids.has(object)) ids.set(object, (next += 1));
    return ids.get(object);
  };
  const kept = new Map(); // key → result, oldest first

  return {
    get(entry, text) {
      const key = `${id(entry.document)}:${id(entry.position)}:${text}`;
      if (kept.has(key)) {
        const result = kept.get(key);
        kept.delete(key);
        kept.set(key, result); // now the most recent
        return result;
      }
      const result = compute(entry, text);
      kept.set(key, result);
      if (kept.size > limit) kept.delete(kept.keys().next().value);
      return result;
    },
    get size() {
      return kept.size;
    },
  };
}
