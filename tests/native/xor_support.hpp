// XOR on a 2-4-1 network with biases, weights and biases uniform in ±1 from `seed` (std::mt19937: the native tests
// only), the four samples in order. Shared by the XOR and training-curve tests.
#pragma once
#include <random>

#include "document.hpp"

namespace testsupport {

inline backstep::Document xorDocument(unsigned seed, double learningRate, backstep::Activation activation,
                                      std::size_t batchSize = 1) {
    using backstep::Activation;
    backstep::Document doc;
    doc.network.layers = {{2, Activation::Linear, false, ""}, {4, activation, true, ""}, {1, activation, true, ""}};
    backstep::shapeParameters(doc.network);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (auto& w : doc.network.weights)
        for (double& x : w) x = u(rng);
    for (auto& b : doc.network.biases)
        for (double& x : b) x = u(rng);
    doc.learningRate = learningRate;
    doc.batchSize = batchSize;
    doc.samples = {{{0, 0}, {0}}, {{0, 1}, {1}}, {{1, 0}, {1}}, {{1, 1}, {0}}};
    return doc;
}

}  // namespace testsupport
