// (f) @tensorflow/tfjs-core 4.22 with the CPU backend (float32): per-sample SGD, optimizer.minimize on
// ½ Σ (tanh(… tanh(x W₁ + b₁) …) − t)² with tf.train.sgd(η), gradients by tfjs's tape (tfjs-gradients.mjs).
// Inputs and targets are tensors made once.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

import './tfjs-gradients.mjs';

export const id = 'tfjs';
export const label = 'tfjs-core 4.22 + CPU backend';
export const precision = 'float32';
export const notes = 'optimizer.minimize per sample; 7 gradients registered (not in tfjs-core)';

/** backstep's flat weights[j * in + i] as a tensor [in, out]. */
function matrix(weights, inputSize, outputSize) {
  const values = new Float32Array(inputSize * outputSize);
  for (let j = 0; j < outputSize; j += 1)
    for (let i = 0; i < inputSize; i += 1) values[i * outputSize + j] = weights[j * inputSize + i];
  return tf.tensor2d(values, [inputSize, outputSize]);
}

/** The CPU backend's one-time advice to install tfjs-node, kept off the bench's output. */
function quietly(f) {
  const warn = console.warn;
  console.warn = (...args) => (String(args[0]).includes('tfjs-node') ? undefined : warn(...args));
  try {
    return f();
  } finally {
    console.warn = warn;
  }
}

export async function create(problem) {
  await tf.setBackend('cpu');
  await tf.ready();
  quietly(() => tf.dispose(tf.scalar(0)));
  const { sizes } = problem;
  const depth = sizes.length - 1;
  const W = [];
  const b = [];
  for (let l = 0; l < depth; l += 1) {
    W.push(tf.variable(matrix(problem.weights[l], sizes[l], sizes[l + 1])));
    b.push(tf.variable(tf.tensor1d(Float32Array.from(problem.biases[l]))));
  }
  const variables = [...W, ...b];
  const n = sizes[0];
  const m = sizes[depth];
  const xs = [];
  const ts = [];
  for (let s = 0; s < problem.count; s += 1) {
    xs.push(tf.tensor2d(Float32Array.from(problem.inputs.subarray(s * n, (s + 1) * n)), [1, n]));
    ts.push(tf.tensor2d(Float32Array.from(problem.targets.subarray(s * m, (s + 1) * m)), [1, m]));
  }
  const optimizer = tf.train.sgd(problem.learningRate);
  const loss = (x, t) => () => {
    let a = x;
    for (let l = 0; l < depth; l += 1) a = tf.tanh(tf.add(tf.matMul(a, W[l]), b[l]));
    return tf.mul(0.5, tf.sum(tf.square(tf.sub(a, t))));
  };
  return {
    reset() {
      for (let l = 0; l < depth; l += 1) {
        tf.tidy(() => {
          W[l].assign(matrix(problem.weights[l], sizes[l], sizes[l + 1]));
          b[l].assign(tf.tensor1d(Float32Array.from(problem.biases[l])));
        });
      }
    },
    train(epochs) {
      for (let e = 0; e < epochs; e += 1)
        for (let s = 0; s < problem.count; s += 1) optimizer.minimize(loss(xs[s], ts[s]), false, variables);
    },
    params() {
      const weights = [];
      const biases = [];
      for (let l = 0; l < depth; l += 1) {
        const values = W[l].dataSync();
        const flat = new Float64Array(sizes[l] * sizes[l + 1]);
        for (let j = 0; j < sizes[l + 1]; j += 1)
          for (let i = 0; i < sizes[l]; i += 1) flat[j * sizes[l] + i] = values[i * sizes[l + 1] + j];
        weights.push(flat);
        biases.push(Float64Array.from(b[l].dataSync()));
      }
      return { weights, biases };
    },
    dispose() {
      tf.dispose([...variables, ...xs, ...ts]);
      optimizer.dispose();
    },
  };
}
