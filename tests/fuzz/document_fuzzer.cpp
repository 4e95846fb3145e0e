// libFuzzer target: the document reader, and for every document it accepts, what a Session then does with it
// (scripts/fuzz.sh builds and runs it). A finding is a crash, a sanitizer report, an exception other than
// EngineError, a refusal that changed the session, a bad message, or a written document that does not read back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "document.hpp"
#include "error.hpp"
#include "explain.hpp"
#include "session.hpp"
#include "trace.hpp"

using namespace backstep;

namespace {

// The work budgets of one input, far below the engine's own limits (which allow calls of many seconds): enough to
// reach every code path on small networks, small enough that libFuzzer's -timeout only catches real hangs.
constexpr Count maxEpochWork = 200000;  // samples × (parameters + neurons + 16), like limits::maxWork counts it
constexpr Count maxTrainWork = 400000;  // epochs × that
constexpr Count maxTraceEvents = 20000;
constexpr Count maxCheckWork = 2000000;  // gradientCheck: parameters × batch × (parameters + neurons)

[[noreturn]] void finding(const std::string& what) {
    std::fprintf(stderr, "\nFINDING: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

void requireValidUtf8(const std::string& text, const char* what) {
    try {
        (void)nlohmann::json(text).dump();  // the strict dump refuses bytes that are not UTF-8
    } catch (const nlohmann::json::exception&) {
        finding(std::string(what) + " is not valid UTF-8");
    }
}

// Every result of the Session is JSON text.
void requireJson(const std::string& text, const char* what) {
    if (!nlohmann::json::accept(text)) finding(std::string(what) + " returned text that is not JSON: " + text);
}

// The documented message rule: one non-empty line of valid UTF-8, at most 400 bytes.
void checkMessage(const std::string& message, const std::string& call) {
    if (message.empty() || message.size() > 400)
        finding(call + ": message of " + std::to_string(message.size()) + " bytes");
    for (unsigned char c : message)
        if (c < 0x20 || c == 0x7F) finding(call + ": control character in message: " + message);
    requireValidUtf8(message, "a message");
}

// What the writer prints must read back, and read back to the same text (indented and compact).
void checkRoundTrip(const Session& session, const std::string& after) {
    for (int indent : {2, 0}) {
        const std::string written = session.document(indent);
        std::string again;
        try {
            again = Session(written).document(indent);
        } catch (const EngineError& e) {
            finding("after " + after + ", the written document is refused: " + e.what() + "\n" + written);
        }
        if (again != written) finding("after " + after + ", the written document reads back different:\n" + written);
    }
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// The same document, bit for bit (0 and -0 differ); trainBiases counts only where a layer has a bias.
bool sameDocument(const Document& a, const Document& b) {
    const Network &m = a.network, &n = b.network;
    bool same = a.title == b.title && a.batchSize == b.batchSize && a.extraFields == b.extraFields &&
                sameBits({a.learningRate}, {b.learningRate}) && m.layers.size() == n.layers.size() &&
                (biasCount(m) == 0 || a.trainBiases == b.trainBiases) && a.samples.size() == b.samples.size();
    for (std::size_t k = 0; same && k < m.layers.size(); ++k) {
        const Layer &x = m.layers[k], &y = n.layers[k];
        same = x.size == y.size && x.name == y.name && (k == 0 || (x.activation == y.activation && x.bias == y.bias));
    }
    for (std::size_t l = 0; same && l < m.depth(); ++l)
        same = sameBits(m.weights[l], n.weights[l]) && sameBits(m.biases[l], n.biases[l]);
    for (std::size_t s = 0; same && s < a.samples.size(); ++s)
        same = sameBits(a.samples[s].input, b.samples[s].input) && sameBits(a.samples[s].target, b.samples[s].target);
    return same;
}

// Runs one call; a refusal must be an EngineError with a clean message that leaves the session as it was
// (unless `mayMove`: the page's training keeps the last finite weights on a divergence).
bool attempt(Session& session, const std::string& call, const std::function<void()>& f, bool mayMove = false) {
    const std::string document = session.document(0), position = session.position();
    try {
        f();
    } catch (const EngineError& e) {
        checkMessage(e.what(), call);
        if (!mayMove && (session.document(0) != document || session.position() != position))
            finding(call + " was refused (" + e.what() + ") but changed the session");
        return false;
    } catch (const std::exception& e) {
        finding(call + " threw something other than EngineError: " + e.what());
    } catch (...) {
        finding(call + " threw something other than a std::exception");
    }
    checkRoundTrip(session, call);
    return true;
}

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    return h;
}

// Work of one epoch of `doc`, as limits::maxWork counts it.
Count epochWork(const Document& doc) {
    const Network& net = doc.network;
    return doc.samples.size() * (weightCount(net) + biasCount(net) + neuronCount(net) + 16);
}

// Each call, with arguments derived from the input's hash so that the fuzzer varies them too.
void exercise(Session& session, const std::string& source) {
    std::uint64_t h = fnv1a(source);
    const auto pick = [&h](std::uint64_t n) {
        const std::uint64_t r = h % n;
        h = h / n ^ (h << 29 | h >> 35);  // the next choice uses other bits
        return r;
    };
    const auto doc = [&session] { return readDocument(session.document(0)); };  // the session's document now
    const auto position = [&session] {
        const auto p = nlohmann::json::parse(session.position());
        return Position{p["epoch"].get<Count>(), p["sample"].get<std::size_t>(), p["step"].get<Count>()};
    };
    const auto cheap = [&] {
        const Document d = doc();
        return epochWork(d) <= maxEpochWork;
    };

    attempt(session, "labels", [&] { requireJson(session.labels(), "labels"); });
    const Count epochs = 1 + pick(3);
    if (epochWork(doc()) * epochs <= maxTrainWork) attempt(session, "train", [&] { session.train(epochs); });
    const auto traceable = [&] {
        const Document d = doc();
        if (traceEventCount(d, position()) > maxTraceEvents) return false;
        const Network& net = d.network;
        const Count parameters = weightCount(net) + biasCount(net), batch = std::min(d.batchSize, d.samples.size());
        return parameters * batch * (parameters + neuronCount(net)) <= maxCheckWork;
    };
    if (traceable()) {
        attempt(session, "explain", [&] {
            requireValidUtf8(session.explain(pick(2) ? ExplainFormat::Latex : ExplainFormat::Markdown,
                                             static_cast<int>(pick(18)) - 1),
                             "explain");
        });
        attempt(session, "gradientCheck", [&] { requireJson(session.gradientCheck(), "gradientCheck"); });
        // The trace has exactly the events counted before the step (the limit on events relies on it).
        const Count events = traceEventCount(doc(), position());
        attempt(session, "step", [&] {
            const std::string trace = session.step();
            requireJson(trace, "step");
            if (nlohmann::json::parse(trace)["events"].size() != events)
                finding("the trace does not have the " + std::to_string(events) + " events traceEventCount gives");
        });
    }
    const Count curveEpochs = epochWork(doc()) * 4 <= maxTrainWork ? 4 : 1;
    if (cheap()) {
        const double stopBelow = pick(4) == 0 ? -1.0 : static_cast<double>(pick(1000)) / 1000.0;
        const bool forPage = pick(2);
        attempt(
            session, "trainCurve",
            [&] { requireJson(session.trainCurve(curveEpochs, stopBelow, pick(3), forPage), "trainCurve"); }, forPage);
    }
    // Restoring the session's own document and position is always accepted.
    const std::string document = session.document();
    const Position at = position();
    if (!attempt(session, "restore", [&] { session.restore(document, at.epoch, at.sample, at.step); }))
        finding("restore of the session's own document and position was refused");

    static const char* const schemes[] = {"uniform", "xavier", "he", "zeros", "normal"};
    static const double ranges[] = {0.5, 1e-300, 1e300, 0.0, -1.0};
    attempt(session, "initialize", [&] { session.initialize(schemes[pick(5)], h, ranges[pick(5)]); });

    static const char* const edits[] = {"addLayer",   "removeLayer", "addNeuron", "removeNeuron",
                                        "activation", "bias",        "rename"};
    static const char* const activations[] = {"linear", "sigmoid", "tanh", "relu", "softmax"};
    for (int k = 0; k < 2; ++k) {
        const std::size_t layers = doc().network.layers.size();
        // Mostly small arguments, sometimes out of range: a layer past the last, a neuron index or size up to 299.
        const std::size_t layer = pick(layers + 1), index = pick(4) == 0 ? pick(300) : pick(10);
        attempt(session, "editShape",
                [&] { session.editShape(edits[pick(7)], layer, index, activations[pick(5)], pick(2)); });
    }
    if (cheap() && traceable()) attempt(session, "step after the edits", [&] { session.step(); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string source(reinterpret_cast<const char*>(data), size);
    try {
        readDocument(source);
    } catch (const EngineError& e) {
        checkMessage(e.what(), "readDocument");
        return 0;
    } catch (const std::exception& e) {
        finding(std::string("readDocument threw something other than EngineError: ") + e.what());
    }
    // An accepted document: the session takes it, and the writer's text reads back.
    std::optional<Session> session;
    try {
        session.emplace(source);
    } catch (const std::exception& e) {
        finding(std::string("the reader accepts the document but Session refuses it: ") + e.what());
    }
    checkRoundTrip(*session, "load");
    if (!sameDocument(readDocument(source), readDocument(session->document())))
        finding("the written document lost or changed something of the one read:\n" + session->document());
    exercise(*session, source);
    return 0;
}
