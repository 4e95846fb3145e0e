// (d) brain.js 1.6.1 NeuralNetwork, activation 'tanh', trained with net.train(data, { iterations: epochs }): each
// iteration is one pass over the data in order, trainPattern per sample (forward, deltas, adjustWeights), i.e.
// per-sample SGD with w += η·δ·a, b += η·δ, δ = (1 − y²)(t − y) at the output: the same rule as backstep's.
// As shipped, brain.js keeps weights, biases, activations and the formatted inputs in Float32Array; it refuses
// momentum 0 ("out of normal training range"), so momentum is Number.MIN_VALUE (5e-324 × a change below 0.5 is 0).
// The second variant swaps its internal arrays (and the inputs) for Float64Array to check the rule in float64.
import brain from 'brain.js';

import { sample } from '../data.mjs';

const options = (problem, epochs) => ({
  iterations: epochs,
  errorThresh: Number.MIN_VALUE, // never stops early
  learningRate: problem.learningRate,
  momentum: Number.MIN_VALUE,
  log: false,
});

function make(problem, float64) {
  const { sizes } = problem;
  const Array_ = float64 ? Float64Array : Float32Array;
  const net = new brain.NeuralNetwork({ activation: 'tanh', hiddenLayers: sizes.slice(1, -1) });
  net.sizes = sizes.slice();
  net.initialize();
  const data = Array.from({ length: problem.count }, (_, s) => {
    const { input, target } = sample(problem, s);
    return float64 ? { input: Float64Array.from(input), output: Float64Array.from(target) } : { input, output: target };
  });
  return {
    reset() {
      for (let layer = 0; layer < sizes.length; layer += 1) {
        net.outputs[layer] = new Array_(sizes[layer]);
        net.deltas[layer] = new Array_(sizes[layer]);
        net.errors[layer] = new Array_(sizes[layer]);
        if (layer === 0) continue;
        const l = layer - 1;
        net.biases[layer] = Array_.from(problem.biases[l]);
        for (let j = 0; j < sizes[layer]; j += 1) {
          net.weights[layer][j] = Array_.from(problem.weights[l].subarray(j * sizes[l], (j + 1) * sizes[l]));
          net.changes[layer][j] = new Array_(sizes[l]);
        }
      }
    },
    train(epochs) {
      net.train(data, options(problem, epochs));
    },
    params() {
      const weights = [];
      const biases = [];
      for (let layer = 1; layer < sizes.length; layer += 1) {
        weights.push(Float64Array.from(net.weights[layer].flatMap((row) => Array.from(row))));
        biases.push(Float64Array.from(net.biases[layer]));
      }
      return { weights, biases };
    },
    dispose() {},
  };
}

export const float32 = {
  id: 'brain',
  label: 'brain.js 1.6.1 (as shipped)',
  precision: 'float32 storage',
  notes: 'same update rule; Float32Array storage; momentum 5e-324 (0 is refused)',
  create: (problem) => make(problem, false),
};

export const float64 = {
  id: 'brain64',
  label: 'brain.js 1.6.1, arrays → Float64Array',
  precision: 'float64',
  notes: 'its internal arrays and the inputs swapped for Float64Array',
  create: (problem) => make(problem, true),
};
