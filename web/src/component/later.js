// Parts of an instance the first view does not need (the workbench, the share dialog …): their code is its own
// chunk, loaded once the network is drawn, and mounted when it arrives, unless the interface it was for has been
// rebuilt (another language) or disposed by then. What was asked of a part before it arrived waits for it.

/**
 * mountLater(scope, drawn, load, mount): after `drawn` (a promise), `load()` (a dynamic import), then `mount(module)`
 * while `scope` lives. Returns a promise of what mount returned (null once the scope is gone).
 */
export function mountLater(scope, drawn, load, mount) {
  let live = true;
  scope.own(() => {
    live = false;
  });
  return drawn.then(load).then((module) => (live ? mount(module) : null));
}
