#include "trace.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include "limits.hpp"
#include "trace_encoders.hpp"

namespace backstep {
using namespace trace_encoding;
namespace {

using ojson = nlohmann::ordered_json;

// One neuron reference {name, neuron, value} of the input event.
template <class W>
void namedValue(W& w, std::size_t k, std::size_t neuron, double value) {
    w.beginObject().key(Word::name).neuron(k, neuron).key(Word::neuron).whole(neuron);
    w.key(Word::value).number(value).endObject();
}

template <class W>
void inputEvent(W& w, const Network& net, const Sample& sample, std::size_t s) {
    w.beginObject().key(Word::kind).word(Word::input).key(Word::sample).whole(s);
    w.key(Word::inputs).beginArray();
    for (std::size_t i = 0; i < net.inputs(); ++i) namedValue(w, 0, i, sample.input[i]);
    w.endArray().key(Word::targets).beginArray();
    for (std::size_t j = 0; j < net.outputs(); ++j) namedValue(w, net.depth(), j, sample.target[j]);
    w.endArray().endObject();
}

// Every number of an event is one the passes computed: a value of the workspace or a factor they recorded.
template <class W>
void forwardEvent(W& w, const Network& net, const Workspace& ws, const Factors& f, std::size_t s, std::size_t l,
                  std::size_t j) {
    const Layer& layer = net.layers[l + 1];
    w.beginObject().key(Word::kind).word(Word::forward).key(Word::sample).whole(s).key(Word::layer).whole(l + 1);
    w.key(Word::neuron).whole(j).key(Word::name).neuron(l + 1, j);
    w.key(Word::terms).beginArray();
    for (std::size_t i = 0; i < net.layers[l].size; ++i) {
        w.beginObject().key(Word::weight).weight(l, j, i).key(Word::source).neuron(l, i);
        w.key(Word::sourceNeuron).whole(i).key(Word::w).number(net.weight(l, j, i)).key(Word::a).number(ws.a[l][i]);
        w.key(Word::product).number(f.products[l][j * net.layers[l].size + i]).endObject();
    }
    w.endArray().key(Word::bias);
    if (layer.bias)
        w.beginObject().key(Word::name).bias(l, j).key(Word::value).number(net.biases[l][j]).endObject();
    else
        w.null();
    w.key(Word::z).number(ws.z[l + 1][j]).key(Word::activation).activation(layer.activation);
    w.key(Word::a).number(ws.a[l + 1][j]).endObject();
}

template <class W>
void errorEvent(W& w, const Network& net, const Workspace& ws, const Factors& f, const Sample& sample, std::size_t s) {
    const std::size_t last = net.depth();
    w.beginObject().key(Word::kind).word(Word::error).key(Word::sample).whole(s).key(Word::outputs).beginArray();
    for (std::size_t j = 0; j < net.outputs(); ++j) {
        w.beginObject().key(Word::name).neuron(last, j).key(Word::neuron).whole(j);
        w.key(Word::prediction).number(ws.a[last][j]).key(Word::target).number(sample.target[j]);
        w.key(Word::difference).number(f.differences[j]).key(Word::error).number(f.errors[j]).endObject();
    }
    w.endArray().key(Word::total).number(ws.error).endObject();
}

template <class W>
void deltaEvent(W& w, const Network& net, const Workspace& ws, const Factors& f, const Sample& sample, std::size_t s,
                std::size_t k, std::size_t j) {
    const Layer& layer = net.layers[k];
    const bool output = k == net.depth();
    w.beginObject().key(Word::kind).word(Word::delta).key(Word::sample).whole(s).key(Word::layer).whole(k);
    w.key(Word::neuron).whole(j).key(Word::name).neuron(k, j).key(Word::output).boolean(output);
    w.key(Word::activation).activation(layer.activation);
    w.key(Word::z).number(ws.z[k][j]).key(Word::a).number(ws.a[k][j]);
    if (output) {
        w.key(Word::target).number(sample.target[j]).key(Word::difference).number(f.differences[j]);
    } else {
        w.key(Word::terms).beginArray();
        for (std::size_t m = 0; m < net.layers[k + 1].size; ++m) {
            w.beginObject().key(Word::weight).weight(k, m, j).key(Word::dest).neuron(k + 1, m);
            w.key(Word::destNeuron).whole(m).key(Word::w).number(net.weight(k, m, j));
            w.key(Word::delta).number(ws.delta[k + 1][m]);
            w.key(Word::product).number(f.backProducts[k][m * layer.size + j]).endObject();
        }
        w.endArray().key(Word::sum).number(f.backSums[k][j]);
    }
    w.key(Word::derivative).number(f.derivatives[k][j]).key(Word::delta).number(ws.delta[k][j]).endObject();
}

template <class Encoder>
void gradientEvents(Encoder& enc, const Network& net, const Workspace& ws, const Factors& f, std::size_t s,
                    std::size_t l) {
    for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
        const double d = ws.delta[l + 1][j];
        for (std::size_t i = 0; i < net.layers[l].size; ++i)
            enc.event([&](auto& w) {
                w.beginObject().key(Word::kind).word(Word::gradient).key(Word::sample).whole(s);
                w.key(Word::parameter).weight(l, j, i).key(Word::type).word(Word::weight);
                w.key(Word::layer).whole(l).key(Word::dest).whole(j).key(Word::source).whole(i);
                w.key(Word::destName).neuron(l + 1, j).key(Word::sourceName).neuron(l, i);
                w.key(Word::delta).number(d).key(Word::a).number(ws.a[l][i]);
                w.key(Word::gradient).number(f.gradients[l][j * net.layers[l].size + i]).endObject();
            });
        if (net.layers[l + 1].bias)
            enc.event([&](auto& w) {
                w.beginObject().key(Word::kind).word(Word::gradient).key(Word::sample).whole(s);
                w.key(Word::parameter).bias(l, j).key(Word::type).word(Word::bias);
                w.key(Word::layer).whole(l).key(Word::dest).whole(j).key(Word::destName).neuron(l + 1, j);
                w.key(Word::delta).number(d).key(Word::gradient).number(d).endObject();
            });
    }
}

// The mean gradients are update()'s own (it leaves them in the workspace).
template <class Encoder>
void updateEvents(Encoder& enc, const Network& before, const Network& after, const Workspace& means, double eta,
                  bool trainBiases) {
    for (std::size_t l = 0; l < before.depth(); ++l) {
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            for (std::size_t i = 0; i < before.layers[l].size; ++i) {
                const std::size_t at = j * before.layers[l].size + i;
                enc.event([&](auto& w) {
                    w.beginObject().key(Word::kind).word(Word::update).key(Word::parameter).weight(l, j, i);
                    w.key(Word::type).word(Word::weight).key(Word::layer).whole(l).key(Word::dest).whole(j);
                    w.key(Word::source).whole(i);
                    w.key(Word::old).number(before.weights[l][at]).key(Word::gradient).number(means.gradW[l][at]);
                    w.key(Word::learningRate).number(eta).key(Word::new_).number(after.weights[l][at]).endObject();
                });
            }
    }
    for (std::size_t l = 0; l < before.depth(); ++l) {  // every weight first, then every trained bias (TRACE.md)
        if (!trainBiases || !before.layers[l + 1].bias) continue;
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            enc.event([&](auto& w) {
                w.beginObject().key(Word::kind).word(Word::update).key(Word::parameter).bias(l, j);
                w.key(Word::type).word(Word::bias).key(Word::layer).whole(l).key(Word::dest).whole(j);
                w.key(Word::old).number(before.biases[l][j]).key(Word::gradient).number(means.gradB[l][j]);
                w.key(Word::learningRate).number(eta).key(Word::new_).number(after.biases[l][j]).endObject();
            });
    }
}

// null where the new parameters overflow on this sample: the step itself is done; the next step to compute it diverges.
template <class W>
void finiteOrNull(W& w, double x) {
    if (std::isfinite(x))
        w.number(x);
    else
        w.null();
}

// The forward pass and error with the new parameters, rounded as the step's own values are (factors' rounding).
template <class W>
void resultEvent(W& w, const Network& net, Workspace& ws, Factors& factors, const Sample& sample, std::size_t s) {
    forward(net, sample.input.data(), ws, factors);
    w.beginObject().key(Word::kind).word(Word::result).key(Word::sample).whole(s).key(Word::prediction).beginArray();
    for (double y : ws.a.back()) finiteOrNull(w, y);
    w.endArray().key(Word::error);
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
template <class Encoder>
void traceVariantStep(Document& doc, Position& position, Encoder& enc, const Variant& variant, const Network& before) {
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
    enc.header([&](auto& h) {
        h.key(Word::format).word(Word::traceFormat).key(Word::epoch).whole(position.epoch);
        h.key(Word::step).whole(position.step).key(Word::samples).beginArray();
        for (std::size_t s = first; s < end; ++s) h.whole(s);
        h.endArray().key(Word::batchSize).whole(end - first).key(Word::learningRate).number(doc.learningRate);
        if (!variant.standard()) {
            h.key(Word::variant).beginArray();
            for (const std::string& name : names(variant)) h.string(name);
            h.endArray();
        }
    });
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
        enc.event([&](auto& w) { inputEvent(w, net, sample, s); });
        // The forward pass used the parameters of the start (`before`); each hidden delta used the weights as they
        // are in `net` now: the old ones, or in the output-first variant the new ones.
        for (std::size_t l = 0; l < net.depth(); ++l)
            for (std::size_t j = 0; j < net.layers[l + 1].size; ++j)
                enc.event([&](auto& w) { forwardEvent(w, before, ws, factors, s, l, j); });
        enc.event([&](auto& w) { errorEvent(w, net, ws, factors, sample, s); });
        for (std::size_t k = net.depth(); k >= 1; --k) {
            for (std::size_t j = 0; j < net.layers[k].size; ++j)
                enc.event([&](auto& w) { deltaEvent(w, net, ws, factors, sample, s, k, j); });
            gradientEvents(enc, net, ws, factors, s, k - 1);
        }
    }
    if (!variant.outputFirst) update(net, ws, rule);  // output-first has updated each layer in the backward pass
    requireFinite(ws, net, position.epoch);
    updateEvents(enc, before, net, ws, doc.learningRate, doc.trainBiases);
    for (std::size_t s = first; s < end; ++s)
        enc.event([&](auto& w) { resultEvent(w, net, ws, factors, doc.samples[s], s); });
    enc.footer([&](auto& f) { f.key(Word::meanError).number(errorSum / static_cast<double>(end - first)); });
    advance(doc, position);
}

// traceStep() with either encoder: on a refusal, `doc` and `position` are as they were.
template <class Encoder>
void traceWith(Document& doc, Position& position, Encoder& enc, const Variant& variant) {
    const Network before = doc.network;
    const Position at = position;
    const bool trainBiases = doc.trainBiases;
    const std::size_t batchSize = doc.batchSize;
    applyVariant(variant, doc, position);
    try {
        traceVariantStep(doc, position, enc, variant, before);
    } catch (...) {
        doc.network = before;
        doc.trainBiases = trainBiases;
        doc.batchSize = batchSize;
        position = at;
        throw;
    }
}

}  // namespace

void traceStep(Document& doc, Position& position, TraceSink& sink, const Variant& variant) {
    JsonEncoder enc(sink, doc.network);
    traceWith(doc, position, enc, variant);
}

void traceStepBinary(Document& doc, Position& position, TraceBinary& out, const Variant& variant) {
    out.codes.clear();
    out.numbers.clear();
    out.extraStrings.clear();
    const Count events = traceEventCount(doc, position);
    if (events <= limits::maxTraceEvents) {  // room for the codes and numbers at once (about: a variant may differ;
                                             // the encoder grows them if they fill)
        const Count batch = batchEnd(doc, position) - position.sample;
        const Count perTerm = batch * 2 * weightCount(doc.network);  // forward and delta terms
        out.codes.resize(events * 30 + perTerm * 14 + 64);
        out.numbers.resize(events * 8 + perTerm * 4 + 16);
    }
    BinaryEncoder enc(out, doc.network);
    traceWith(doc, position, enc, variant);
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

std::string traceStrings(const Network& net) {
    ojson table = ojson::array();
    for (std::string_view word : wordTexts) table.push_back(std::string(word));
    for (std::size_t f = 0; f < activationCount; ++f) table.push_back(activationName(static_cast<Activation>(f)));
    for (std::size_t k = 0; k < net.layers.size(); ++k)
        for (std::size_t j = 0; j < net.layers[k].size; ++j) table.push_back(neuronName(net, k, j));
    for (std::size_t l = 0; l < net.depth(); ++l)
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j)
            for (std::size_t i = 0; i < net.layers[l].size; ++i) table.push_back(weightName(net, l, j, i));
    for (std::size_t l = 0; l < net.depth(); ++l)
        if (net.layers[l + 1].bias)
            for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) table.push_back(biasName(net, l, j));
    return table.dump();
}

}  // namespace backstep
