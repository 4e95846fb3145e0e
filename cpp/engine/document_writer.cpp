// Document → JSON text, in the spec's field order, numbers exact.
#include <nlohmann/json.hpp>

#include "document.hpp"
#include "json_number.hpp"
#include "json_pretty.hpp"
#include "limits.hpp"

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
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j)
            rows.push_back(numberArray(net.weights[l].data() + j * net.layers[l].size, net.layers[l].size));
        out.push_back(rows);
    }
    return out;
}

bool anyBias(const Network& net) {
    for (std::size_t k = 1; k < net.layers.size(); ++k)
        if (net.layers[k].bias) return true;
    return false;
}

// The document as text: the known fields in the spec's order, then the unknown ones kept by the reader.
// Returns false if the text grows past maxBytes.
bool writeText(const ojson& known, const nlohmann::json& extra, int indent, std::size_t maxBytes, std::string& out) {
    out = "{";
    bool first = true;
    auto member = [&](const std::string& key, const auto& value) {
        out += first ? "" : ",";
        first = false;
        appendBreak(out, indent, 1);
        appendKey(out, key, indent);
        return appendJson(out, value, indent, 1, maxBytes);
    };
    for (auto it = known.begin(); it != known.end(); ++it)
        if (!member(it.key(), it.value())) return false;
    for (auto it = extra.begin(); it != extra.end(); ++it)
        if (!member(it.key(), it.value())) return false;
    appendBreak(out, indent, 0);
    out += "}";
    return out.size() <= maxBytes;
}

ojson knownFields(const Document& doc) {
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
    return out;
}

}  // namespace

std::string writeDocument(const Document& doc, int indent) {
    const ojson known = knownFields(doc);
    std::string text;
    // At most maxBytes − 1, so that a final newline (the CLI's) still fits in what the reader takes.
    if (indent > 0 && writeText(known, doc.extraFields, indent, limits::maxBytes - 1, text)) return text;
    writeText(known, doc.extraFields, 0, std::string::npos, text);  // too large indented: compact
    return text;
}

std::size_t writtenSizeBound(const Document& doc) {
    std::string compact;
    writeText(knownFields(doc), doc.extraFields, 0, std::string::npos, compact);
    std::size_t bound = compact.size();
    auto widen = [&](const std::vector<double>& values) {
        for (double x : values) bound += limits::maxNumberText - jsonNumber(x).dump().size();
    };
    const Network& net = doc.network;
    for (const auto& w : net.weights) widen(w);
    for (std::size_t l = 0; l < net.depth(); ++l)
        if (net.layers[l + 1].bias) widen(net.biases[l]);  // the others stay 0
    return bound;
}

}  // namespace backstep
