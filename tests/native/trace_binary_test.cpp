// The trace's binary form (traceStepBinary, the page's transport) against its JSON text (traceStepText, the CLI's):
// decoded here as the page's decoder reads it, it is the same value, every number the same double bit for bit.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "json_number.hpp"
#include "session.hpp"
#include "test_support.hpp"
#include "trace.hpp"

using nlohmann::ordered_json;
using testsupport::fixture;

namespace {

using Binary = backstep::TraceBinary;

// The value the codes describe, each number written by the engine's JSON rule (jsonNumber).
ordered_json decode(const Binary& b, const std::vector<std::string>& table) {
    std::vector<ordered_json> stack;
    std::vector<std::string> keys;  // the pending key of each open object
    ordered_json root;
    std::size_t n = 0;
    const auto store = [&](ordered_json value) {
        if (stack.empty()) {
            root = std::move(value);
        } else if (stack.back().is_array()) {
            stack.back().push_back(std::move(value));
        } else {
            stack.back()[keys.back()] = std::move(value);
            keys.back().clear();
        }
    };
    for (std::uint32_t code : b.codes) {
        if (code >= Binary::string) {
            const std::size_t k = code - Binary::string;
            const std::string& s = k < table.size() ? table.at(k) : b.extraStrings.at(k - table.size());
            if (!stack.empty() && stack.back().is_object() && keys.back().empty())
                keys.back() = s;
            else
                store(s);
        } else if (code == Binary::beginObject || code == Binary::beginArray) {
            stack.push_back(code == Binary::beginObject ? ordered_json::object() : ordered_json::array());
            keys.emplace_back();
        } else if (code == Binary::endObject || code == Binary::endArray) {
            ordered_json done = std::move(stack.back());
            stack.pop_back();
            keys.pop_back();
            store(std::move(done));
        } else if (code == Binary::number) {
            store(backstep::jsonNumber(b.numbers.at(n++)));
        } else {
            REQUIRE(code <= Binary::null);
            store(code == Binary::null ? ordered_json(nullptr) : ordered_json(code == Binary::yes));
        }
    }
    CHECK(n == b.numbers.size());
    CHECK(stack.empty());
    return root;
}

// Every number of a JSON value, in document order, as the double its text reads back as.
void numbers(const ordered_json& value, std::vector<double>& out) {
    if (value.is_number())
        out.push_back(value.get<double>());
    else if (value.is_structured())
        for (const auto& item : value) numbers(item, out);
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// `steps` steps of `text` traced both ways from the same start; every step's two traces agree.
void checkSteps(const std::string& text, int steps, const std::string& variant = "") {
    backstep::Document a = backstep::readDocument(text), b = a;
    backstep::Position pa, pb;
    const backstep::Variant v = backstep::parseVariant(variant);
    const auto table = ordered_json::parse(backstep::traceStrings(a.network)).get<std::vector<std::string>>();
    Binary binary;
    for (int k = 0; k < steps; ++k) {
        const std::string json = backstep::traceStepText(a, pa, v);
        backstep::traceStepBinary(b, pb, binary, v);
        INFO("step " << k + 1);
        CHECK(decode(binary, table).dump() == json);
        std::vector<double> expected;
        numbers(ordered_json::parse(json), expected);
        CHECK(sameBits(binary.numbers, expected));
    }
    CHECK(pa.step == pb.step);
}

}  // namespace

TEST_CASE("trace binary: the JSON text's value, bit for bit, over the fixtures") {
    for (const char* name : {"seed.json", "mazur.json", "xor.json", "and.json", "or.json", "regression.json"}) {
        INFO(name);
        checkSteps(fixture(name), 60);
    }
}

TEST_CASE("trace binary: batches, named layers, no biases, every activation, multiple outputs") {
    checkSteps(R"({"format": "backstep/1",
      "layers": [{"size": 2}, {"size": 3, "activation": "relu", "bias": true, "name": "hé"},
                 {"size": 2, "activation": "sigmoid", "bias": false}, {"size": 2, "activation": "tanh", "bias": true}],
      "weights": [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], [[0.7, -0.8, 0.9], [0.1, 0.2, -0.3]], [[0.5, -0.4], [1, 2]]],
      "biases": [[0.1, -0.1, 0.2], [0, 0], [0.3, -0]], "learningRate": 0.7, "batchSize": 2,
      "samples": [{"input": [1, 0], "target": [1, 0]}, {"input": [0, 1], "target": [0, -0.5]},
                  {"input": [-1, 2], "target": [1, 0.25]}]})",
               30);
}

TEST_CASE("trace binary: variants (their names are extra strings)") {
    for (const char* variant : {"output-first", "round-2", "batch", "fixed-biases", "trained-biases,per-sample"}) {
        INFO(variant);
        checkSteps(fixture("mazur.json"), 5, variant);
        checkSteps(fixture("xor.json"), 5, variant);
    }
}

TEST_CASE("trace binary: a result that overflows is null, and a diverged step is refused with nothing changed") {
    ordered_json huge = ordered_json::parse(fixture("seed.json"));
    huge["weights"][0][0][0] = 1e100;
    checkSteps(huge.dump(), 1);
    backstep::Document doc = backstep::readDocument(huge.dump());
    backstep::Position position;
    Binary binary;
    backstep::traceStepBinary(doc, position, binary);
    CHECK(binary.codes.at(binary.codes.size() - 6) == Binary::null);  // …,"error":null}],"meanError":…}
    const backstep::Document after = doc;
    CHECK_THROWS_AS(backstep::traceStepBinary(doc, position, binary), backstep::EngineError);
    CHECK(backstep::writeDocument(doc) == backstep::writeDocument(after));
    CHECK(position.step == 1);
}

TEST_CASE("trace binary: the string table names what labels() names") {
    const backstep::Document doc = backstep::readDocument(fixture("seed.json"));
    const ordered_json table = ordered_json::parse(backstep::traceStrings(doc.network));
    CHECK(table.at(1) == "backstep-trace/1");
    const std::vector<std::string> tail(table.end() - 12, table.end());  // the seed has no biases
    CHECK(tail == std::vector<std::string>{"relu", "i1", "i2", "h1", "h2", "o1", "w1", "w2", "w3", "w4", "w5", "w6"});
}
