// Everything an instance sets up outside its own DOM — event listeners, store subscriptions,
// observers, timers — registered here, so that dispose() removes all of it.

export function createScope() {
  const cleanups = [];
  const scope = {
    /** Runs `cleanup` on dispose. */
    own(cleanup) {
      cleanups.push(cleanup);
      return cleanup;
    },
    /** addEventListener, removed on dispose. */
    listen(target, type, handler, options) {
      target.addEventListener(type, handler, options);
      return scope.own(() => target.removeEventListener(type, handler, options));
    },
    /** A view of `store` whose subscriptions end on dispose. */
    store(store) {
      return { ...store, subscribe: (listener) => scope.own(store.subscribe(listener)) };
    },
    dispose() {
      while (cleanups.length) cleanups.pop()();
    },
  };
  return scope;
}
