// Matt Mazur, "A Step by Step Backpropagation Example" (2015): 2-2-2, sigmoid, fixed biases.
export default {
  format: 'backstep/1',
  title: 'A Step by Step Backpropagation Example (Mazur)',
  layers: [
    { size: 2 },
    { size: 2, activation: 'sigmoid', bias: true },
    { size: 2, activation: 'sigmoid', bias: true },
  ],
  weights: [
    [
      [0.15, 0.2],
      [0.25, 0.3],
    ],
    [
      [0.4, 0.45],
      [0.5, 0.55],
    ],
  ],
  biases: [
    [0.35, 0.35],
    [0.6, 0.6],
  ],
  trainBiases: false,
  learningRate: 0.5,
  samples: [{ input: [0.05, 0.1], target: [0.01, 0.99] }],
};
