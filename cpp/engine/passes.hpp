// The math of one sample: forward pass, error, backward pass, and the update, on preallocated buffers.
#pragma once
#include <vector>

#include "network.hpp"

namespace backstep {

// Every buffer a step needs, sized once per network; the passes allocate nothing.
struct Workspace {
    std::vector<std::vector<double>> z;      // z[k][j]: weighted sum of neuron j of layer k (k ≥ 1)
    std::vector<std::vector<double>> a;      // a[k][j]: activation (a[0] = the input)
    std::vector<std::vector<double>> delta;  // delta[k][j] = ∂E/∂z of neuron j of layer k (k ≥ 1)
    std::vector<std::vector<double>> gradW;  // summed ∂E/∂w, laid out like Network::weights
    std::vector<std::vector<double>> gradB;  // summed ∂E/∂b, laid out like Network::biases
    // Σ (v − v) over every z, δ and E computed: 0 while all are finite, NaN from the first that is not
    // (one subtraction per neuron, no branch; the divergence rule reads it).
    double probe = 0.0;
    explicit Workspace(const Network& net);
};

// z = Σ w·a (in source order), then + b; a = f(z).
void forward(const Network& net, const double* input, Workspace& ws);
// E = ½ Σ (a_out − t)² for the last forward pass.
double halfSquaredError(const Network& net, const Workspace& ws, const double* target);
// Deltas (and E, into the probe) for the last forward pass; adds this sample's ∂E/∂w and ∂E/∂b to gradW and gradB.
void backward(const Network& net, const double* target, Workspace& ws);
// w ← w − η · gradW / count (biases too when trainBiases); then clears the sums.
void update(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases);
void clearGradients(Workspace& ws);

}  // namespace backstep
