// An independent fully connected network trainer, written from the rules of the network document
// spec (docs/network-document.md), not from the engine's C++: the yardstick the CLI's
// `train` is compared with.
//
// Floating-point order, as the spec describes it:
//   z_j = Σ_i w_ji·a_i in source order, then + b_j;  a_j = f(z_j)
//   output δ = (y − t)·f′(z);  hidden δ_j = f′(z_j)·Σ_k w_kj·δ_k (k in order)
//   ∂E/∂w_ji = δ_j·a_i, ∂E/∂b_j = δ_j, summed over the batch in sample order
//   w ← w − η·(sum / n)   (biases too, when the layer has one and trainBiases is not false)
// Every gradient of a step comes from the parameters as they were at the start of the step.

const activations = {
  linear: { f: (z) => z, df: () => 1 },
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z, a) => a * (1 - a) },
  tanh: { f: (z) => Math.tanh(z), df: (z, a) => 1 - a * a },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
};

function clone(x) {
  return JSON.parse(JSON.stringify(x));
}

// Parameters of a document: weights[l][j][i], biases[l][j] (zeros where absent).
export function parameters(doc) {
  const weights = clone(doc.weights);
  const biases = doc.layers
    .slice(1)
    .map((layer, l) => (doc.biases ? [...doc.biases[l]] : new Array(layer.size).fill(0)));
  return { weights, biases };
}

// Forward pass: z[k][j] and a[k][j] for every layer k ≥ 1 (a[0] is the input).
export function forward(doc, params, input) {
  const z = [null];
  const a = [input];
  for (let l = 0; l < doc.layers.length - 1; l++) {
    const dest = doc.layers[l + 1];
    const act = activations[dest.activation];
    const zl = [];
    const al = [];
    for (let j = 0; j < dest.size; j++) {
      let sum = 0;
      for (let i = 0; i < doc.layers[l].size; i++) sum += params.weights[l][j][i] * a[l][i];
      if (dest.bias) sum += params.biases[l][j];
      zl.push(sum);
      al.push(act.f(sum));
    }
    z.push(zl);
    a.push(al);
  }
  return { z, a };
}

// E = ½ Σ (y − t)²
export function error(doc, params, sample) {
  const { a } = forward(doc, params, sample.input);
  const y = a[a.length - 1];
  let e = 0;
  for (let j = 0; j < y.length; j++) e += 0.5 * (y[j] - sample.target[j]) * (y[j] - sample.target[j]);
  return e;
}

// Adds one sample's gradients to the sums gw[l][j][i], gb[l][j].
function accumulate(doc, params, sample, gw, gb) {
  const { z, a } = forward(doc, params, sample.input);
  const last = doc.layers.length - 1;
  const delta = new Array(last + 1);
  const out = activations[doc.layers[last].activation];
  delta[last] = a[last].map((y, j) => (y - sample.target[j]) * out.df(z[last][j], y));
  for (let k = last - 1; k >= 1; k--) {
    const act = activations[doc.layers[k].activation];
    delta[k] = [];
    for (let j = 0; j < doc.layers[k].size; j++) {
      let sum = 0;
      for (let m = 0; m < doc.layers[k + 1].size; m++) sum += params.weights[k][m][j] * delta[k + 1][m];
      delta[k].push(act.df(z[k][j], a[k][j]) * sum);
    }
  }
  for (let l = 0; l < last; l++)
    for (let j = 0; j < doc.layers[l + 1].size; j++) {
      for (let i = 0; i < doc.layers[l].size; i++) gw[l][j][i] += delta[l + 1][j] * a[l][i];
      gb[l][j] += delta[l + 1][j];
    }
}

// One step on samples [from, to): the mean gradient of the batch, then the update.
function step(doc, params, from, to) {
  const gw = params.weights.map((rows) => rows.map((row) => row.map(() => 0)));
  const gb = params.biases.map((b) => b.map(() => 0));
  for (let s = from; s < to; s++) accumulate(doc, params, doc.samples[s], gw, gb);
  const n = to - from;
  const eta = doc.learningRate;
  const trainBiases = doc.trainBiases !== false;
  for (let l = 0; l < params.weights.length; l++) {
    for (let j = 0; j < params.weights[l].length; j++)
      for (let i = 0; i < params.weights[l][j].length; i++) params.weights[l][j][i] -= eta * (gw[l][j][i] / n);
    if (trainBiases && doc.layers[l + 1].bias)
      for (let j = 0; j < params.biases[l].length; j++) params.biases[l][j] -= eta * (gb[l][j] / n);
  }
}

// Trains `epochs` passes over the samples, in order, in batches of batchSize (the last may be shorter).
export function train(doc, epochs) {
  const params = parameters(doc);
  const batch = doc.batchSize ?? 1;
  const count = doc.samples.length;
  for (let e = 0; e < epochs; e++)
    for (let from = 0; from < count; from += batch) step(doc, params, from, Math.min(from + batch, count));
  return params;
}
