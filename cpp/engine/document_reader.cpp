// The one validator: JSON text → Document, or a one-line message naming the first fault by JSON path.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "document.hpp"
#include "limits.hpp"

namespace backstep {
namespace {

using json = nlohmann::json;

// A JSON path of at most about 120 bytes: its start and its end, so the reason after it is never cut off.
std::string shortPath(const std::string& path) {
    constexpr std::size_t head = 40, tail = 70;
    if (path.size() <= head + tail + 10) return path;
    std::size_t from = path.size() - tail;
    while (from < path.size() && (static_cast<unsigned char>(path[from]) & 0xC0) == 0x80) ++from;  // a character start
    std::size_t to = head;
    while (to > 0 && (static_cast<unsigned char>(path[to]) & 0xC0) == 0x80) --to;
    return path.substr(0, to) + "…" + path.substr(from);
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw EngineError(shortPath(path) + ": " + what);
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

std::string describe(const json& v) {
    switch (v.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return v.get<bool>() ? "true" : "false";
        case json::value_t::string: {
            return "the string \"" + quote(excerpt(v.get<std::string>(), 20)) + "\"";
        }
        case json::value_t::array:
            return "an array of " + plural(v.size(), "item");
        case json::value_t::object:
            return "an object";
        case json::value_t::number_float: {
            const double x = v.get<double>();
            if (!std::isfinite(x)) return "a number too large for a double";
            return "the number " + v.dump();
        }
        default:
            return "the number " + v.dump();
    }
}

const json* field(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

const json& required(const json& obj, const char* key, const std::string& where) {
    const json* v = field(obj, key);
    if (!v) fail(where, std::string("missing required field \"") + key + "\"");
    return *v;
}

std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }
std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

double finiteNumber(const json& v, const std::string& path) {
    if (!v.is_number()) fail(path, "expected a number, got " + describe(v));
    const double x = v.get<double>();
    if (!std::isfinite(x)) fail(path, "expected a finite number, got " + describe(v));
    return x;
}

bool boolean(const json& v, const std::string& path) {
    if (!v.is_boolean()) fail(path, "expected true or false, got " + describe(v));
    return v.get<bool>();
}

std::size_t count(const json& v, const std::string& path, std::size_t low, std::size_t high, const char* limitName) {
    const bool integral = v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                                    std::floor(v.get<double>()) == v.get<double>());
    if (!integral) fail(path, "expected an integer, got " + describe(v));
    const double x = v.get<double>();
    if (x < static_cast<double>(low)) fail(path, "expected an integer ≥ " + std::to_string(low) + ", got " + v.dump());
    if (x > static_cast<double>(high))
        fail(path, std::string("expected at most ") + std::to_string(high) + " (" + limitName + "), got " + v.dump());
    return static_cast<std::size_t>(x);
}

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string text(const json& v, const std::string& path, std::size_t maxLength) {
    if (!v.is_string()) fail(path, "expected a string, got " + describe(v));
    std::string s = v.get<std::string>();
    if (codePoints(s) > maxLength)
        fail(path,
             "expected at most " + std::to_string(maxLength) + " characters, got " + std::to_string(codePoints(s)));
    for (unsigned char c : s)
        if (c < 0x20) fail(path, "control characters are not allowed");
    return s;
}

const json& array(const json& v, const std::string& path) {
    if (!v.is_array()) fail(path, "expected an array, got " + describe(v));
    return v;
}

const json& object(const json& v, const std::string& path) {
    if (!v.is_object()) fail(path, "expected an object, got " + describe(v));
    return v;
}

// An array of exactly n finite numbers; `why` explains n, e.g. "layer 1 has 2 neurons".
void numbers(const json& v, const std::string& path, std::size_t n, const std::string& why, double* out) {
    array(v, path);
    if (v.size() != n)
        fail(path, "expected " + plural(n, "number") + " (" + why + "), got " + std::to_string(v.size()));
    for (std::size_t i = 0; i < n; ++i) out[i] = finiteNumber(v[i], at(path, i));
}

std::string neurons(std::size_t layer, std::size_t size) {
    return "layer " + std::to_string(layer) + " has " + plural(size, "neuron");
}

void readFormat(const json& doc) {
    const json& f = required(doc, "format", "document");
    if (!f.is_string()) fail("format", "expected \"backstep/1\", got " + describe(f));
    if (f.get<std::string>() != "backstep/1")
        fail("format", "this engine reads \"backstep/1\"; the document is \"" + text(f, "format", 40) + "\"");
}

Layer readLayer(const json& v, std::size_t k) {
    const std::string path = at("layers", k);
    object(v, path);
    Layer layer;
    layer.size = count(required(v, "size", path), join(path, "size"), 1, limits::maxNeuronsPerLayer,
                       "the limit of neurons per layer");
    if (const json* name = field(v, "name")) {
        layer.name = text(*name, join(path, "name"), limits::maxNameLength);
        if (layer.name.empty()) fail(join(path, "name"), "expected a non-empty string");
    }
    if (k == 0) {
        if (field(v, "activation")) fail(join(path, "activation"), "the input layer has no activation");
        if (field(v, "bias")) fail(join(path, "bias"), "the input layer has no bias");
        return layer;
    }
    const json& act = required(v, "activation", path);
    const std::string actPath = join(path, "activation");
    if (!act.is_string()) fail(actPath, "expected \"linear\", \"sigmoid\", \"tanh\" or \"relu\", got " + describe(act));
    auto f = activationFromName(act.get<std::string>());
    if (!f) fail(actPath, "expected \"linear\", \"sigmoid\", \"tanh\" or \"relu\", got " + describe(act));
    layer.activation = *f;
    if (const json* bias = field(v, "bias")) layer.bias = boolean(*bias, join(path, "bias"));
    return layer;
}

void readLayers(const json& doc, Network& net) {
    const json& v = array(required(doc, "layers", "document"), "layers");
    if (v.size() < 2) fail("layers", "expected at least 2 layers (input and output), got " + std::to_string(v.size()));
    if (v.size() > limits::maxLayers)
        fail("layers", "expected at most " + std::to_string(limits::maxLayers) + " layers (the limit), got " +
                           std::to_string(v.size()));
    for (std::size_t k = 0; k < v.size(); ++k) net.layers.push_back(readLayer(v[k], k));
    shapeParameters(net);
}

void readWeights(const json& doc, Network& net) {
    const json& v = array(required(doc, "weights", "document"), "weights");
    if (v.size() != net.depth())
        fail("weights", "expected " + plural(net.depth(), "array") + " (one per layer after the input), got " +
                            std::to_string(v.size()));
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const std::string path = at("weights", l);
        const json& rows = array(v[l], path);
        const std::size_t n = net.layers[l + 1].size;
        if (rows.size() != n)
            fail(path,
                 "expected " + plural(n, "row") + " (" + neurons(l + 1, n) + "), got " + std::to_string(rows.size()));
        for (std::size_t j = 0; j < n; ++j)
            numbers(rows[j], at(path, j), net.layers[l].size, neurons(l, net.layers[l].size), &net.weight(l, j, 0));
    }
}

void readBiases(const json& doc, Network& net) {
    const json* v = field(doc, "biases");
    if (!v) return;
    array(*v, "biases");
    if (v->size() != net.depth())
        fail("biases", "expected " + plural(net.depth(), "array") + " (one per layer after the input), got " +
                           std::to_string(v->size()));
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const std::string path = at("biases", l);
        numbers((*v)[l], path, net.layers[l + 1].size, neurons(l + 1, net.layers[l + 1].size), net.biases[l].data());
        if (net.layers[l + 1].bias) continue;
        for (std::size_t j = 0; j < net.biases[l].size(); ++j)
            if (net.biases[l][j] != 0.0)
                fail(at(path, j), "layer " + std::to_string(l + 1) +
                                      " has no bias (\"bias\": false), so expected 0, got " + (*v)[l][j].dump());
    }
}

void readSamples(const json& doc, Document& out) {
    const json& v = array(required(doc, "samples", "document"), "samples");
    if (v.empty()) fail("samples", "expected at least 1 sample");
    if (v.size() > limits::maxSamples)
        fail("samples", "expected at most " + std::to_string(limits::maxSamples) + " samples (the limit), got " +
                            std::to_string(v.size()));
    const Network& net = out.network;
    out.samples.resize(v.size());
    for (std::size_t s = 0; s < v.size(); ++s) {
        const std::string path = at("samples", s);
        object(v[s], path);
        Sample& sample = out.samples[s];
        sample.input.resize(net.inputs());
        sample.target.resize(net.outputs());
        numbers(required(v[s], "input", path), join(path, "input"), net.inputs(), neurons(0, net.inputs()),
                sample.input.data());
        numbers(required(v[s], "target", path), join(path, "target"), net.outputs(),
                neurons(net.depth(), net.outputs()), sample.target.data());
    }
}

void readSettings(const json& doc, Document& out) {
    if (const json* t = field(doc, "trainBiases")) out.trainBiases = boolean(*t, "trainBiases");
    if (const json* loss = field(doc, "loss"))
        if (!loss->is_string() || loss->get<std::string>() != "half-squared-error")
            fail("loss", "expected \"half-squared-error\", got " + describe(*loss));
    const json& rate = required(doc, "learningRate", "document");
    out.learningRate = finiteNumber(rate, "learningRate");
    if (out.learningRate <= 0.0) fail("learningRate", "expected a number > 0, got " + rate.dump());
}

void readBatchSize(const json& doc, Document& out) {
    if (const json* b = field(doc, "batchSize"))
        out.batchSize = count(*b, "batchSize", 1, limits::maxSamples, "the limit");  // > samples: one batch of them all
}

void keepExtraFields(json& doc, Document& out) {
    static const char* known[] = {"format",      "title", "layers",       "weights",   "biases",
                                  "trainBiases", "loss",  "learningRate", "batchSize", "samples"};
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        bool isKnown = false;
        for (const char* k : known) isKnown = isKnown || it.key() == k;
        if (!isKnown) out.extraFields[it.key()] = std::move(it.value());  // the last use of doc
    }
}

std::string parseErrorText(const std::string& what) {
    const std::string marker = "parse error ";
    auto p = what.find(marker);
    return "document: invalid JSON " + (p == std::string::npos ? what : what.substr(p + marker.size()));
}

// A first pass over the text that builds nothing: it refuses repeated keys, nesting deeper than limits::maxNesting
// (copying or writing such a value recurses once per level) and names the JSON path of a number
// too large for a double (which the parser refuses before any value exists to check).
class Scan : public json::json_sax_t {
    struct Level {
        bool array;
        std::size_t index;
        std::string key;
        std::set<std::string> keys;  // an object's keys so far: a repeated key is refused, not silently overwritten
    };
    std::vector<Level> open_;

    std::string path() const {
        std::string p;
        for (const Level& l : open_)
            p = l.array ? at(p.empty() ? "document" : p, l.index) : join(p, quote(excerpt(l.key, 40)).c_str());
        return p.empty() ? "document" : p;
    }
    bool value() {
        if (!open_.empty() && open_.back().array) ++open_.back().index;
        return true;
    }
    bool enter(bool isArray) {
        if (open_.size() >= limits::maxNesting)
            fail(path(),
                 "arrays and objects nested deeper than " + std::to_string(limits::maxNesting) + " levels (the limit)");
        open_.push_back({isArray, 0, "", {}});
        return true;
    }
    bool leave() {
        open_.pop_back();
        return value();
    }

public:
    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return enter(false); }
    bool key(string_t& k) override {
        open_.back().key = k;
        if (!open_.back().keys.insert(k).second) fail(path(), "this key appears twice in the same object");
        return true;
    }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override { return enter(true); }
    bool end_array() override { return leave(); }
    bool parse_error(std::size_t, const std::string& token, const json::exception& e) override {
        if (e.id == 406)
            fail(path(), "expected a finite number, got " + quote(excerpt(token, 40)) + " (too large for a double)");
        throw EngineError(parseErrorText(e.what()));
    }
};

json parse(const std::string& source) {
    if (source.size() > limits::maxBytes)
        fail("document", "too large: " + std::to_string(source.size()) + " bytes, the limit is " +
                             std::to_string(limits::maxBytes));
    // nlohmann's lexer takes a NUL byte for the end of the input: the text after one would be ignored. JSON has none.
    if (const std::size_t nul = source.find('\0'); nul != std::string::npos) {
        const std::size_t lineStart = source.rfind('\n', nul);
        const auto line = 1 + std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
        const std::size_t column = lineStart == std::string::npos ? nul + 1 : nul - lineStart;
        throw EngineError("document: invalid JSON at line " + std::to_string(line) + ", column " +
                          std::to_string(column) + ": a NUL character, which JSON text cannot hold");
    }
    Scan scan;
    json::sax_parse(source, &scan);
    try {
        return json::parse(source);
    } catch (const json::exception& e) {  // the scan has refused every invalid text already
        throw EngineError(parseErrorText(e.what()));
    }
}

}  // namespace

Document readDocument(const std::string& source) {
    json doc = parse(source);
    object(doc, "document");
    Document out;
    readFormat(doc);
    if (const json* title = field(doc, "title")) out.title = text(*title, "title", limits::maxTitleLength);
    readLayers(doc, out.network);
    readWeights(doc, out.network);
    readBiases(doc, out.network);
    readSettings(doc, out);
    readSamples(doc, out);
    readBatchSize(doc, out);
    keepExtraFields(doc, out);
    const std::size_t written = writtenSizeBound(out);
    if (written > limits::maxBytes - 1)  // room for a final newline
        fail("document", "too large to train and write back: " + std::to_string(written) +
                             " bytes once every weight and bias takes full precision (" +
                             std::to_string(limits::maxNumberText) + " bytes each), the limit is " +
                             std::to_string(limits::maxBytes - 1) + " and a newline");
    return out;
}

}  // namespace backstep
