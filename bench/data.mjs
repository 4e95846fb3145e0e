// Deterministic data and initial parameters shared by every implementation, and one float64 loss evaluator.
// Parameters are flat, backstep's layout: weights[l][j * in + i] from neuron i of layer l to neuron j of layer l+1,
// biases[l][j] of neuron j of layer l+1. Every layer after the input has tanh and a bias (brain.js and convnetjs
// have no way to leave biases out, so all implementations train them).

export const SAMPLES = 1000;
export const LEARNING_RATE = 0.01;

/** SplitMix64: a generator of doubles uniform in [0, 1) with 53 random bits, from a 64-bit seed. */
export function splitmix64(seed) {
  let state = BigInt.asUintN(64, BigInt(seed));
  return () => {
    state = BigInt.asUintN(64, state + 0x9e3779b97f4a7c15n);
    let z = state;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    z ^= z >> 31n;
    return Number(z >> 11n) / 2 ** 53;
  };
}

const uniform = (random, low, high) => low + (high - low) * random();

/** Initial parameters: weights U(−r, r) with r = 1/√fan-in, biases U(−0.1, 0.1). */
export function initialParameters(sizes, seed) {
  const random = splitmix64(seed);
  const weights = [];
  const biases = [];
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    const r = 1 / Math.sqrt(sizes[l]);
    weights.push(Float64Array.from({ length: sizes[l] * sizes[l + 1] }, () => uniform(random, -r, r)));
    biases.push(Float64Array.from({ length: sizes[l + 1] }, () => uniform(random, -0.1, 0.1)));
  }
  return { weights, biases };
}

/** Points uniform in [−6, 6]², target +1 inside the circle of radius 3, −1 outside. */
export function circleSamples(seed, count = SAMPLES) {
  const random = splitmix64(seed);
  const inputs = new Float64Array(count * 2);
  const targets = new Float64Array(count);
  for (let s = 0; s < count; s += 1) {
    const x = uniform(random, -6, 6);
    const y = uniform(random, -6, 6);
    inputs.set([x, y], s * 2);
    targets[s] = x * x + y * y < 9 ? 1 : -1;
  }
  return { inputs, targets };
}

/** Inputs and targets uniform in [−1, 1]. */
export function randomSamples(seed, inputSize, outputSize, count = SAMPLES) {
  const random = splitmix64(seed);
  const inputs = new Float64Array(count * inputSize);
  const targets = new Float64Array(count * outputSize);
  for (let s = 0; s < count; s += 1) {
    for (let i = 0; i < inputSize; i += 1) inputs[s * inputSize + i] = uniform(random, -1, 1);
    for (let j = 0; j < outputSize; j += 1) targets[s * outputSize + j] = uniform(random, -1, 1);
  }
  return { inputs, targets };
}

/** A training problem: sizes, samples (flat Float64Arrays), initial parameters, learning rate. */
export function problem({ id, sizes, data, seed }) {
  const { weights, biases } = initialParameters(sizes, seed);
  return {
    id,
    label: `${sizes.join('-')} ${id}`,
    sizes,
    count: data.targets.length / sizes.at(-1),
    inputs: data.inputs,
    targets: data.targets,
    weights,
    biases,
    learningRate: LEARNING_RATE,
  };
}

export function circleProblem(sizes = [2, 8, 8, 1]) {
  return problem({ id: 'circle', sizes, data: circleSamples(1), seed: 1000 + sizes[1] });
}

export function randomProblem(sizes = [8, 32, 32, 4]) {
  return problem({ id: 'random', sizes, data: randomSamples(2, sizes[0], sizes.at(-1)), seed: 2000 });
}

/** Sample s's input and target as plain arrays. */
export function sample(p, s) {
  const n = p.sizes[0];
  const m = p.sizes.at(-1);
  return {
    input: Array.from(p.inputs.subarray(s * n, (s + 1) * n)),
    target: Array.from(p.targets.subarray(s * m, (s + 1) * m)),
  };
}

/** The problem as a backstep/1 document (weights nested [l][j][i]). */
export function backstepDocument(p) {
  const { sizes } = p;
  return {
    format: 'backstep/1',
    title: `bench ${p.label}`,
    layers: sizes.map((size, k) => (k === 0 ? { size } : { size, activation: 'tanh', bias: true })),
    weights: p.weights.map((w, l) =>
      Array.from({ length: sizes[l + 1] }, (_, j) => Array.from(w.subarray(j * sizes[l], (j + 1) * sizes[l]))),
    ),
    biases: p.biases.map((b) => Array.from(b)),
    trainBiases: true,
    loss: 'half-squared-error',
    learningRate: p.learningRate,
    batchSize: 1,
    samples: Array.from({ length: p.count }, (_, s) => sample(p, s)),
  };
}

/** A backstep document's parameters, flat. */
export function documentParameters(doc) {
  return {
    weights: doc.weights.map((layer) => Float64Array.from(layer.flat())),
    biases: doc.biases.map((b) => Float64Array.from(b)),
  };
}

/** Mean over the samples of ½ Σ (y − t)², in float64, with the given parameters. */
export function meanLoss(p, { weights, biases }) {
  const { sizes } = p;
  const n = sizes[0];
  const m = sizes.at(-1);
  let sum = 0;
  for (let s = 0; s < p.count; s += 1) {
    let a = p.inputs.subarray(s * n, (s + 1) * n);
    for (let l = 0; l + 1 < sizes.length; l += 1) {
      const next = new Float64Array(sizes[l + 1]);
      for (let j = 0; j < next.length; j += 1) {
        let z = 0;
        for (let i = 0; i < sizes[l]; i += 1) z += weights[l][j * sizes[l] + i] * a[i];
        next[j] = Math.tanh(z + biases[l][j]);
      }
      a = next;
    }
    for (let j = 0; j < m; j += 1) sum += 0.5 * (a[j] - p.targets[s * m + j]) ** 2;
  }
  return sum / p.count;
}

/** Copies of the initial parameters (implementations that train in place start from these). */
export function cloneParameters(p) {
  return { weights: p.weights.map((w) => w.slice()), biases: p.biases.map((b) => b.slice()) };
}
