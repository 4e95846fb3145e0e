// (g) A careful hand-written JavaScript loop: one Float64Array per layer for weights, biases, activations and
// deltas, allocated once; per-sample SGD with backstep's order of operations (z = Σ w·a, then + b; hidden deltas
// with the weights before the update; w ← w − η · (δ · a)).
import { cloneParameters } from '../data.mjs';

export const id = 'js';
export const label = 'hand-written JS loop (Float64Array)';
export const precision = 'float64';
export const notes = 'flat typed arrays, no allocation per sample';

export function create(problem) {
  const { sizes, inputs, targets, count, learningRate } = problem;
  const depth = sizes.length - 1;
  const inputSize = sizes[0];
  const outputSize = sizes[depth];
  const a = sizes.map((size) => new Float64Array(size));
  const delta = sizes.map((size) => new Float64Array(size));
  let { weights, biases } = cloneParameters(problem);

  function trainSample(s) {
    const a0 = a[0];
    for (let i = 0; i < inputSize; i += 1) a0[i] = inputs[s * inputSize + i];
    for (let l = 0; l < depth; l += 1) {
      const w = weights[l];
      const b = biases[l];
      const source = a[l];
      const dest = a[l + 1];
      const n = sizes[l];
      for (let j = 0; j < sizes[l + 1]; j += 1) {
        let z = 0;
        const row = j * n;
        for (let i = 0; i < n; i += 1) z += w[row + i] * source[i];
        dest[j] = Math.tanh(z + b[j]);
      }
    }
    const y = a[depth];
    const dOut = delta[depth];
    for (let j = 0; j < outputSize; j += 1) dOut[j] = (y[j] - targets[s * outputSize + j]) * (1 - y[j] * y[j]);
    for (let k = depth - 1; k >= 1; k -= 1) {
      const w = weights[k];
      const size = sizes[k];
      const next = delta[k + 1];
      const d = delta[k];
      const act = a[k];
      for (let j = 0; j < size; j += 1) {
        let sum = 0;
        for (let m = 0; m < sizes[k + 1]; m += 1) sum += w[m * size + j] * next[m];
        d[j] = (1 - act[j] * act[j]) * sum;
      }
    }
    for (let l = 0; l < depth; l += 1) {
      const w = weights[l];
      const b = biases[l];
      const source = a[l];
      const d = delta[l + 1];
      const n = sizes[l];
      for (let j = 0; j < sizes[l + 1]; j += 1) {
        const dj = d[j];
        const row = j * n;
        for (let i = 0; i < n; i += 1) w[row + i] -= learningRate * (dj * source[i]);
        b[j] -= learningRate * dj;
      }
    }
  }

  return {
    reset() {
      ({ weights, biases } = cloneParameters(problem));
    },
    train(epochs) {
      for (let e = 0; e < epochs; e += 1) for (let s = 0; s < count; s += 1) trainSample(s);
    },
    params: () => ({ weights, biases }),
    dispose() {},
  };
}
