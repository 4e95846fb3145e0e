// One pending animation-frame callback at a time, cancelled (and no new one taken) once the scope that owns it is
// disposed.
export function nextFrame(scope) {
  let pending = 0;
  let disposed = false;
  scope.own(() => {
    disposed = true;
    cancelAnimationFrame(pending);
  });
  return {
    /** Runs `callback` in the next frame, instead of any callback still waiting. */
    request(callback) {
      if (disposed) return;
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        pending = 0;
        callback();
      });
    },
  };
}
