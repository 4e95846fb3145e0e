// Invalid documents: each refused with its own one-line message naming the JSON path, and a session
// that is handed one keeps what it had.
#include <string>

#include "limits.hpp"
#include "session.hpp"
#include "test_support.hpp"

using nlohmann::json;

namespace {

// Valid: 2-2-1, sigmoid hidden layer with biases, linear output without; two samples.
const json base = json::parse(R"({
  "format": "backstep/1",
  "layers": [{"size": 2}, {"size": 2, "activation": "sigmoid", "bias": true}, {"size": 1, "activation": "linear", "bias": false}],
  "weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]],
  "biases": [[0.1, 0.2], [0]],
  "learningRate": 0.5,
  "batchSize": 1,
  "samples": [{"input": [1, 2], "target": [1]}, {"input": [0, 1], "target": [0]}]
})");

std::string with(const std::string& pointer, const json& value) {
    json doc = base;
    doc[json::json_pointer(pointer)] = value;
    return doc.dump();
}

std::string without(const std::string& pointer) {
    json doc = base;
    const json::json_pointer p(pointer);
    doc[p.parent_pointer()].erase(p.back());
    return doc.dump();
}

// The message readDocument refuses `text` with; "(accepted)" if it does not.
std::string refusal(const std::string& text) {
    try {
        backstep::readDocument(text);
    } catch (const backstep::EngineError& e) {
        const std::string message = e.what();
        CHECK(message.find('\n') == std::string::npos);
        CHECK(message.find('\r') == std::string::npos);
        return message;
    }
    return "(accepted)";
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

TEST_CASE("invalid documents: the base document is valid") { CHECK(refusal(base.dump()) == "(accepted)"); }

TEST_CASE("invalid documents: not JSON, or not an object") {
    const std::string text = base.dump();
    const std::string empty = refusal("");
    CHECK(startsWith(empty, "document: invalid JSON at line 1, column 1: "));
    CHECK(empty.find("unexpected end of input") != std::string::npos);
    CHECK(startsWith(refusal("   \n  "), "document: invalid JSON at line 2, column 3: "));

    const std::size_t cut = text.find("\"samples\"");  // just after a comma
    const std::string truncated = refusal(text.substr(0, cut));
    CHECK(startsWith(truncated, "document: invalid JSON at line 1, column " + std::to_string(cut + 1) + ": "));
    CHECK(truncated.find("unexpected end of input") != std::string::npos);
    CHECK(startsWith(refusal(text.substr(0, text.size() / 2)), "document: invalid JSON at line 1, column "));
    CHECK(startsWith(refusal(text.substr(0, text.size() - 1)), "document: invalid JSON at line 1"));

    const std::string malformed = refusal(R"({"format": "backstep/1",})");
    CHECK(startsWith(malformed, "document: invalid JSON at line 1, column 25: syntax error"));
    CHECK(
        startsWith(refusal("{\"format\": 'backstep/1'}"), "document: invalid JSON at line 1, column 12: syntax error"));
    CHECK(startsWith(refusal(text + " x"),
                     "document: invalid JSON at line 1, column " + std::to_string(text.size() + 2) + ": "));
    CHECK(startsWith(refusal("{\"title\": \"a\nb\"}"),
                     "document: invalid JSON at line 2, column 0: "));  // raw newline in a string

    CHECK(refusal("[]") == "document: expected an object, got an array of 0 items");
    CHECK(refusal("[1, 2]") == "document: expected an object, got an array of 2 items");
    CHECK(refusal("42") == "document: expected an object, got the number 42");
    CHECK(refusal("null") == "document: expected an object, got null");
    CHECK(refusal("\"backstep/1\"") == "document: expected an object, got the string \"backstep/1\"");
}

// Found by tests/wasm/property.test.mjs: the parser took a NUL byte for the end of the text, so a valid document
// followed by a NUL and anything at all was accepted.
TEST_CASE("invalid documents: a NUL byte is refused, not taken for the end of the text") {
    const std::string text = base.dump();
    const std::string nul(1, '\0');
    CHECK(refusal(text + nul) == "document: invalid JSON at line 1, column " + std::to_string(text.size() + 1) +
                                     ": a NUL character, which JSON text cannot hold");
    CHECK(refusal(text + nul + "]] anything") == refusal(text + nul));
    CHECK(refusal("{\n  \"format\": \"backstep/1\"" + nul + "}") ==
          "document: invalid JSON at line 2, column 25: a NUL character, which JSON text cannot hold");
    CHECK(refusal(nul) == "document: invalid JSON at line 1, column 1: a NUL character, which JSON text cannot hold");
}

TEST_CASE("invalid documents: format tag") {
    CHECK(refusal(without("/format")) == "document: missing required field \"format\"");
    CHECK(refusal(with("/format", "backstep/2")) ==
          "format: this engine reads \"backstep/1\"; the document is \"backstep/2\"");
    CHECK(refusal(with("/format", 1)) == "format: expected \"backstep/1\", got the number 1");
    CHECK(refusal(with("/format", nullptr)) == "format: expected \"backstep/1\", got null");
}

TEST_CASE("invalid documents: layers") {
    CHECK(refusal(without("/layers")) == "document: missing required field \"layers\"");
    CHECK(refusal(with("/layers", json::object())) == "layers: expected an array, got an object");
    CHECK(refusal(with("/layers", json::array({{{"size", 2}}}))) ==
          "layers: expected at least 2 layers (input and output), got 1");
    json many = json::array({{{"size", 1}}});
    for (int k = 0; k < 16; ++k) many.push_back({{"size", 1}, {"activation", "linear"}});
    CHECK(refusal(with("/layers", many)) == "layers: expected at most 16 layers (the limit), got 17");
    CHECK(refusal(with("/layers/1", 3)) == "layers[1]: expected an object, got the number 3");
    CHECK(refusal(with("/layers/0/activation", "linear")) == "layers[0].activation: the input layer has no activation");
    CHECK(refusal(with("/layers/0/bias", false)) == "layers[0].bias: the input layer has no bias");
    CHECK(refusal(with("/layers/1/activation", "softmax")) ==
          "layers[1].activation: expected \"linear\", \"sigmoid\", \"tanh\" or \"relu\", got the string \"softmax\"");
    CHECK(refusal(with("/layers/1/activation", 1)) ==
          "layers[1].activation: expected \"linear\", \"sigmoid\", \"tanh\" or \"relu\", got the number 1");
    CHECK(refusal(with("/layers/1/activation", "Sigmoid")) ==
          "layers[1].activation: expected \"linear\", \"sigmoid\", \"tanh\" or \"relu\", got the string \"Sigmoid\"");
    CHECK(refusal(without("/layers/2/activation")) == "layers[2]: missing required field \"activation\"");
    CHECK(refusal(without("/layers/1/size")) == "layers[1]: missing required field \"size\"");
    CHECK(refusal(with("/layers/1/size", 0)) == "layers[1].size: expected an integer ≥ 1, got 0");
    CHECK(refusal(with("/layers/0/size", -2)) == "layers[0].size: expected an integer ≥ 1, got -2");
    CHECK(refusal(with("/layers/1/size", 1.5)) == "layers[1].size: expected an integer, got the number 1.5");
    CHECK(refusal(with("/layers/1/size", "2")) == "layers[1].size: expected an integer, got the string \"2\"");
    CHECK(refusal(with("/layers/1/size", 257)) ==
          "layers[1].size: expected at most 256 (the limit of neurons per layer), got 257");
    CHECK(refusal(with("/layers/1/bias", "yes")) == "layers[1].bias: expected true or false, got the string \"yes\"");
    CHECK(refusal(with("/layers/1/name", "abcdefghijklmnopq")) ==
          "layers[1].name: expected at most 16 characters, got 17");
    // A layer of 2.0 neurons is 2 neurons: integral numbers are integers, whatever their spelling.
    CHECK(refusal(with("/layers/1/size", 2.0)) == "(accepted)");
}

TEST_CASE("invalid documents: weights, at every level of their shape") {
    CHECK(refusal(without("/weights")) == "document: missing required field \"weights\"");
    CHECK(refusal(with("/weights", 1)) == "weights: expected an array, got the number 1");
    CHECK(refusal(with("/weights", json::parse("[[[0.1, 0.2], [0.3, 0.4]]]"))) ==
          "weights: expected 2 arrays (one per layer after the input), got 1");
    CHECK(refusal(with("/weights/2", json::parse("[[1]]"))) ==
          "weights: expected 2 arrays (one per layer after the input), got 3");
    CHECK(refusal(with("/weights/1", 7)) == "weights[1]: expected an array, got the number 7");
    CHECK(refusal(with("/weights/1", json::parse("[[0.5, 0.6], [0.5, 0.6]]"))) ==
          "weights[1]: expected 1 row (layer 2 has 1 neuron), got 2");
    CHECK(refusal(with("/weights/0", json::parse("[[0.1, 0.2]]"))) ==
          "weights[0]: expected 2 rows (layer 1 has 2 neurons), got 1");
    CHECK(refusal(with("/weights/0/1", 7)) == "weights[0][1]: expected an array, got the number 7");
    // The spec's own example.
    CHECK(refusal(with("/weights/1/0", json::parse("[1, 2, 3]"))) ==
          "weights[1][0]: expected 2 numbers (layer 1 has 2 neurons), got 3");
    CHECK(refusal(with("/weights/0/1", json::parse("[1]"))) ==
          "weights[0][1]: expected 2 numbers (layer 0 has 2 neurons), got 1");
    CHECK(refusal(with("/weights/0/0/1", "x")) == "weights[0][0][1]: expected a number, got the string \"x\"");
    CHECK(refusal(with("/weights/0/0/1", nullptr)) == "weights[0][0][1]: expected a number, got null");
    CHECK(refusal(with("/weights/0/0/1", true)) == "weights[0][0][1]: expected a number, got true");
    CHECK(refusal(with("/weights/0/0/1", json::array({1}))) ==
          "weights[0][0][1]: expected a number, got an array of 1 item");
}

TEST_CASE("invalid documents: non-finite numbers are named by their path") {
    std::string text = with("/weights/0/1/0", 12345.5);
    text.replace(text.find("12345.5"), 7, "1e999");
    CHECK(refusal(text) == "weights[0][1][0]: expected a finite number, got 1e999 (too large for a double)");
    text = with("/samples/1/target/0", 12345.5);
    text.replace(text.find("12345.5"), 7, "-2E+400");
    CHECK(refusal(text) == "samples[1].target[0]: expected a finite number, got -2E+400 (too large for a double)");
    text = with("/learningRate", 12345.5);
    text.replace(text.find("12345.5"), 7, "1e309");
    CHECK(refusal(text) == "learningRate: expected a finite number, got 1e309 (too large for a double)");
    CHECK(startsWith(refusal(with("/learningRate", 0.5).replace(base.dump().find("0.5"), 3, "NaN")),
                     "document: invalid JSON"));
    CHECK(refusal(R"({"format": "backstep/1", "layers": Infinity})").find("document: invalid JSON") == 0);
}

TEST_CASE("invalid documents: biases") {
    CHECK(refusal(with("/biases", json::parse("[[0.1, 0.2]]"))) ==
          "biases: expected 2 arrays (one per layer after the input), got 1");
    CHECK(refusal(with("/biases", "none")) == "biases: expected an array, got the string \"none\"");
    CHECK(refusal(with("/biases/0", json::parse("[0.1]"))) ==
          "biases[0]: expected 2 numbers (layer 1 has 2 neurons), got 1");
    CHECK(refusal(with("/biases/0/1", "b")) == "biases[0][1]: expected a number, got the string \"b\"");
    CHECK(refusal(with("/biases/1/0", 0.5)) ==
          "biases[1][0]: layer 2 has no bias (\"bias\": false), so expected 0, got 0.5");
    CHECK(refusal(without("/biases")) == "(accepted)");  // zeros
    CHECK(refusal(with("/trainBiases", "no")) == "trainBiases: expected true or false, got the string \"no\"");
}

TEST_CASE("invalid documents: learning settings") {
    CHECK(refusal(without("/learningRate")) == "document: missing required field \"learningRate\"");
    CHECK(refusal(with("/learningRate", 0)) == "learningRate: expected a number > 0, got 0");
    CHECK(refusal(with("/learningRate", -0.1)) == "learningRate: expected a number > 0, got -0.1");
    CHECK(refusal(with("/learningRate", "fast")) == "learningRate: expected a number, got the string \"fast\"");
    CHECK(refusal(with("/loss", "cross-entropy")) ==
          "loss: expected \"half-squared-error\", got the string \"cross-entropy\"");
    CHECK(refusal(with("/batchSize", 0)) == "batchSize: expected an integer ≥ 1, got 0");
    CHECK(refusal(with("/batchSize", 3)) == "(accepted)");  // the spec allows it: one batch of all the samples
    CHECK(refusal(with("/batchSize", 100001)) == "batchSize: expected at most 100000 (the limit), got 100001");
    CHECK(refusal(R"({"format": "backstep/1", "learningRate": 0.05, "learningRate": 0.5})") ==
          "learningRate: this key appears twice in the same object");
    CHECK(refusal(with("/batchSize", 1.5)) == "batchSize: expected an integer, got the number 1.5");
    CHECK(refusal(with("/batchSize", 2)) == "(accepted)");
}

TEST_CASE("invalid documents: samples") {
    CHECK(refusal(without("/samples")) == "document: missing required field \"samples\"");
    CHECK(refusal(with("/samples", json::array())) == "samples: expected at least 1 sample");
    CHECK(refusal(with("/samples", json::object())) == "samples: expected an array, got an object");
    CHECK(refusal(with("/samples/1", 1)) == "samples[1]: expected an object, got the number 1");
    CHECK(refusal(without("/samples/1/target")) == "samples[1]: missing required field \"target\"");
    CHECK(refusal(with("/samples/1/input", json::parse("[1, 2, 3]"))) ==
          "samples[1].input: expected 2 numbers (layer 0 has 2 neurons), got 3");
    CHECK(refusal(with("/samples/0/target", json::parse("[1, 0]"))) ==
          "samples[0].target: expected 1 number (layer 2 has 1 neuron), got 2");
    CHECK(refusal(with("/samples/0/input/1", "2")) == "samples[0].input[1]: expected a number, got the string \"2\"");

    json doc = base;
    doc["samples"] = json::array();
    const json sample = {{"input", {0, 0}}, {"target", {0}}};
    for (int s = 0; s < 100001; ++s) doc["samples"].push_back(sample);
    const std::string many = doc.dump();
    REQUIRE(many.size() < backstep::limits::maxBytes);  // refused for the count, not the bytes
    CHECK(refusal(many) == "samples: expected at most 100000 samples (the limit), got 100001");
    doc["samples"].erase(doc["samples"].size() - 1);
    CHECK(refusal(doc.dump()) == "(accepted)");
}

TEST_CASE("invalid documents: size limits are named") {
    json doc = base;
    doc["padding"] = std::string(backstep::limits::maxBytes, 'x');
    const std::string big = doc.dump();
    CHECK(refusal(big) == "document: too large: " + std::to_string(big.size()) + " bytes, the limit is 4194304");

    CHECK(refusal(with("/title", std::string(200, 'a'))) == "(accepted)");
    CHECK(refusal(with("/title", std::string(201, 'a'))) == "title: expected at most 200 characters, got 201");
    std::string accents;
    for (int k = 0; k < 200; ++k) accents += "é";  // 400 bytes, 200 characters
    CHECK(refusal(with("/title", accents)) == "(accepted)");
    CHECK(refusal(with("/title", accents + "é")) == "title: expected at most 200 characters, got 201");
    CHECK(refusal(with("/title", 5)) == "title: expected a string, got the number 5");
    CHECK(refusal(with("/title", "two\nlines")) == "title: control characters are not allowed");
}

TEST_CASE("invalid documents: deep nesting is refused, not a crash") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(refusal(deep).find("nested deeper than") != std::string::npos);
    CHECK(startsWith(refusal(std::string(100000, '[')), "document"));
    // Inside a valid document, in a field the reader does not know (it would be kept and written back).
    std::string text = with("/future", 12345.5);
    text.replace(text.find("12345.5"), 7, deep);
    const std::string message = refusal(text);
    CHECK(startsWith(message, "future[0][0]"));
    CHECK(message.find("nested deeper than 64 levels (the limit)") != std::string::npos);
    text = with("/weights/0/0/0", 12345.5);
    text.replace(text.find("12345.5"), 7, std::string(100000, '['));
    CHECK(startsWith(refusal(text), "weights[0][0][0]"));
    // Nesting up to the limit is fine.
    json nested = json::array();
    for (int k = 1; k < 63; ++k) nested = json::array({nested});
    CHECK(refusal(with("/future", nested)) == "(accepted)");  // 64 levels, counting the document
    CHECK(refusal(with("/future", json::array({nested}))).find("nested deeper than 64 levels") != std::string::npos);
}

TEST_CASE("invalid documents: messages stay on one line") {
    CHECK(refusal(with("/layers/1/activation", "sig\nmoid")) ==
          "layers[1].activation: expected \"linear\", \"sigmoid\", \"tanh\" or \"relu\", got the string "
          "\"sig\\u000Amoid\"");
    CHECK(refusal(with("/loss", "a\r\nb")) ==
          "loss: expected \"half-squared-error\", got the string \"a\\u000D\\u000Ab\"");
    CHECK(refusal(with("/format", "backstep/\n2")) == "format: control characters are not allowed");
    // A long string is shortened at a character boundary, never inside a UTF-8 sequence.
    const std::string message = refusal(with("/loss", "aéééééééééééééééééééé"));
    CHECK(message ==
          "loss: expected \"half-squared-error\", got the string \"aééééééééééééééééééé…\"");  // 20 characters
}

TEST_CASE("invalid documents: a session handed one keeps its document and position") {
    backstep::Session session(base.dump());
    session.step();
    session.step();
    session.step();
    const std::string document = session.document(), position = session.position();
    REQUIRE(position == R"({"epoch":1,"sample":1,"step":3})");
    const std::string bad[] = {"",
                               "{",
                               "[]",
                               without("/format"),
                               with("/weights/1/0", json::parse("[1, 2, 3]")),
                               with("/learningRate", 0),
                               with("/samples", json::array()),
                               std::string(100000, '['),
                               with("/batchSize", 0)};
    for (const std::string& text : bad) {
        CAPTURE(text.substr(0, 80));
        CHECK_THROWS_AS(session.load(text), backstep::EngineError);
        CHECK_THROWS_AS(session.restore(text, 0, 0, 0), backstep::EngineError);
        CHECK(session.document() == document);
        CHECK(session.position() == position);
    }
    CHECK_THROWS_WITH_AS(session.restore(base.dump(), 0, 2, 0),
                         "position.sample: expected the first sample of a batch (a multiple of 1 below 2), got 2",
                         backstep::EngineError);
    CHECK_THROWS_WITH_AS(session.restore(base.dump(), 1, 1, 2), "position.step: expected 3 (epoch 1, sample 1), got 2",
                         backstep::EngineError);
    CHECK(session.document() == document);
    CHECK(session.position() == position);
    CHECK_THROWS_AS(backstep::Session(""), backstep::EngineError);
}

// A position's step count stays at most 2^53 − 1 (limits::maxStep), so JavaScript holds it exactly: every position
// the engine reaches can be restored, and a step, a trace or a training run past it is refused, changing nothing.
TEST_CASE("the last step count a position holds is 2^53 − 1: restored there, one more step is refused") {
    const std::string seed = testsupport::fixture("seed.json");  // one sample, batch 1: one step an epoch
    constexpr std::uint64_t last = 9007199254740991ULL;
    backstep::Session session(seed);
    session.restore(seed, last - 1, 0, last - 1);
    session.train(1);  // the last step there is
    CHECK(session.position() == R"({"epoch":9007199254740991,"sample":0,"step":9007199254740991})");
    const std::string document = session.document();
    CHECK_THROWS_WITH_AS(session.step(),
                         "position.step: 1 more step(s) from step 9007199254740991 would pass 9007199254740991 (2^53 − "
                         "1), the most a position holds",
                         backstep::EngineError);
    CHECK_THROWS_AS(session.train(1), backstep::EngineError);
    CHECK_THROWS_AS(session.trainCurve(1), backstep::EngineError);
    CHECK(session.document() == document);
    CHECK(session.position() == R"({"epoch":9007199254740991,"sample":0,"step":9007199254740991})");
    session.restore(seed, last, 0, last);  // what it reached, it restores
    CHECK_THROWS_WITH_AS(session.restore(seed, last + 1, 0, last + 1),
                         "position.epoch: 9007199254740992 epochs of 1 step(s) would pass 9007199254740991 (2^53 − 1), "
                         "the most a position holds",
                         backstep::EngineError);
    CHECK_THROWS_AS(session.restore(seed, 1ULL << 62, 0, 0), backstep::EngineError);  // no overflow on the way
}
