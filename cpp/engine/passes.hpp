// The math of one sample: forward pass, error, backward pass, and the update, on preallocated buffers.
// There is one copy of it. A pass hands each factor it computes to a recorder: training passes NoRecord, whose
// calls compile to nothing; the trace passes Factors, which keeps every factor for the events it writes. The
// recorder also rounds each value as it is computed (round()): never, but in the round-2 variant (variant.hpp).
#pragma once
#include <cstddef>
#include <vector>

#include "network.hpp"
#include "rounding.hpp"

namespace backstep {

// Every buffer a step needs, sized once per network; the passes allocate nothing.
struct Workspace {
    std::vector<std::vector<double>> z;       // z[k][j]: weighted sum of neuron j of layer k (k ≥ 1)
    std::vector<std::vector<double>> a;       // a[k][j]: activation (a[0] = the input)
    std::vector<std::vector<double>> delta;   // delta[k][j] = ∂E/∂z of neuron j of layer k (k ≥ 1)
    std::vector<std::vector<double>> fprime;  // fprime[k][j] = f′(z) of neuron j of layer k, for the backward pass
    // ∂E/∂w and ∂E/∂b laid out like Network::weights and biases: summed over the batch by backward(), turned into
    // their means by update() (kept there for whoever shows them), emptied by clearGradients() before the next batch.
    std::vector<std::vector<double>> gradW;
    std::vector<std::vector<double>> gradB;
    double error = 0.0;  // E = ½ Σ (y − t)² of the last backward pass
    // Σ (v − v) over every z, δ and E computed: 0 while all are finite, NaN from the first that is not
    // (one subtraction per neuron, no branch; the divergence rule reads it).
    double probe = 0.0;
    explicit Workspace(const Network& net);
};

// A recorder that keeps nothing (training's hot path).
struct NoRecord {
    void product(std::size_t, std::size_t, std::size_t, double) {}
    void output(std::size_t, double, double) {}
    void derivative(std::size_t, std::size_t, double) {}
    void backProduct(std::size_t, std::size_t, std::size_t, double) {}
    void backSum(std::size_t, std::size_t, double) {}
    void gradient(std::size_t, std::size_t, std::size_t, double) {}
    double round(double x) const { return x; }
    void roundEach(double*, std::size_t) const {}
};

// Every factor of one sample's passes, as the passes computed them (the trace's record).
struct Factors {
    std::vector<std::size_t> sizes;                 // layer sizes, for the layouts below
    std::vector<std::vector<double>> products;      // w · a of each weight, laid out like Network::weights
    std::vector<double> differences;                // y − t of each output
    std::vector<double> errors;                     // ½ (y − t)² of each output
    std::vector<std::vector<double>> derivatives;   // f′(z) of each neuron, indexed like Workspace::z
    std::vector<std::vector<double>> backProducts;  // w · δ of each weight, laid out like Network::weights
    std::vector<std::vector<double>> backSums;      // Σ w · δ of each hidden neuron, indexed like Workspace::z
    std::vector<std::vector<double>> gradients;     // this sample's δ · a of each weight, laid out like weights
    Rounding rounding;                              // of every value the passes compute (the round-2 variant)
    explicit Factors(const Network& net, Rounding rounding = {});

    void product(std::size_t l, std::size_t j, std::size_t i, double p) { products[l][j * sizes[l] + i] = p; }
    void output(std::size_t j, double difference, double error) {
        differences[j] = difference;
        errors[j] = error;
    }
    void derivative(std::size_t k, std::size_t j, double d) { derivatives[k][j] = d; }
    // From neuron j of layer k to neuron m of layer k + 1.
    void backProduct(std::size_t k, std::size_t j, std::size_t m, double p) { backProducts[k][m * sizes[k] + j] = p; }
    void backSum(std::size_t k, std::size_t j, double sum) { backSums[k][j] = sum; }
    void gradient(std::size_t l, std::size_t j, std::size_t i, double g) { gradients[l][j * sizes[l] + i] = g; }
    double round(double x) const { return rounding(x); }
    void roundEach(double* x, std::size_t n) const {
        if (rounding.active())
            for (std::size_t i = 0; i < n; ++i) x[i] = rounding(x[i]);
    }
};

// How a step's update changes the parameters: w ← w − η · mean gradient over `count` samples (biases too when
// trainBiases), each mean gradient and new value through `rounding`.
struct UpdateRule {
    double learningRate = 0.0;
    double count = 1.0;
    bool trainBiases = true;
    Rounding rounding = {};
};

// The gradient-descent step of one parameter: w − η · g.
inline double descend(double w, double learningRate, double gradient) { return w - learningRate * gradient; }

// ½ d², the error of one output whose prediction misses its target by d.
inline double halfSquare(double d) { return 0.5 * d * d; }

// z = Σ w·a (in source order), then + b; a = f(z).
template <class Record>
void forward(const Network& net, const double* input, Workspace& ws, Record& record);
void forward(const Network& net, const double* input, Workspace& ws);
// E = ½ Σ (a_out − t)² for the last forward pass.
template <class Record>
double halfSquaredError(const Network& net, const Workspace& ws, const double* target, Record& record);
double halfSquaredError(const Network& net, const Workspace& ws, const double* target);
// Deltas and E (into ws.error and the probe) for the last forward pass; adds this sample's ∂E/∂w and ∂E/∂b to
// gradW and gradB. Every gradient is taken with the weights as they were before the step (the spec's rule).
template <class Record>
void backward(const Network& net, const double* target, Workspace& ws, Record& record);
void backward(const Network& net, const double* target, Workspace& ws);
// The output-first variant of a one-sample step: backward() in which each weight layer, from the output down, is
// updated by `rule` as soon as its gradients are known, so the deltas of the layer below are computed with its new
// weights. The parameters are then updated: update() must not run again; the gradients stay in gradW and gradB.
template <class Record>
void backwardUpdatingFirst(Network& net, const double* target, Workspace& ws, Record& record, const UpdateRule& rule);
// The summed gradients become their means over `count` samples (they stay in gradW and gradB); then
// w ← w − η · mean (biases too when trainBiases). Call clearGradients() before the next batch.
void update(Network& net, Workspace& ws, const UpdateRule& rule);
void update(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases);
// update() then clearGradients(), in one pass over the gradients: training's step, which never reads the means.
void updateAndClear(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases);
void clearGradients(Workspace& ws);
// Training's step on a batch of one sample, after forward(): backward() and updateAndClear(…, count 1, …) in one pass
// over each weight layer — each weight is read for the deltas below it, then updated — with the same bits. The
// gradients are not kept (gradW and gradB stay cleared); E and the probe are as backward() leaves them.
void backwardAndDescend(Network& net, const double* target, Workspace& ws, double learningRate, bool trainBiases);

}  // namespace backstep
