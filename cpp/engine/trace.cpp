#include "trace.hpp"

#include <cmath>

#include "json_number.hpp"
#include "json_writer.hpp"
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

// One neuron reference {name, neuron, value} of the input event.
void namedValue(JsonWriter& w, const std::string& name, std::size_t neuron, double value) {
    w.beginObject().key("name").string(name).key("neuron").whole(neuron).key("value").number(value).endObject();
}

void inputEvent(JsonWriter& w, const Network& net, const Sample& sample, std::size_t s) {
    w.beginObject().key("kind").string("input").key("sample").whole(s);
    w.key("inputs").beginArray();
    for (std::size_t i = 0; i < net.inputs(); ++i) namedValue(w, neuronName(net, 0, i), i, sample.input[i]);
    w.endArray().key("targets").beginArray();
    for (std::size_t j = 0; j < net.outputs(); ++j) namedValue(w, neuronName(net, net.depth(), j), j, sample.target[j]);
    w.endArray().endObject();
}

// Every number of an event is one the passes computed: a value of the workspace or a factor they recorded.
void forwardEvent(JsonWriter& w, const Network& net, const Workspace& ws, const Factors& f, std::size_t s,
                  std::size_t l, std::size_t j) {
    const Layer& layer = net.layers[l + 1];
    w.beginObject().key("kind").string("forward").key("sample").whole(s).key("layer").whole(l + 1);
    w.key("neuron").whole(j).key("name").string(neuronName(net, l + 1, j));
    w.key("terms").beginArray();
    for (std::size_t i = 0; i < net.layers[l].size; ++i) {
        w.beginObject().key("weight").string(weightName(net, l, j, i)).key("source").string(neuronName(net, l, i));
        w.key("sourceNeuron").whole(i).key("w").number(net.weight(l, j, i)).key("a").number(ws.a[l][i]);
        w.key("product").number(f.products[l][j * net.layers[l].size + i]).endObject();
    }
    w.endArray().key("bias");
    if (layer.bias)
        w.beginObject().key("name").string(biasName(net, l, j)).key("value").number(net.biases[l][j]).endObject();
    else
        w.null();
    w.key("z").number(ws.z[l + 1][j]).key("activation").string(activationName(layer.activation));
    w.key("a").number(ws.a[l + 1][j]).endObject();
}

void errorEvent(JsonWriter& w, const Network& net, const Workspace& ws, const Factors& f, const Sample& sample,
                std::size_t s) {
    const std::size_t last = net.depth();
    w.beginObject().key("kind").string("error").key("sample").whole(s).key("outputs").beginArray();
    for (std::size_t j = 0; j < net.outputs(); ++j) {
        w.beginObject().key("name").string(neuronName(net, last, j)).key("neuron").whole(j);
        w.key("prediction").number(ws.a[last][j]).key("target").number(sample.target[j]);
        w.key("difference").number(f.differences[j]).key("error").number(f.errors[j]).endObject();
    }
    w.endArray().key("total").number(ws.error).endObject();
}

void deltaEvent(JsonWriter& w, const Network& net, const Workspace& ws, const Factors& f, const Sample& sample,
                std::size_t s, std::size_t k, std::size_t j) {
    const Layer& layer = net.layers[k];
    const bool output = k == net.depth();
    w.beginObject().key("kind").string("delta").key("sample").whole(s).key("layer").whole(k).key("neuron").whole(j);
    w.key("name").string(neuronName(net, k, j)).key("output").boolean(output);
    w.key("activation").string(activationName(layer.activation));
    w.key("z").number(ws.z[k][j]).key("a").number(ws.a[k][j]);
    if (output) {
        w.key("target").number(sample.target[j]).key("difference").number(f.differences[j]);
    } else {
        w.key("terms").beginArray();
        for (std::size_t m = 0; m < net.layers[k + 1].size; ++m) {
            w.beginObject()
                .key("weight")
                .string(weightName(net, k, m, j))
                .key("dest")
                .string(neuronName(net, k + 1, m));
            w.key("destNeuron").whole(m).key("w").number(net.weight(k, m, j)).key("delta").number(ws.delta[k + 1][m]);
            w.key("product").number(f.backProducts[k][m * layer.size + j]).endObject();
        }
        w.endArray().key("sum").number(f.backSums[k][j]);
    }
    w.key("derivative").number(f.derivatives[k][j]).key("delta").number(ws.delta[k][j]).endObject();
}

// Writes each event into a reused buffer and hands it to the sink.
class EventWriter {
public:
    explicit EventWriter(TraceSink& sink) : sink_(sink) {}
    template <class Write>
    void operator()(Write&& write) {
        buffer_.clear();
        JsonWriter w(buffer_);
        write(w);
        sink_.event(buffer_);
    }

private:
    TraceSink& sink_;
    std::string buffer_;
};

void gradientEvents(EventWriter& emit, const Network& net, const Workspace& ws, const Factors& f, std::size_t s,
                    std::size_t l) {
    for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
        const double d = ws.delta[l + 1][j];
        for (std::size_t i = 0; i < net.layers[l].size; ++i)
            emit([&](JsonWriter& w) {
                w.beginObject().key("kind").string("gradient").key("sample").whole(s);
                w.key("parameter").string(weightName(net, l, j, i)).key("type").string("weight");
                w.key("layer").whole(l).key("dest").whole(j).key("source").whole(i);
                w.key("destName").string(neuronName(net, l + 1, j)).key("sourceName").string(neuronName(net, l, i));
                w.key("delta").number(d).key("a").number(ws.a[l][i]);
                w.key("gradient").number(f.gradients[l][j * net.layers[l].size + i]).endObject();
            });
        if (net.layers[l + 1].bias)
            emit([&](JsonWriter& w) {
                w.beginObject().key("kind").string("gradient").key("sample").whole(s);
                w.key("parameter").string(biasName(net, l, j)).key("type").string("bias");
                w.key("layer").whole(l).key("dest").whole(j).key("destName").string(neuronName(net, l + 1, j));
                w.key("delta").number(d).key("gradient").number(d).endObject();
            });
    }
}

// The mean gradients are update()'s own (it leaves them in the workspace).
void updateEvents(EventWriter& emit, const Network& before, const Network& after, const Workspace& means, double eta,
                  bool trainBiases) {
    for (std::size_t l = 0; l < before.depth(); ++l) {
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            for (std::size_t i = 0; i < before.layers[l].size; ++i) {
                const std::size_t at = j * before.layers[l].size + i;
                emit([&](JsonWriter& w) {
                    w.beginObject().key("kind").string("update").key("parameter").string(weightName(before, l, j, i));
                    w.key("type").string("weight").key("layer").whole(l).key("dest").whole(j).key("source").whole(i);
                    w.key("old").number(before.weights[l][at]).key("gradient").number(means.gradW[l][at]);
                    w.key("learningRate").number(eta).key("new").number(after.weights[l][at]).endObject();
                });
            }
    }
    for (std::size_t l = 0; l < before.depth(); ++l) {  // every weight first, then every trained bias (TRACE.md)
        if (!trainBiases || !before.layers[l + 1].bias) continue;
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            emit([&](JsonWriter& w) {
                w.beginObject().key("kind").string("update").key("parameter").string(biasName(before, l, j));
                w.key("type").string("bias").key("layer").whole(l).key("dest").whole(j);
                w.key("old").number(before.biases[l][j]).key("gradient").number(means.gradB[l][j]);
                w.key("learningRate").number(eta).key("new").number(after.biases[l][j]).endObject();
            });
    }
}

// null where the new parameters overflow on this sample: the step itself is done; the next step to compute it diverges.
void finiteOrNull(JsonWriter& w, double x) {
    if (std::isfinite(x))
        w.number(x);
    else
        w.null();
}

// The forward pass and error with the new parameters, rounded as the step's own values are (factors' rounding).
void resultEvent(JsonWriter& w, const Network& net, Workspace& ws, Factors& factors, const Sample& sample,
                 std::size_t s) {
    forward(net, sample.input.data(), ws, factors);
    w.beginObject().key("kind").string("result").key("sample").whole(s).key("prediction").beginArray();
    for (double y : ws.a.back()) finiteOrNull(w, y);
    w.endArray().key("error");
    finiteOrNull(w, halfSquaredError(net, ws, sample.target.data(), factors));
    w.endObject();
}

// This sample's own gradients δ·a (train sees only their sum, in the new weights): into the probe too.
void probeSampleGradients(const Factors& f, Workspace& ws) {
    for (const auto& layer : f.gradients)
        for (double g : layer) ws.probe += g - g;
}

class CollectingSink : public TraceSink {
public:
    ojson trace;
    void header(std::string_view fields) override {
        trace = ojson::parse(fields);
        trace["events"] = ojson::array();
    }
    void event(std::string_view e) override { trace["events"].push_back(ojson::parse(e)); }
    void footer(std::string_view fields) override { trace.update(ojson::parse(fields)); }
};

class TextSink : public TraceSink {
public:
    std::string text;
    bool first = true;
    void header(std::string_view fields) override {
        text = fields;
        text.pop_back();  // the closing brace: the events follow
        text += ",\"events\":[";
    }
    void event(std::string_view e) override {
        if (!first) text += ',';
        first = false;
        text += e;
    }
    void footer(std::string_view fields) override {  // {"meanError":…} after the events: ],"meanError":…}
        text += "],";
        text += fields.substr(1);
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

namespace {

std::string refusedOutputFirst(std::size_t batch) {
    return "variant: output-first updates each layer before the deltas of the layer below, one sample at a time; "
           "this step has a batch of " +
           std::to_string(batch) + " samples (add per-sample)";
}

// traceStep() once the variant's settings are in `doc` and `position`; `before` holds the parameters of the start.
void traceVariantStep(Document& doc, Position& position, TraceSink& sink, const Variant& variant,
                      const Network& before) {
    requireStepsLeft(position, 1);
    const Count count = traceEventCount(doc, position);
    if (count > limits::maxTraceEvents)
        throw EngineError(
            "trace: this step would have " + std::to_string(count) + " events, over the limit of " +
            std::to_string(limits::maxTraceEvents) +
            " (batch × (2·neurons + weights + biases + 3) + updates); use train, or a smaller network or batchSize");
    Network& net = doc.network;
    Workspace ws(net);
    Factors factors(net, variant.rounding);
    const std::size_t first = position.sample, end = batchEnd(doc, position);
    if (variant.outputFirst && end - first > 1) throw EngineError(refusedOutputFirst(end - first));
    const UpdateRule rule{doc.learningRate, static_cast<double>(end - first), doc.trainBiases, variant.rounding};
    std::string header;
    JsonWriter h(header);
    h.beginObject().key("format").string("backstep-trace/1").key("epoch").whole(position.epoch);
    h.key("step").whole(position.step).key("samples").beginArray();
    for (std::size_t s = first; s < end; ++s) h.whole(s);
    h.endArray().key("batchSize").whole(end - first).key("learningRate").number(doc.learningRate);
    if (!variant.standard()) {
        h.key("variant").beginArray();
        for (const std::string& name : names(variant)) h.string(name);
        h.endArray();
    }
    h.endObject();
    sink.header(header);
    EventWriter emit(sink);
    double errorSum = 0.0;  // of each sample's E (its error event's total)
    for (std::size_t s = first; s < end; ++s) {
        const Sample& sample = doc.samples[s];
        forward(net, sample.input.data(), ws, factors);
        if (variant.outputFirst)
            backwardUpdatingFirst(net, sample.target.data(), ws, factors, rule);
        else
            backward(net, sample.target.data(), ws, factors);
        errorSum += ws.error;
        probeSampleGradients(factors, ws);
        requireFinite(ws, net, position.epoch);  // the divergence rule of train, checked before any value is written
        emit([&](JsonWriter& w) { inputEvent(w, net, sample, s); });
        // The forward pass used the parameters of the start (`before`); each hidden delta used the weights as they
        // are in `net` now: the old ones, or in the output-first variant the new ones.
        for (std::size_t l = 0; l < net.depth(); ++l)
            for (std::size_t j = 0; j < net.layers[l + 1].size; ++j)
                emit([&](JsonWriter& w) { forwardEvent(w, before, ws, factors, s, l, j); });
        emit([&](JsonWriter& w) { errorEvent(w, net, ws, factors, sample, s); });
        for (std::size_t k = net.depth(); k >= 1; --k) {
            for (std::size_t j = 0; j < net.layers[k].size; ++j)
                emit([&](JsonWriter& w) { deltaEvent(w, net, ws, factors, sample, s, k, j); });
            gradientEvents(emit, net, ws, factors, s, k - 1);
        }
    }
    if (!variant.outputFirst) update(net, ws, rule);  // output-first has updated each layer in the backward pass
    requireFinite(ws, net, position.epoch);
    updateEvents(emit, before, net, ws, doc.learningRate, doc.trainBiases);
    for (std::size_t s = first; s < end; ++s)
        emit([&](JsonWriter& w) { resultEvent(w, net, ws, factors, doc.samples[s], s); });
    std::string footer;
    JsonWriter f(footer);
    f.beginObject().key("meanError").number(errorSum / static_cast<double>(end - first)).endObject();
    sink.footer(footer);
    advance(doc, position);
}

}  // namespace

void traceStep(Document& doc, Position& position, TraceSink& sink, const Variant& variant) {
    const Network before = doc.network;
    const Position at = position;
    const bool trainBiases = doc.trainBiases;
    const std::size_t batchSize = doc.batchSize;
    applyVariant(variant, doc, position);
    try {
        traceVariantStep(doc, position, sink, variant, before);
    } catch (...) {
        doc.network = before;
        doc.trainBiases = trainBiases;
        doc.batchSize = batchSize;
        position = at;
        throw;
    }
}

ojson traceStep(Document& doc, Position& position, const Variant& variant) {
    CollectingSink sink;
    traceStep(doc, position, sink, variant);
    return std::move(sink.trace);
}

std::string traceStepText(Document& doc, Position& position, const Variant& variant) {
    TextSink sink;
    traceStep(doc, position, sink, variant);
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
