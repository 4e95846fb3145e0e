// Document → JSON text, in the spec's field order, numbers exact.
#include <nlohmann/json.hpp>

#include "document.hpp"
#include "json_number.hpp"
#include "json_pretty.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

ojson numberArray(const double* x, std::size_t n) {
    ojson a = ojson::array();
    for (std::size_t i = 0; i < n; ++i) a.push_back(jsonNumber(x[i]));
    return a;
}

ojson layers(const Network& net) {
    ojson out = ojson::array();
    for (std::size_t k = 0; k < net.layers.size(); ++k) {
        const Layer& layer = net.layers[k];
        ojson v = {{"size", layer.size}};
        if (k > 0) {
            v["activation"] = activationName(layer.activation);
            v["bias"] = layer.bias;
        }
        if (!layer.name.empty()) v["name"] = layer.name;
        out.push_back(v);
    }
    return out;
}

ojson weights(const Network& net) {
    ojson out = ojson::array();
    for (std::size_t l = 0; l < net.depth(); ++l) {
        ojson rows = ojson::array();
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) rows.push_back(numberArray(net.weights[l].data() + j * net.layers[l].size, net.layers[l].size));
        out.push_back(rows);
    }
    return out;
}

bool anyBias(const Network& net) {
    for (std::size_t k = 1; k < net.layers.size(); ++k)
        if (net.layers[k].bias) return true;
    return false;
}

}  // namespace

std::string writeDocument(const Document& doc, int indent) {
    const Network& net = doc.network;
    ojson out;
    out["format"] = "backstep/1";
    if (!doc.title.empty()) out["title"] = doc.title;
    out["layers"] = layers(net);
    out["weights"] = weights(net);
    if (anyBias(net)) {
        ojson biases = ojson::array();
        for (const auto& b : net.biases) biases.push_back(numberArray(b.data(), b.size()));
        out["biases"] = biases;
        out["trainBiases"] = doc.trainBiases;
    }
    out["loss"] = "half-squared-error";
    out["learningRate"] = jsonNumber(doc.learningRate);
    out["batchSize"] = doc.batchSize;
    ojson samples = ojson::array();
    for (const Sample& s : doc.samples)
        samples.push_back({{"input", numberArray(s.input.data(), s.input.size())},
                           {"target", numberArray(s.target.data(), s.target.size())}});
    out["samples"] = samples;
    const ojson extra = ojson::parse(doc.extraFields);
    for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = it.value();
    return prettyJson(out, indent);
}

}  // namespace backstep
