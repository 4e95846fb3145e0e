// The page state is one serializable plain object; this store holds it and tells subscribers
// about every change with (state, previous). Nothing else keeps model data.

export function createStore(initial) {
  let state = initial;
  const listeners = new Set();
  return {
    get: () => state,
    /** recipe(state) → next state (a new object) or the same state for "no change". */
    update(recipe) {
      const previous = state;
      const next = recipe(previous);
      if (next === previous) return;
      state = next;
      for (const listener of [...listeners]) if (listeners.has(listener)) listener(state, previous); // not one just removed
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
