#include "trace.hpp"

#include <cmath>

#include "json_number.hpp"
#include "limits.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

std::string weightName(const Network& net, std::size_t l, std::size_t j, std::size_t i) {
    return "w" + std::to_string(weightNumber(net, l, j, i));
}
std::string biasName(const Network& net, std::size_t l, std::size_t j) {
    return "b" + std::to_string(biasNumber(net, l, j));
}

ojson inputEvent(const Network& net, const Sample& sample, std::size_t s) {
    ojson inputs = ojson::array(), targets = ojson::array();
    for (std::size_t i = 0; i < net.inputs(); ++i)
        inputs.push_back({{"name", neuronName(net, 0, i)}, {"neuron", i}, {"value", jsonNumber(sample.input[i])}});
    for (std::size_t j = 0; j < net.outputs(); ++j)
        targets.push_back(
            {{"name", neuronName(net, net.depth(), j)}, {"neuron", j}, {"value", jsonNumber(sample.target[j])}});
    return {{"kind", "input"}, {"sample", s}, {"inputs", inputs}, {"targets", targets}};
}

// Every number of an event is one the passes computed: a value of the workspace or a factor they recorded.
ojson forwardEvent(const Network& net, const Workspace& ws, const Factors& f, std::size_t s, std::size_t l,
                   std::size_t j) {
    ojson terms = ojson::array();
    for (std::size_t i = 0; i < net.layers[l].size; ++i)
        terms.push_back({{"weight", weightName(net, l, j, i)},
                         {"source", neuronName(net, l, i)},
                         {"sourceNeuron", i},
                         {"w", jsonNumber(net.weight(l, j, i))},
                         {"a", jsonNumber(ws.a[l][i])},
                         {"product", jsonNumber(f.products[l][j * net.layers[l].size + i])}});
    const Layer& layer = net.layers[l + 1];
    ojson bias = nullptr;
    if (layer.bias) bias = {{"name", biasName(net, l, j)}, {"value", jsonNumber(net.biases[l][j])}};
    return {{"kind", "forward"},
            {"sample", s},
            {"layer", l + 1},
            {"neuron", j},
            {"name", neuronName(net, l + 1, j)},
            {"terms", terms},
            {"bias", bias},
            {"z", jsonNumber(ws.z[l + 1][j])},
            {"activation", activationName(layer.activation)},
            {"a", jsonNumber(ws.a[l + 1][j])}};
}

ojson errorEvent(const Network& net, const Workspace& ws, const Factors& f, const Sample& sample, std::size_t s) {
    ojson outputs = ojson::array();
    const std::size_t last = net.depth();
    for (std::size_t j = 0; j < net.outputs(); ++j)
        outputs.push_back({{"name", neuronName(net, last, j)},
                           {"neuron", j},
                           {"prediction", jsonNumber(ws.a[last][j])},
                           {"target", jsonNumber(sample.target[j])},
                           {"difference", jsonNumber(f.differences[j])},
                           {"error", jsonNumber(f.errors[j])}});
    return {{"kind", "error"}, {"sample", s}, {"outputs", outputs}, {"total", jsonNumber(ws.error)}};
}

ojson deltaEvent(const Network& net, const Workspace& ws, const Factors& f, const Sample& sample, std::size_t s,
                 std::size_t k, std::size_t j) {
    const Layer& layer = net.layers[k];
    ojson e = {{"kind", "delta"},
               {"sample", s},
               {"layer", k},
               {"neuron", j},
               {"name", neuronName(net, k, j)},
               {"output", k == net.depth()},
               {"activation", activationName(layer.activation)},
               {"z", jsonNumber(ws.z[k][j])},
               {"a", jsonNumber(ws.a[k][j])}};
    if (k == net.depth()) {
        e["target"] = jsonNumber(sample.target[j]);
        e["difference"] = jsonNumber(f.differences[j]);
    } else {
        ojson terms = ojson::array();
        for (std::size_t m = 0; m < net.layers[k + 1].size; ++m)
            terms.push_back({{"weight", weightName(net, k, m, j)},
                             {"dest", neuronName(net, k + 1, m)},
                             {"destNeuron", m},
                             {"w", jsonNumber(net.weight(k, m, j))},
                             {"delta", jsonNumber(ws.delta[k + 1][m])},
                             {"product", jsonNumber(f.backProducts[k][m * layer.size + j])}});
        e["terms"] = terms;
        e["sum"] = jsonNumber(f.backSums[k][j]);
    }
    e["derivative"] = jsonNumber(f.derivatives[k][j]);
    e["delta"] = jsonNumber(ws.delta[k][j]);
    return e;
}

void gradientEvents(const Network& net, const Workspace& ws, const Factors& f, std::size_t s, std::size_t l,
                    TraceSink& sink) {
    for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
        const double d = ws.delta[l + 1][j];
        for (std::size_t i = 0; i < net.layers[l].size; ++i)
            sink.event({{"kind", "gradient"},
                        {"sample", s},
                        {"parameter", weightName(net, l, j, i)},
                        {"type", "weight"},
                        {"layer", l},
                        {"dest", j},
                        {"source", i},
                        {"destName", neuronName(net, l + 1, j)},
                        {"sourceName", neuronName(net, l, i)},
                        {"delta", jsonNumber(d)},
                        {"a", jsonNumber(ws.a[l][i])},
                        {"gradient", jsonNumber(f.gradients[l][j * net.layers[l].size + i])}});
        if (net.layers[l + 1].bias)
            sink.event({{"kind", "gradient"},
                        {"sample", s},
                        {"parameter", biasName(net, l, j)},
                        {"type", "bias"},
                        {"layer", l},
                        {"dest", j},
                        {"destName", neuronName(net, l + 1, j)},
                        {"delta", jsonNumber(d)},
                        {"gradient", jsonNumber(d)}});
    }
}

// The mean gradients are update()'s own (it leaves them in the workspace).
void updateEvents(const Network& before, const Network& after, const Workspace& means, double eta, bool trainBiases,
                  TraceSink& sink) {
    for (std::size_t l = 0; l < before.depth(); ++l) {
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            for (std::size_t i = 0; i < before.layers[l].size; ++i) {
                const std::size_t at = j * before.layers[l].size + i;
                sink.event({{"kind", "update"},
                            {"parameter", weightName(before, l, j, i)},
                            {"type", "weight"},
                            {"layer", l},
                            {"dest", j},
                            {"source", i},
                            {"old", jsonNumber(before.weights[l][at])},
                            {"gradient", jsonNumber(means.gradW[l][at])},
                            {"learningRate", jsonNumber(eta)},
                            {"new", jsonNumber(after.weights[l][at])}});
            }
    }
    for (std::size_t l = 0; l < before.depth(); ++l) {  // every weight first, then every trained bias (TRACE.md)
        if (!trainBiases || !before.layers[l + 1].bias) continue;
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            sink.event({{"kind", "update"},
                        {"parameter", biasName(before, l, j)},
                        {"type", "bias"},
                        {"layer", l},
                        {"dest", j},
                        {"old", jsonNumber(before.biases[l][j])},
                        {"gradient", jsonNumber(means.gradB[l][j])},
                        {"learningRate", jsonNumber(eta)},
                        {"new", jsonNumber(after.biases[l][j])}});
    }
}

// null where the new parameters overflow on this sample: the step itself is done; the next step to compute it diverges.
ojson finiteOrNull(double x) { return std::isfinite(x) ? jsonNumber(x) : ojson(nullptr); }

ojson resultEvent(const Network& net, Workspace& ws, const Sample& sample, std::size_t s) {
    forward(net, sample.input.data(), ws);
    ojson prediction = ojson::array();
    for (double y : ws.a.back()) prediction.push_back(finiteOrNull(y));
    return {{"kind", "result"},
            {"sample", s},
            {"prediction", prediction},
            {"error", finiteOrNull(halfSquaredError(net, ws, sample.target.data()))}};
}

// This sample's own gradients δ·a (train sees only their sum, in the new weights): into the probe too.
void probeSampleGradients(const Factors& f, Workspace& ws) {
    for (const auto& layer : f.gradients)
        for (double g : layer) ws.probe += g - g;
}

class CollectingSink : public TraceSink {
public:
    ojson trace;
    void header(const ojson& fields) override {
        trace = fields;
        trace["events"] = ojson::array();
    }
    void event(const ojson& e) override { trace["events"].push_back(e); }
};

class TextSink : public TraceSink {
public:
    std::string text;
    bool first = true;
    void header(const ojson& fields) override {
        text = fields.dump();
        text.pop_back();  // the closing brace: the events follow
        text += ",\"events\":[";
    }
    void event(const ojson& e) override {
        if (!first) text += ',';
        first = false;
        text += e.dump();
    }
};

}  // namespace

Count traceEventCount(const Document& doc, const Position& position) {
    const Network& net = doc.network;
    const Count parameters = weightCount(net) + biasCount(net);
    const Count perSample = 3 + 2 * Count{neuronCount(net)} + parameters;  // + input, error and result
    const Count updates = weightCount(net) + (doc.trainBiases ? biasCount(net) : 0);
    const Count batch = batchEnd(doc, position) - position.sample;
    return batch * perSample + updates;
}

void traceStep(Document& doc, Position& position, TraceSink& sink) {
    const Count count = traceEventCount(doc, position);
    if (count > limits::maxTraceEvents)
        throw EngineError(
            "trace: this step would have " + std::to_string(count) + " events, over the limit of " +
            std::to_string(limits::maxTraceEvents) +
            " (batch × (2·neurons + weights + biases + 3) + updates); use train, or a smaller network or batchSize");
    Network& net = doc.network;
    const Network before = net;
    Workspace ws(net);
    Factors factors(net);
    const std::size_t first = position.sample, end = batchEnd(doc, position);
    ojson samples = ojson::array();
    for (std::size_t s = first; s < end; ++s) samples.push_back(s);
    sink.header({{"format", "backstep-trace/1"},
                 {"epoch", position.epoch},
                 {"step", position.step},
                 {"samples", samples},
                 {"batchSize", end - first},
                 {"learningRate", jsonNumber(doc.learningRate)}});
    for (std::size_t s = first; s < end; ++s) {
        const Sample& sample = doc.samples[s];
        forward(net, sample.input.data(), ws, factors);
        backward(net, sample.target.data(), ws, factors);
        probeSampleGradients(factors, ws);
        requireFinite(ws, net, position.epoch);  // the divergence rule of train, checked before any value is written
        sink.event(inputEvent(net, sample, s));
        for (std::size_t l = 0; l < net.depth(); ++l)
            for (std::size_t j = 0; j < net.layers[l + 1].size; ++j)
                sink.event(forwardEvent(net, ws, factors, s, l, j));
        sink.event(errorEvent(net, ws, factors, sample, s));
        for (std::size_t k = net.depth(); k >= 1; --k) {
            for (std::size_t j = 0; j < net.layers[k].size; ++j)
                sink.event(deltaEvent(net, ws, factors, sample, s, k, j));
            gradientEvents(net, ws, factors, s, k - 1, sink);
        }
    }
    update(net, ws, doc.learningRate, static_cast<double>(end - first), doc.trainBiases);
    try {
        requireFinite(ws, net, position.epoch);
    } catch (...) {
        net = before;
        throw;
    }
    updateEvents(before, net, ws, doc.learningRate, doc.trainBiases, sink);
    for (std::size_t s = first; s < end; ++s) sink.event(resultEvent(net, ws, doc.samples[s], s));
    advance(doc, position);
}

ojson traceStep(Document& doc, Position& position) {
    CollectingSink sink;
    traceStep(doc, position, sink);
    return std::move(sink.trace);
}

std::string traceStepText(Document& doc, Position& position) {
    TextSink sink;
    traceStep(doc, position, sink);
    sink.text += "]}";
    return std::move(sink.text);
}

ojson labels(const Network& net) {
    ojson neurons = ojson::array(), weights = ojson::array(), biases = ojson::array();
    for (std::size_t k = 0; k < net.layers.size(); ++k) {
        ojson names = ojson::array();
        for (std::size_t j = 0; j < net.layers[k].size; ++j) names.push_back(neuronName(net, k, j));
        neurons.push_back(names);
    }
    for (std::size_t l = 0; l < net.depth(); ++l) {
        ojson rows = ojson::array(), b = ojson::array();
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
            ojson row = ojson::array();
            for (std::size_t i = 0; i < net.layers[l].size; ++i) row.push_back(weightName(net, l, j, i));
            rows.push_back(row);
            b.push_back(net.layers[l + 1].bias ? ojson(biasName(net, l, j)) : ojson(nullptr));
        }
        weights.push_back(rows);
        biases.push_back(b);
    }
    return {{"neurons", neurons}, {"weights", weights}, {"biases", biases}};
}

}  // namespace backstep
