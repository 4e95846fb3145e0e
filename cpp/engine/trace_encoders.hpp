// The trace's two encoders (used by trace.cpp only): the words of the format, JsonOut and JsonEncoder (compact JSON
// text, through a TraceSink) and BinaryEncoder (codes and doubles, TraceBinary). trace.cpp writes each event once, as
// a template over either encoder.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "activation.hpp"
#include "json_number.hpp"
#include "json_writer.hpp"
#include "limits.hpp"
#include "network.hpp"
#include "trace.hpp"

namespace backstep::trace_encoding {

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

inline std::string weightName(const Network& net, std::size_t l, std::size_t j, std::size_t i) {
    return "w" + std::to_string(weightNumber(net, l, j, i));
}
inline std::string biasName(const Network& net, std::size_t l, std::size_t j) {
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

}  // namespace backstep::trace_encoding
