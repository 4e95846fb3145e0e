// prefers-reduced-motion: when set, nothing tweens and every step is instant.

export function createMotion() {
  const query = window.matchMedia('(prefers-reduced-motion: reduce)');
  return {
    reduced: () => query.matches,
  };
}
