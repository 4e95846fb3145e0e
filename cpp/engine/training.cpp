#include "training.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "limits.hpp"

namespace backstep {

std::size_t batchEnd(const Document& doc, const Position& position) {
    return std::min(position.sample + doc.batchSize, doc.samples.size());
}

void advance(const Document& doc, Position& position) {
    position.sample = batchEnd(doc, position);
    position.step += 1;
    if (position.sample == doc.samples.size()) {
        position.sample = 0;
        position.epoch += 1;
    }
}

namespace {

bool allFinite(const Network& net) {
    for (const auto& w : net.weights)
        for (double x : w)
            if (!std::isfinite(x)) return false;
    for (const auto& b : net.biases)
        for (double x : b)
            if (!std::isfinite(x)) return false;
    return true;
}

}  // namespace

void train(Document& doc, Position& position, std::size_t epochs) {
    if (epochs > limits::maxEpochs)
        throw DocumentError("epochs: expected at most " + std::to_string(limits::maxEpochs) + " (the limit), got " + std::to_string(epochs));
    const Network before = doc.network;
    const Position start = position;
    Network& net = doc.network;
    Workspace ws(net);
    const std::size_t batchesPerEpoch = (doc.samples.size() + doc.batchSize - 1) / doc.batchSize;
    const std::size_t steps = epochs * batchesPerEpoch;
    for (std::size_t b = 0; b < steps; ++b) {
        const std::size_t end = batchEnd(doc, position);
        for (std::size_t s = position.sample; s < end; ++s) {
            forward(net, doc.samples[s].input.data(), ws);
            backward(net, doc.samples[s].target.data(), ws);
        }
        update(net, ws, doc.learningRate, static_cast<double>(end - position.sample), doc.trainBiases);
        advance(doc, position);
        const bool checkpoint = position.sample == 0 || b + 1 == steps;  // once per epoch, off the per-step path
        if (checkpoint && !allFinite(net)) {
            const std::size_t epoch = position.epoch;
            doc.network = before;
            position = start;
            throw DocumentError("training diverged: a weight became infinite or NaN by epoch " + std::to_string(epoch) +
                                "; try a smaller learningRate (the document is unchanged)");
        }
    }
}

double meanError(const Document& doc) {
    Workspace ws(doc.network);
    double sum = 0.0;
    for (const Sample& s : doc.samples) {
        forward(doc.network, s.input.data(), ws);
        sum += halfSquaredError(doc.network, ws, s.target.data());
    }
    return sum / static_cast<double>(doc.samples.size());
}

}  // namespace backstep
