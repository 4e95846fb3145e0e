#include "gradient_check.hpp"

#include <algorithm>
#include <cmath>

#include "limits.hpp"
#include "passes.hpp"

namespace backstep {

namespace {

// The check runs 2 forward passes over the batch per parameter: parameters × batch × (parameters + neurons).
void requireCheckWithinLimit(const Network& net, std::size_t batch) {
    // At most about 1e6 parameters × 1e5 samples × 1e6: below 2^64.
    const Count parameters = weightCount(net) + biasCount(net), neurons = neuronCount(net);
    const Count work = parameters * batch * (parameters + neurons);
    if (work > limits::maxWork)
        throw EngineError("gradientCheck: " + std::to_string(parameters) + " weights and biases × " +
                          std::to_string(batch) + " samples in the batch × " + std::to_string(parameters + neurons) +
                          " (weights, biases and neurons) = " + std::to_string(work) + ", over the limit of " +
                          std::to_string(limits::maxWork) + " per call; check a smaller network or a smaller batch");
}

// E(p) of the batch with the parameters of `net`: (1/n) Σ_s ½ Σ (y − t)².
double batchError(const Document& doc, const Network& net, std::size_t begin, std::size_t end, Workspace& ws) {
    double sum = 0.0;
    for (std::size_t s = begin; s < end; ++s) {
        forward(net, doc.samples[s].input.data(), ws);
        sum += halfSquaredError(net, ws, doc.samples[s].target.data());
    }
    return sum / static_cast<double>(end - begin);
}

// (E(p + h) − E(p − h)) / 2h, with `p` a parameter of `net`, which it leaves as it was.
//
// The step: central differences err by O(h²) (truncation: the third derivative) plus O(ε·E/h) (rounding: E is only
// known to about ε = 2^-52 relative), which balance near h ≈ ε^(1/3) ≈ 6e-6; 1e-6 leans a little toward the
// smaller truncation error. Scaled by max(1, |p|) so that h stays far above the spacing of doubles near a large p
// (a fixed h would be lost in p ± h), and never shrinks below 1e-6 near p = 0. The divisor is the step as it was
// actually taken, (p + h) − (p − h) (exact when p ± h have one sign), rather than 2h: p ± h is rounded, and that
// rounding would otherwise count as an error of relative size ε·|p|/h.
double centralDifference(const Document& doc, Network& net, double& p, std::size_t begin, std::size_t end,
                         Workspace& ws) {
    const double p0 = p;
    const double h = 1e-6 * std::max(1.0, std::fabs(p0));
    const double up = p0 + h, down = p0 - h;
    p = up;
    const double above = batchError(doc, net, begin, end, ws);
    p = down;
    const double below = batchError(doc, net, begin, end, ws);
    p = p0;
    return (above - below) / (up - down);
}

ParameterCheck check(std::string name, double backprop, double numeric) {
    const double larger = std::max(std::fabs(backprop), std::fabs(numeric));
    const double relative = larger == 0.0 ? 0.0 : std::fabs(backprop - numeric) / larger;
    if (!std::isfinite(backprop) || !std::isfinite(numeric) || !std::isfinite(relative))
        throw EngineError("gradientCheck: " + name +
                          ": a value became infinite or NaN with these parameters; try smaller values");
    return {std::move(name), backprop, numeric, relative};
}

}  // namespace

std::vector<ParameterCheck> gradientCheck(const Document& doc, const Position& position) {
    if (position.sample >= doc.samples.size())
        throw EngineError("position.sample: expected a sample below " + std::to_string(doc.samples.size()) + ", got " +
                          std::to_string(position.sample));
    const std::size_t begin = position.sample, end = batchEnd(doc, position);
    requireCheckWithinLimit(doc.network, end - begin);

    // Backpropagation, exactly as a step runs it: the batch's summed ∂E/∂p, made means by update() itself. The
    // update also moves the parameters (by 0 × the mean), so it runs on a copy that is then thrown away.
    Network scratch = doc.network;
    Workspace ws(scratch);
    for (std::size_t s = begin; s < end; ++s) {
        forward(scratch, doc.samples[s].input.data(), ws);
        backward(scratch, doc.samples[s].target.data(), ws);
    }
    update(scratch, ws, 0.0, static_cast<double>(end - begin), false);

    // Finite differences on another copy, one parameter moved at a time and put back.
    Network net = doc.network;
    std::vector<ParameterCheck> checks;
    checks.reserve(weightCount(net) + biasCount(net));
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const std::size_t in = net.layers[l].size;
        for (std::size_t k = 0; k < net.weights[l].size(); ++k) {
            const double numeric = centralDifference(doc, net, net.weights[l][k], begin, end, ws);
            checks.push_back(
                check("w" + std::to_string(weightNumber(net, l, k / in, k % in)), ws.gradW[l][k], numeric));
        }
    }
    for (std::size_t l = 0; l < net.depth(); ++l) {
        if (!net.layers[l + 1].bias) continue;
        for (std::size_t j = 0; j < net.biases[l].size(); ++j) {
            const double numeric = centralDifference(doc, net, net.biases[l][j], begin, end, ws);
            checks.push_back(check("b" + std::to_string(biasNumber(net, l, j)), ws.gradB[l][j], numeric));
        }
    }
    return checks;
}

}  // namespace backstep
