// Section 3: time per epoch of the WASM engine (engine.train) against the number of weights, 2-h-h-1 networks on
// the circle set (1,000 samples, tanh, biases), and a least-squares line through the points.
import { circleProblem } from './data.mjs';
import * as wasm from './peers/backstep-wasm.mjs';
import { fitLine } from './stats.mjs';
import { measurePairs } from './throughput.mjs';

export const HIDDEN = [4, 8, 12, 16, 20, 24, 32, 40, 48, 64];

/** The sizes are measured together, their timed runs interleaved (bench/throughput.mjs). */
export async function measureScaling({ log = () => {} } = {}) {
  const problems = HIDDEN.map((h) => circleProblem([2, h, h, 1]));
  const results = await measurePairs(
    problems.map((problem) => ({ peer: wasm, problem })),
    { log },
  );
  const points = problems.map((problem, k) => ({
    sizes: problem.sizes,
    weights: problem.weights.reduce((total, w) => total + w.length, 0),
    microsPerEpoch: (problem.count / results[k].samplesPerSecond) * 1e6,
  }));
  const fit = fitLine(
    points.map((p) => p.weights),
    points.map((p) => p.microsPerEpoch),
  );
  return { points, fit };
}
