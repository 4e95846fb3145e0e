#include "network.hpp"

namespace backstep {

void shapeParameters(Network& net) {
    net.weights.assign(net.depth(), {});
    net.biases.assign(net.depth(), {});
    for (std::size_t l = 0; l < net.depth(); ++l) {
        net.weights[l].assign(net.layers[l].size * net.layers[l + 1].size, 0.0);
        net.biases[l].assign(net.layers[l + 1].size, 0.0);
    }
}

std::size_t weightCount(const Network& net) {
    std::size_t n = 0;
    for (const auto& w : net.weights) n += w.size();
    return n;
}

std::size_t biasCount(const Network& net) {
    std::size_t n = 0;
    for (std::size_t k = 1; k < net.layers.size(); ++k) n += net.layers[k].bias ? net.layers[k].size : 0;
    return n;
}

std::size_t neuronCount(const Network& net) {
    std::size_t n = 0;
    for (std::size_t k = 1; k < net.layers.size(); ++k) n += net.layers[k].size;
    return n;
}

std::string neuronName(const Network& net, std::size_t layer, std::size_t index) {
    const std::string number = std::to_string(index + 1);
    const std::string& custom = net.layers[layer].name;
    if (!custom.empty()) return custom + number;
    if (layer == 0) return "i" + number;
    if (layer == net.depth()) return "o" + number;
    if (net.depth() == 2) return "h" + number;          // one hidden layer: h1, h2 …
    return "h" + std::to_string(layer) + "." + number;  // several: h1.1, h2.1 …
}

std::size_t weightNumber(const Network& net, std::size_t l, std::size_t j, std::size_t i) {
    std::size_t before = 0;
    for (std::size_t k = 0; k < l; ++k) before += net.weights[k].size();
    return before + j * net.layers[l].size + i + 1;
}

std::size_t biasNumber(const Network& net, std::size_t l, std::size_t j) {
    std::size_t before = 0;
    for (std::size_t k = 0; k < l; ++k)
        if (net.layers[k + 1].bias) before += net.layers[k + 1].size;
    return before + j + 1;
}

}  // namespace backstep
