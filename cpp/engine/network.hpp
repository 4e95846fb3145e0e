// A fully connected network: its layers and parameters, stored contiguously per layer.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "activation.hpp"

namespace backstep {

struct Layer {
    std::size_t size = 0;
    Activation activation = Activation::Linear;  // unused for the input layer
    bool bias = false;                           // unused for the input layer
    std::string name;                            // label prefix ("" = default i/h/o)
};

struct Network {
    std::vector<Layer> layers;  // layers[0] is the input layer
    // weights[l][j * layers[l].size + i]: from neuron i of layer l to neuron j of layer l+1.
    std::vector<std::vector<double>> weights;
    // biases[l][j]: bias of neuron j of layer l+1 (zeros where the layer has no bias).
    std::vector<std::vector<double>> biases;

    std::size_t depth() const { return layers.size() - 1; }  // number of weight layers
    std::size_t inputs() const { return layers.front().size; }
    std::size_t outputs() const { return layers.back().size; }
    double& weight(std::size_t l, std::size_t j, std::size_t i) { return weights[l][j * layers[l].size + i]; }
    double weight(std::size_t l, std::size_t j, std::size_t i) const { return weights[l][j * layers[l].size + i]; }
};

// Counts: weights; biases of the layers that have them; neurons after the input layer.
std::size_t weightCount(const Network& net);
std::size_t biasCount(const Network& net);
std::size_t neuronCount(const Network& net);

// Sizes the parameter arrays to match `layers`, filled with zeros.
void shapeParameters(Network& net);

// Labels, as the spec numbers them: neurons i1, h1, o1 …, weights w1, w2 … in the order
// layer, destination, source; biases b1, b2 … in the order layer, neuron (only layers with a bias).
std::string neuronName(const Network& net, std::size_t layer, std::size_t index);
std::size_t weightNumber(const Network& net, std::size_t l, std::size_t j, std::size_t i);  // 1-based
std::size_t biasNumber(const Network& net, std::size_t l, std::size_t j);                   // 1-based

}  // namespace backstep
