// Finding the events a formula needs inside one step's trace (all numbers come from there).

export function deltaEvent(events, sample, name) {
  return events.find((event) => event.kind === 'delta' && event.sample === sample && event.name === name) ?? null;
}

export function errorEvent(events, sample) {
  return events.find((event) => event.kind === 'error' && event.sample === sample) ?? null;
}

export function forwardEvents(events, sample, layer) {
  return events.filter((event) => event.kind === 'forward' && event.sample === sample && event.layer === layer);
}

/** Events at or before the cursor only (what the learner has already seen). */
export function seen(events, upTo) {
  return events.slice(0, upTo + 1);
}

/** True for the seed post's shape, where the post factors Δ out of its matrix formulas. */
export function isSeedLike(document) {
  const layers = document.layers;
  return (
    layers.length === 3 &&
    layers.slice(1).every((layer) => layer.activation === 'linear' && !layer.bias) &&
    layers.at(-1).size === 1 &&
    (document.batchSize ?? 1) === 1
  );
}
