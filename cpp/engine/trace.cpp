#include "trace.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include "json_number.hpp"
#include "json_writer.hpp"
#include "limits.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

// Every key and fixed string value of the format, in the order of the string table (traceStrings).
// clang-format off
#define BACKSTEP_TRACE_WORDS(X)                                                                                 \
    X(format, "format") X(traceFormat, "backstep-trace/1") X(epoch, "epoch") X(step, "step")                    \
    X(samples, "samples") X(batchSize, "batchSize") X(learningRate, "learningRate") X(variant, "variant")       \
    X(events, "events") X(meanError, "meanError") X(kind, "kind") X(sample, "sample") X(input, "input")         \
    X(inputs, "inputs") X(targets, "targets") X(name, "name") X(neuron, "neuron") X(value, "value")             \
    X(forward, "forward") X(layer, "layer") X(terms, "terms") X(weight, "weight") X(source, "source")           \
    X(sourceNeuron, "sourceNeuron") X(w, "w") X(a, "a") X(product, "product") X(bias, "bias") X(z, "z")         \
    X(activation, "activation") X(error, "error") X(outputs, "outputs") X(prediction, "prediction")             \
    X(target, "target") X(difference, "difference") X(total, "total") X(delta, "delta") X(output, "output")     \
    X(dest, "dest") X(destNeuron, "destNeuron") X(sum, "sum") X(derivative, "derivative")                       \
    X(gradient, "gradient") X(parameter, "parameter") X(type, "type") X(destName, "destName")                   \
    X(sourceName, "sourceName") X(update, "update") X(old, "old") X(new_, "new") X(result, "result")
// clang-format on

#define BACKSTEP_WORD_ID(id, text) id,
#define BACKSTEP_WORD_TEXT(id, text) text,
enum class Word : std::uint32_t { BACKSTEP_TRACE_WORDS(BACKSTEP_WORD_ID) count };
constexpr std::string_view wordTexts[] = {BACKSTEP_TRACE_WORDS(BACKSTEP_WORD_TEXT)};
#undef BACKSTEP_WORD_ID
#undef BACKSTEP_WORD_TEXT
#undef BACKSTEP_TRACE_WORDS
static_assert(std::size(wordTexts) == static_cast<std::size_t>(Word::count));
constexpr std::string_view text(Word word) { return wordTexts[static_cast<std::size_t>(word)]; }
constexpr std::size_t activationCount = static_cast<std::size_t>(Activation::Relu) + 1;

std::string weightName(const Network& net, std::size_t l, std::size_t j, std::size_t i) {
    return "w" + std::to_string(weightNumber(net, l, j, i));
}
std::string biasName(const Network& net, std::size_t l, std::size_t j) {
    return "b" + std::to_string(biasNumber(net, l, j));
}

// The two encoders of the trace share this interface (the events below are written once, for both): JsonOut writes
// compact JSON text, BinaryEncoder codes and doubles (TraceBinary). Names are written as what they name, a neuron,
// weight or bias by its indices, so that the binary encoder refers to the string table without building the text.
class JsonOut {
public:
    JsonOut(std::string& out, const Network& net) : w_(out), net_(net) {}
    JsonOut& beginObject() { return with(w_.beginObject()); }
    JsonOut& endObject() { return with(w_.endObject()); }
    JsonOut& beginArray() { return with(w_.beginArray()); }
    JsonOut& endArray() { return with(w_.endArray()); }
    JsonOut& key(Word k) { return with(w_.key(text(k))); }
    JsonOut& word(Word k) { return with(w_.string(text(k))); }
    JsonOut& number(double x) { return with(w_.number(x)); }
    JsonOut& whole(std::uint64_t n) { return with(w_.whole(n)); }
    JsonOut& boolean(bool b) { return with(w_.boolean(b)); }
    JsonOut& null() { return with(w_.null()); }
    JsonOut& string(std::string_view s) { return with(w_.string(s)); }
    JsonOut& activation(Activation f) { return with(w_.string(activationName(f))); }
    JsonOut& neuron(std::size_t k, std::size_t j) { return with(w_.string(neuronName(net_, k, j))); }
    JsonOut& weight(std::size_t l, std::size_t j, std::size_t i) { return with(w_.string(weightName(net_, l, j, i))); }
    JsonOut& bias(std::size_t l, std::size_t j) { return with(w_.string(biasName(net_, l, j))); }

private:
    JsonOut& with(JsonWriter&) { return *this; }  // after a call on the writer: this, to go on with the chain
    JsonWriter w_;
    const Network& net_;
};

// Hands the sink the header, each event and the footer as JSON text, each written into a reused buffer.
class JsonEncoder {
public:
    JsonEncoder(TraceSink& sink, const Network& net) : sink_(sink), net_(net) {}
    template <class Write>
    void header(Write&& write) {
        sink_.header(object(write));
    }
    template <class Write>
    void event(Write&& write) {
        buffer_.clear();
        JsonOut w(buffer_, net_);
        write(w);
        sink_.event(buffer_);
    }
    template <class Write>
    void footer(Write&& write) {
        sink_.footer(object(write));
    }

private:
    template <class Write>
    const std::string& object(Write& write) {
        buffer_.clear();
        JsonOut w(buffer_, net_);
        w.beginObject();
        write(w);
        w.endObject();
        return buffer_;
    }
    TraceSink& sink_;
    const Network& net_;
    std::string buffer_;
};

// Inlined into the events: a call per code costs more than the code (Clang does not inline them on its own there).
#if defined(__GNUC__)
#define BACKSTEP_INLINE inline __attribute__((always_inline))
#else
#define BACKSTEP_INLINE inline
#endif

// The binary form: the trace object as codes, its numbers in order, its strings as indices into traceStrings(net).
// Codes and numbers are written through pointers into `out`'s vectors, sized ahead (traceStepBinary) and grown when
// full; the destructor trims them to what was written.
class BinaryEncoder {
public:
    BinaryEncoder(TraceBinary& out, const Network& net) : out_(out) {
        std::uint32_t at = static_cast<std::uint32_t>(Word::count) + activationCount;
        for (std::size_t k = 0; k < net.layers.size(); ++k) {
            neuronAt_[k] = at;
            at += static_cast<std::uint32_t>(net.layers[k].size);
            size_[k] = net.layers[k].size;
        }
        for (std::size_t l = 0; l < net.depth(); ++l) {
            weightAt_[l] = at;
            at += static_cast<std::uint32_t>(net.weights[l].size());
        }
        for (std::size_t l = 0; l < net.depth(); ++l) {
            biasAt_[l] = at;
            if (net.layers[l + 1].bias) at += static_cast<std::uint32_t>(net.layers[l + 1].size);
        }
        tableSize_ = at;
        growCodes(0);
        growNumbers(0);
    }
    ~BinaryEncoder() {
        out_.codes.resize(static_cast<std::size_t>(code_ - out_.codes.data()));
        out_.numbers.resize(static_cast<std::size_t>(number_ - out_.numbers.data()));
    }
    BinaryEncoder(const BinaryEncoder&) = delete;
    BinaryEncoder& operator=(const BinaryEncoder&) = delete;

    template <class Write>
    void header(Write&& write) {
        code(TraceBinary::beginObject);
        write(*this);
        key(Word::events).code(TraceBinary::beginArray);
    }
    template <class Write>
    void event(Write&& write) {
        write(*this);
    }
    template <class Write>
    void footer(Write&& write) {
        code(TraceBinary::endArray);
        write(*this);
        code(TraceBinary::endObject);
    }

    BACKSTEP_INLINE BinaryEncoder& beginObject() { return code(TraceBinary::beginObject); }
    BACKSTEP_INLINE BinaryEncoder& endObject() { return code(TraceBinary::endObject); }
    BACKSTEP_INLINE BinaryEncoder& beginArray() { return code(TraceBinary::beginArray); }
    BACKSTEP_INLINE BinaryEncoder& endArray() { return code(TraceBinary::endArray); }
    BACKSTEP_INLINE BinaryEncoder& key(Word k) { return entry(static_cast<std::uint32_t>(k)); }
    BACKSTEP_INLINE BinaryEncoder& word(Word k) { return entry(static_cast<std::uint32_t>(k)); }
    BACKSTEP_INLINE BinaryEncoder& number(double x) {
        if (!std::isfinite(x)) writtenAsInteger(x);  // refused as the JSON text refuses it
        if (number_ == numberEnd_) growNumbers(out_.numbers.size());
        *number_++ = x;
        return code(TraceBinary::number);
    }
    // As JSON.parse reads the integer's text (counts stay below 2^53: limits::maxStep).
    BACKSTEP_INLINE BinaryEncoder& whole(std::uint64_t n) { return number(static_cast<double>(n)); }
    BACKSTEP_INLINE BinaryEncoder& boolean(bool b) { return code(b ? TraceBinary::yes : TraceBinary::no); }
    BACKSTEP_INLINE BinaryEncoder& null() { return code(TraceBinary::null); }
    BinaryEncoder& string(std::string_view s) {
        out_.extraStrings.emplace_back(s);
        return entry(tableSize_ + static_cast<std::uint32_t>(out_.extraStrings.size() - 1));
    }
    BACKSTEP_INLINE BinaryEncoder& activation(Activation f) {
        return entry(static_cast<std::uint32_t>(Word::count) + static_cast<std::uint32_t>(f));
    }
    BACKSTEP_INLINE BinaryEncoder& neuron(std::size_t k, std::size_t j) {
        return entry(neuronAt_[k] + static_cast<std::uint32_t>(j));
    }
    BACKSTEP_INLINE BinaryEncoder& weight(std::size_t l, std::size_t j, std::size_t i) {
        return entry(weightAt_[l] + static_cast<std::uint32_t>(j * size_[l] + i));
    }
    BACKSTEP_INLINE BinaryEncoder& bias(std::size_t l, std::size_t j) {
        return entry(biasAt_[l] + static_cast<std::uint32_t>(j));
    }

private:
    BACKSTEP_INLINE BinaryEncoder& code(std::uint32_t c) {
        if (code_ == codeEnd_) growCodes(out_.codes.size());
        *code_++ = c;
        return *this;
    }
    BACKSTEP_INLINE BinaryEncoder& entry(std::uint32_t index) { return code(TraceBinary::string + index); }
    // Room for at least twice `used` codes (or numbers), the first `used` kept.
    void growCodes(std::size_t used) {
        out_.codes.resize(std::max<std::size_t>({out_.codes.size(), 2 * used, 256}));
        code_ = out_.codes.data() + used;
        codeEnd_ = out_.codes.data() + out_.codes.size();
    }
    void growNumbers(std::size_t used) {
        out_.numbers.resize(std::max<std::size_t>({out_.numbers.size(), 2 * used, 64}));
        number_ = out_.numbers.data() + used;
        numberEnd_ = out_.numbers.data() + out_.numbers.size();
    }

    TraceBinary& out_;
    std::uint32_t *code_ = nullptr, *codeEnd_ = nullptr;
    double *number_ = nullptr, *numberEnd_ = nullptr;
    std::array<std::uint32_t, limits::maxLayers> neuronAt_{}, weightAt_{}, biasAt_{};  // first index in the table
    std::array<std::size_t, limits::maxLayers> size_{};
    std::uint32_t tableSize_ = 0;
};

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
