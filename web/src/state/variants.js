// The variants of a step the page can compare with the standard step (cpp/engine/variant.hpp): their names, which
// of them contradict each other, and the list as the state, a share link and the engine hold it. Names only: the
// engine computes every variant's step.

// Every name, in the order the engine writes them (variantNames() in variant.hpp).
export const VARIANT_NAMES = Object.freeze([
  'output-first',
  'round-2',
  'fixed-biases',
  'trained-biases',
  'batch',
  'per-sample',
]);

// Variants that are on or off by themselves (checkboxes).
export const VARIANT_TOGGLES = Object.freeze(['output-first', 'round-2']);

// Pairs that contradict each other (radio groups, whose third choice is the document's own setting).
export const VARIANT_GROUPS = Object.freeze({
  biases: Object.freeze(['fixed-biases', 'trained-biases']),
  batching: Object.freeze(['batch', 'per-sample']),
});

const groupOf = (name) => Object.values(VARIANT_GROUPS).find((group) => group.includes(name)) ?? null;

/** The names, each once, in the engine's order (unknown ones left out). */
export function orderedVariants(names) {
  const set = new Set(names);
  return VARIANT_NAMES.filter((name) => set.has(name));
}

/** The list with `name` on or off; turning one of a pair on turns the other off. */
export function withVariant(names, name, on) {
  if (!VARIANT_NAMES.includes(name)) return orderedVariants(names);
  const group = groupOf(name) ?? [name];
  const others = names.filter((other) => !group.includes(other));
  return orderedVariants(on ? [...others, name] : others);
}

/** The chosen one of a radio group ('biases', 'batching'), or null for the document's own setting. */
export const groupChoice = (names, group) => VARIANT_GROUPS[group].find((name) => names.includes(name)) ?? null;

/** The comma-separated text of a list (a link's `variant=`, the engine's argument). */
export const variantsText = (names) => orderedVariants(names).join(',');

/**
 * A comma-separated list read back: { ok: true, names } (in the engine's order, each once) or { ok: false, message }
 * naming the first unknown name or the two that contradict each other.
 */
export function parseVariants(text) {
  const asked = String(text)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = asked.find((name) => !VARIANT_NAMES.includes(name));
  if (unknown !== undefined)
    return { ok: false, message: `unknown name "${unknown.slice(0, 20)}"; expected ${VARIANT_NAMES.join(', ')}` };
  for (const group of Object.values(VARIANT_GROUPS))
    if (group.every((name) => asked.includes(name)))
      return { ok: false, message: `${group[0]} and ${group[1]} contradict each other` };
  return { ok: true, names: orderedVariants(asked) };
}
