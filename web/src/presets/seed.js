// The seed post's network (hmkcode, "Backpropagation step by step"): 2-2-1, linear, no biases.
export default {
  format: 'backstep/1',
  title: 'Backpropagation step by step',
  layers: [
    { size: 2 },
    { size: 2, activation: 'linear', bias: false },
    { size: 1, activation: 'linear', bias: false },
  ],
  weights: [
    [
      [0.11, 0.21],
      [0.12, 0.08],
    ],
    [[0.14, 0.15]],
  ],
  loss: 'half-squared-error',
  learningRate: 0.05,
  samples: [{ input: [2, 3], target: [1] }],
};
