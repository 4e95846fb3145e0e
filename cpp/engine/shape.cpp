// Shape edits: each one says where every layer and neuron of the edited network came from (an Origin), and one
// rebuild copies whatever survives, so no edit moves a weight by hand.
#include "shape.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "error.hpp"
#include "limits.hpp"

namespace backstep {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);  // new in the edited network: starts at 0

// Where each layer and each neuron of the edited network was in the original one, or `none`.
struct Origin {
    std::vector<std::size_t> layer;                // per new layer: its old index
    std::vector<std::vector<std::size_t>> neuron;  // per new layer, per neuron: its old index within its old layer
};

std::vector<std::size_t> identity(std::size_t n) {
    std::vector<std::size_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = i;
    return v;
}

Origin unchanged(const Network& net) {
    Origin from;
    from.layer = identity(net.layers.size());
    for (const Layer& layer : net.layers) from.neuron.push_back(identity(layer.size));
    return from;
}

// A matrix survives only where its two layers were neighbours before: a layer inserted or removed between them
// leaves a matrix that never existed.
void copyWeights(const Network& old, Network& net, const Origin& from, std::size_t l) {
    const std::size_t a = from.layer[l], b = from.layer[l + 1];
    if (a == none || b == none || b != a + 1) return;
    for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
        const std::size_t oj = from.neuron[l + 1][j];
        if (oj == none) continue;
        for (std::size_t i = 0; i < net.layers[l].size; ++i)
            if (from.neuron[l][i] != none) net.weight(l, j, i) = old.weight(a, oj, from.neuron[l][i]);
    }
}

// Only a layer that had a bias and still has one keeps values: turning a bias on starts it at 0, and a layer
// without bias must hold zeros (the reader refuses anything else).
void copyBiases(const Network& old, Network& net, const Origin& from, std::size_t k) {
    const std::size_t a = from.layer[k];
    if (a == none || !net.layers[k].bias || !old.layers[a].bias) return;
    for (std::size_t j = 0; j < net.layers[k].size; ++j)
        if (from.neuron[k][j] != none) net.biases[k - 1][j] = old.biases[a - 1][from.neuron[k][j]];
}

std::vector<double> remap(const std::vector<double>& values, const std::vector<std::size_t>& from) {
    std::vector<double> out(from.size(), 0.0);
    for (std::size_t i = 0; i < from.size(); ++i)
        if (from[i] != none) out[i] = values[from[i]];
    return out;
}

// The edited document, validated by the one validator: it also enforces limits::maxBytes (via writtenSizeBound)
// with the reader's message, and writing then reading loses no number.
Document rebuild(const Document& doc, std::vector<Layer> layers, const Origin& from) {
    Document out;
    out.title = doc.title;
    out.trainBiases = doc.trainBiases;
    out.learningRate = doc.learningRate;
    out.batchSize = std::max<std::size_t>(1, std::min(doc.batchSize, doc.samples.size()));
    out.extraFields = doc.extraFields;
    Network& net = out.network;
    net.layers = std::move(layers);
    shapeParameters(net);
    for (std::size_t l = 0; l < net.depth(); ++l) {
        copyWeights(doc.network, net, from, l);
        copyBiases(doc.network, net, from, l + 1);
    }
    // Every edit keeps the input and the output layer (only their neurons change), so the samples follow them.
    out.samples.reserve(doc.samples.size());
    for (const Sample& s : doc.samples)
        out.samples.push_back({remap(s.input, from.neuron.front()), remap(s.target, from.neuron.back())});
    Document result = readDocument(writeDocument(out, 0));
    // The text holds trainBiases only while some layer has a bias: kept here, a bias turned off and on again
    // still trains (or not) as before.
    result.trainBiases = doc.trainBiases;
    return result;
}

std::string str(std::size_t n) { return std::to_string(n); }

// Layers low … depth(): 0 for any layer, 1 for the layers with an activation and a bias.
void requireLayer(const Network& net, std::size_t layer, std::size_t low) {
    if (layer >= low && layer <= net.depth()) return;
    const char* which = low == 0 ? "a layer" : "a layer after the input";
    throw EngineError("layer: expected " + std::string(which) + " from " + str(low) + " to " + str(net.depth()) +
                      ", got " + str(layer));
}

void requireSize(std::size_t size) {
    if (size == 0) throw EngineError("size: expected at least 1 neuron, got 0");
    if (size > limits::maxNeuronsPerLayer)
        throw EngineError("size: a layer has at most " + str(limits::maxNeuronsPerLayer) +
                          " neurons (limits::maxNeuronsPerLayer), got " + str(size));
}

}  // namespace

Document withLayer(const Document& doc, std::size_t at, std::size_t size, Activation activation, bool bias) {
    const Network& net = doc.network;
    if (at < 1 || at > net.depth())
        throw EngineError("at: expected a position from 1 to " + str(net.depth()) +
                          " (after the input layer, before the output layer), got " + str(at));
    if (net.layers.size() >= limits::maxLayers)
        throw EngineError("layers: a network has at most " + str(limits::maxLayers) +
                          " layers (limits::maxLayers), this one has " + str(net.layers.size()) + " already");
    requireSize(size);
    std::vector<Layer> layers = net.layers;
    layers.insert(layers.begin() + at, Layer{size, activation, bias, ""});
    Origin from = unchanged(net);
    from.layer.insert(from.layer.begin() + at, none);
    from.neuron.insert(from.neuron.begin() + at, std::vector<std::size_t>(size, none));
    return rebuild(doc, std::move(layers), from);
}

Document withoutLayer(const Document& doc, std::size_t layer) {
    const Network& net = doc.network;
    if (net.depth() < 2)
        throw EngineError("layer: the network has no hidden layer to remove (layer 0 is the input, 1 the output)");
    if (layer < 1 || layer >= net.depth())
        throw EngineError("layer: expected a hidden layer from 1 to " + str(net.depth() - 1) + ", got " + str(layer));
    std::vector<Layer> layers = net.layers;
    layers.erase(layers.begin() + layer);
    Origin from = unchanged(net);
    from.layer.erase(from.layer.begin() + layer);
    from.neuron.erase(from.neuron.begin() + layer);
    return rebuild(doc, std::move(layers), from);
}

Document withNeuron(const Document& doc, std::size_t layer) {
    const Network& net = doc.network;
    requireLayer(net, layer, 0);
    if (net.layers[layer].size >= limits::maxNeuronsPerLayer)
        throw EngineError("layer: a layer has at most " + str(limits::maxNeuronsPerLayer) +
                          " neurons (limits::maxNeuronsPerLayer), layer " + str(layer) + " has " +
                          str(net.layers[layer].size) + " already");
    std::vector<Layer> layers = net.layers;
    ++layers[layer].size;
    Origin from = unchanged(net);
    from.neuron[layer].push_back(none);
    return rebuild(doc, std::move(layers), from);
}

Document withoutNeuron(const Document& doc, std::size_t layer, std::size_t neuron) {
    const Network& net = doc.network;
    requireLayer(net, layer, 0);
    const std::size_t size = net.layers[layer].size;
    if (neuron >= size)
        throw EngineError("neuron: expected a neuron of layer " + str(layer) + " from 0 to " + str(size - 1) +
                          ", got " + str(neuron));
    if (size == 1)
        throw EngineError("neuron: layer " + str(layer) + " has only 1 neuron, and a layer keeps at least 1");
    std::vector<Layer> layers = net.layers;
    --layers[layer].size;
    Origin from = unchanged(net);
    from.neuron[layer].erase(from.neuron[layer].begin() + neuron);
    return rebuild(doc, std::move(layers), from);
}

Document withActivation(const Document& doc, std::size_t layer, Activation activation) {
    requireLayer(doc.network, layer, 1);
    std::vector<Layer> layers = doc.network.layers;
    layers[layer].activation = activation;
    return rebuild(doc, std::move(layers), unchanged(doc.network));
}

Document withBias(const Document& doc, std::size_t layer, bool bias) {
    requireLayer(doc.network, layer, 1);
    std::vector<Layer> layers = doc.network.layers;
    layers[layer].bias = bias;  // copyBiases keeps the values only if the layer had a bias and still has one
    return rebuild(doc, std::move(layers), unchanged(doc.network));
}

}  // namespace backstep
