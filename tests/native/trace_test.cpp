// The trace (cpp/engine/TRACE.md) of batches, biases and deeper networks: event order, names,
// and agreement with train().
#include <map>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "trace.hpp"

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// 2-3-2-1: two hidden layers (tanh with biases, sigmoid without), sigmoid output with a bias;
// 5 samples in batches of 2, so the third batch of an epoch has 1 sample.
const char* deepDocument = R"({
  "format": "backstep/1",
  "layers": [{"size": 2}, {"size": 3, "activation": "tanh", "bias": true},
             {"size": 2, "activation": "sigmoid", "bias": false}, {"size": 1, "activation": "sigmoid", "bias": true}],
  "weights": [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], [[0.7, -0.8, 0.9], [0.1, 0.2, -0.3]], [[0.5, -0.4]]],
  "biases": [[0.1, -0.1, 0.2], [0, 0], [0.3]],
  "learningRate": 0.7,
  "batchSize": 2,
  "samples": [{"input": [1, 0], "target": [1]}, {"input": [0, 1], "target": [0]}, {"input": [1, 1], "target": [1]},
              {"input": [0.5, -1], "target": [0]}, {"input": [-1, 2], "target": [1]}]
})";

std::string label(const ordered_json& e) {
    const std::string kind = e.at("kind");
    if (kind == "forward" || kind == "delta") return kind + " " + e.at("name").get<std::string>();
    if (kind == "gradient" || kind == "update") return kind + " " + e.at("parameter").get<std::string>();
    return kind;
}

std::vector<std::string> labels(const ordered_json& trace, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& e : trace.at("events"))
        if (e.at("kind") == kind) out.push_back(label(e));
    return out;
}

}  // namespace

TEST_CASE("trace: names with two hidden layers") {
    backstep::Document doc = backstep::readDocument(deepDocument);
    const json names = json::parse(backstep::labels(doc.network).dump());
    CHECK(names.at("neurons") == json::parse(R"([["i1","i2"],["h1.1","h1.2","h1.3"],["h2.1","h2.2"],["o1"]])"));
    CHECK(names.at("weights")[1] == json::parse(R"([["w7","w8","w9"],["w10","w11","w12"]])"));
    CHECK(names.at("biases") == json::parse(R"([["b1","b2","b3"],[null,null],["b4"]])"));
}

TEST_CASE("trace: a batch of two samples, event by event") {
    backstep::Document doc = backstep::readDocument(deepDocument);
    backstep::Position position;
    const ordered_json t = backstep::traceStep(doc, position);
    CHECK(t.at("samples") == ordered_json::array({0, 1}));
    CHECK(t.at("batchSize") == 2);

    std::vector<std::string> perSample = {
        "input", "forward h1.1", "forward h1.2", "forward h1.3", "forward h2.1", "forward h2.2", "forward o1",
        "error", "delta o1",     "gradient w13", "gradient w14", "gradient b4",  "delta h2.1",   "delta h2.2"};
    for (int w = 7; w <= 12; ++w) perSample.push_back("gradient w" + std::to_string(w));
    for (const char* s : {"delta h1.1", "delta h1.2", "delta h1.3", "gradient w1", "gradient w2", "gradient b1",
                          "gradient w3", "gradient w4", "gradient b2", "gradient w5", "gradient w6", "gradient b3"})
        perSample.push_back(s);
    std::vector<std::string> expected = perSample;
    expected.insert(expected.end(), perSample.begin(), perSample.end());
    for (int w = 1; w <= 14; ++w) expected.push_back("update w" + std::to_string(w));
    for (const char* b : {"update b1", "update b2", "update b3", "update b4", "result", "result"})
        expected.push_back(b);
    std::vector<std::string> seen;
    for (const auto& e : t.at("events")) seen.push_back(label(e));
    CHECK(seen == expected);

    // update.gradient is the mean of the two samples' gradients; new = old − η·gradient.
    std::map<std::string, std::vector<double>> perParameter;
    for (const auto& e : t.at("events"))
        if (e.at("kind") == "gradient") {
            perParameter[e.at("parameter")].push_back(e.at("gradient").get<double>());
            if (e.at("type") == "weight")
                CHECK(e.at("gradient").get<double>() == e.at("delta").get<double>() * e.at("a").get<double>());
            else
                CHECK(e.at("gradient").get<double>() == e.at("delta").get<double>());
        }
    for (const auto& e : t.at("events")) {
        if (e.at("kind") != "update") continue;
        const std::vector<double>& g = perParameter.at(e.at("parameter"));
        REQUIRE(g.size() == 2);
        CHECK(e.at("gradient").get<double>() == (g[0] + g[1]) / 2);
        CHECK(e.at("new").get<double>() == e.at("old").get<double>() - 0.7 * e.at("gradient").get<double>());
    }
    // Hidden deltas: δ = f′(z)·Σ w·δ, with f′ the activation's derivative at z.
    for (const auto& e : t.at("events")) {
        if (e.at("kind") != "delta") continue;
        const double z = e.at("z").get<double>(), a = e.at("a").get<double>();
        const std::string f = e.at("activation");
        const double fprime =
            f == "tanh" ? 1 - std::tanh(z) * std::tanh(z) : (1 / (1 + std::exp(-z))) * (1 - 1 / (1 + std::exp(-z)));
        CHECK_REL(e.at("derivative").get<double>(), fprime, 1e-12);
        CHECK_REL(a, f == "tanh" ? std::tanh(z) : 1 / (1 + std::exp(-z)), 1e-15);
        if (e.at("output").get<bool>()) continue;
        double sum = 0;
        for (const auto& term : e.at("terms")) sum += term.at("w").get<double>() * term.at("delta").get<double>();
        CHECK(e.at("sum").get<double>() == sum);
        CHECK(e.at("delta").get<double>() == e.at("derivative").get<double>() * sum);
    }
}

TEST_CASE("trace: a short last batch, fixed biases, and the same numbers as train()") {
    backstep::Document traced = backstep::readDocument(deepDocument), trained = traced;
    traced.trainBiases = trained.trainBiases = false;
    backstep::Position p, q;
    ordered_json t;
    for (int k = 0; k < 3; ++k) t = backstep::traceStep(traced, p);
    CHECK(t.at("samples") == ordered_json::array({4}));
    CHECK(t.at("batchSize") == 1);
    CHECK(t.at("step") == 2);
    CHECK(labels(t, "update").size() == 14);  // weights only
    CHECK(labels(t, "result") == std::vector<std::string>{"result"});
    CHECK(p.epoch == 1);
    CHECK(p.sample == 0);
    CHECK(p.step == 3);
    for (int k = 0; k < 6; ++k) backstep::traceStep(traced, p);
    backstep::train(trained, q, 3);
    CHECK(p.epoch == q.epoch);
    CHECK(p.step == q.step);
    CHECK(traced.network.weights == trained.network.weights);  // bit for bit
    CHECK(traced.network.biases == trained.network.biases);
    CHECK(trained.network.biases == backstep::readDocument(deepDocument).network.biases);
}

TEST_CASE("trace: meanError is the step's E, the mean over its batch (the seed's by hand: hmkcode's formulas)") {
    // The seed (2-2-1, linear): o1 = 2·0.11·0.14 + 3·0.21·0.14 + 2·0.12·0.15 + 3·0.08·0.15 = 0.191; E = ½(0.191 − 1)².
    backstep::Document seed = backstep::readDocument(testsupport::fixture("seed.json"));
    backstep::Position position;
    const ordered_json one = backstep::traceStep(seed, position);
    CHECK(one.at("meanError").get<double>() == doctest::Approx(0.5 * 0.809 * 0.809).epsilon(1e-15));
    CHECK(one.at("meanError") == one.at("events")[4].at("total"));  // one sample: its error event's E, the same bits
    // A batch of two: the mean of the two error events' totals.
    backstep::Document deep = backstep::readDocument(deepDocument);
    backstep::Position start;
    const ordered_json two = backstep::traceStep(deep, start);
    std::vector<double> totals;
    for (const auto& e : two.at("events"))
        if (e.at("kind") == "error") totals.push_back(e.at("total").get<double>());
    REQUIRE(totals.size() == 2);
    CHECK(two.at("meanError").get<double>() == (totals[0] + totals[1]) / 2.0);
    // The text the CLI and the page read ends with it.
    backstep::Position again;
    backstep::Document seedAgain = backstep::readDocument(testsupport::fixture("seed.json"));
    const std::string text = backstep::traceStepText(seedAgain, again);
    CHECK(ordered_json::parse(text) == one);
    CHECK(text.find("],\"meanError\":") != std::string::npos);
}
