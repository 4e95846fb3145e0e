// Links between the formula panel and the graph while the pointer (or focus) rests on
// something: {ref, origin: 'graph' | 'formula'} or null. Not part of the saved state.

export function createHoverLinks() {
  let current = null;
  const listeners = new Set();
  return {
    get: () => current,
    set(ref, origin) {
      const next = ref ? { ref, origin } : null;
      if (current?.ref === next?.ref && current?.origin === next?.origin) return;
      current = next;
      for (const listener of listeners) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
