// The loss curve of a training run as the page holds it: (epoch, mean error) points as chunks of training report
// them. A long run keeps its shape in bounded memory: past MAX_POINTS, every other point is dropped (the first and
// the latest stay), so a million epochs draw as well as a thousand.
export const MAX_POINTS = 4000;

export function createCurve() {
  let points = [];
  return {
    /** Adds a chunk's points (epochs ascending), as the engine's trainCurve returns them. */
    add(epochs, meanErrors) {
      for (let k = 0; k < epochs.length; k += 1) points.push({ epoch: epochs[k], meanError: meanErrors[k] });
      if (points.length > MAX_POINTS) points = points.filter((point, k) => k % 2 === 0 || k === points.length - 1);
    },
    clear() {
      points = [];
    },
    /** Drops the points after epoch `epoch` (a run that starts from an earlier step rewrites them). */
    keepUpTo(epoch) {
      points = points.filter((point) => point.epoch <= epoch);
    },
    /** The points, oldest first (a copy). */
    points: () => [...points],
    last: () => points.at(-1) ?? null,
  };
}
