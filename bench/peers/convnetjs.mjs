// (e) convnetjs 0.3.0: input → (fc → tanh) per layer → regression (its loss is ½ Σ (y − t)², gradient y − t),
// layers built directly (makeLayers would add an fc before the regression layer); Trainer with method 'sgd',
// batch_size 1, momentum 0, l1_decay 0, l2_decay 0: p += −η · g per sample. Float64Array storage. Its tanh is
// (e^{2x} − 1)/(e^{2x} + 1), not Math.tanh.
import convnetjs from 'convnetjs';

export const id = 'convnetjs';
export const label = 'convnetjs 0.3.0 (SGD trainer)';
export const precision = 'float64';
export const notes = 'tanh via exp; allocates Vols per layer per sample';

export function create(problem) {
  const { sizes } = problem;
  const shape = (depth) => ({ in_sx: 1, in_sy: 1, in_depth: depth });
  const layers = [new convnetjs.InputLayer({ out_sx: 1, out_sy: 1, out_depth: sizes[0] })];
  const fcs = [];
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    const fc = new convnetjs.FullyConnLayer({ ...shape(sizes[l]), num_neurons: sizes[l + 1], bias_pref: 0 });
    fcs.push(fc);
    layers.push(fc, new convnetjs.TanhLayer(shape(sizes[l + 1])));
  }
  layers.push(new convnetjs.RegressionLayer(shape(sizes.at(-1))));
  const net = new convnetjs.Net();
  net.layers = layers;
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd',
    learning_rate: problem.learningRate,
    batch_size: 1,
    momentum: 0,
    l1_decay: 0,
    l2_decay: 0,
  });
  const n = sizes[0];
  const m = sizes.at(-1);
  const xs = [];
  const ys = [];
  for (let s = 0; s < problem.count; s += 1) {
    const x = new convnetjs.Vol(1, 1, n, 0);
    x.w.set(problem.inputs.subarray(s * n, (s + 1) * n));
    xs.push(x);
    ys.push(problem.targets.slice(s * m, (s + 1) * m));
  }
  return {
    reset() {
      fcs.forEach((fc, l) => {
        fc.filters.forEach((filter, j) => {
          filter.w.set(problem.weights[l].subarray(j * sizes[l], (j + 1) * sizes[l]));
          filter.dw.fill(0);
        });
        fc.biases.w.set(problem.biases[l]);
        fc.biases.dw.fill(0);
      });
    },
    train(epochs) {
      for (let e = 0; e < epochs; e += 1) for (let s = 0; s < problem.count; s += 1) trainer.train(xs[s], ys[s]);
    },
    params: () => ({
      weights: fcs.map((fc) => Float64Array.from(fc.filters.flatMap((filter) => Array.from(filter.w)))),
      biases: fcs.map((fc) => Float64Array.from(fc.biases.w)),
    }),
    dispose() {},
  };
}
