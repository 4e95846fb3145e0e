// Read-only views of the state.

export const currentEntry = (state) => state.history[state.cursor.step] ?? null;

export const currentEvent = (state) => currentEntry(state)?.trace.events[state.cursor.event] ?? null;

/** The sample on screen: that of the latest input event up to the cursor, else the step's first. */
export function currentSample(state) {
  const entry = currentEntry(state);
  if (!entry) return 0;
  for (let index = state.cursor.event; index >= 0; index -= 1) {
    const event = entry.trace.events[index];
    if (event?.kind === 'input') return event.sample;
  }
  return entry.trace.samples[0] ?? 0;
}

export const lastEventIndex = (entry) => entry.trace.events.length - 1;

export const isAtStart = (state) => state.cursor.step === 0 && state.cursor.event === 0;

export const isAtStepEnd = (state) => {
  const entry = currentEntry(state);
  return Boolean(entry) && state.cursor.event === lastEventIndex(entry);
};

/** True when b is the frame right after a (so the change can be animated). */
export function isNextFrame(history, a, b) {
  if (a.step === b.step) return b.event === a.event + 1;
  const previous = history[a.step];
  return Boolean(previous) && b.step === a.step + 1 && b.event === 0 && a.event === lastEventIndex(previous);
}
