// The variants of a step (variant.hpp): their names, the biases and batching they override, and that computing one
// never moves a session.
#include <string>
#include <vector>

#include "session.hpp"
#include "test_support.hpp"
#include "trace.hpp"
#include "variant.hpp"

using nlohmann::ordered_json;
using testsupport::event;

namespace {

double num(const ordered_json& v) { return v.get<double>(); }

std::string refusal(const std::string& names) {
    try {
        backstep::parseVariant(names);
    } catch (const backstep::EngineError& e) {
        return e.what();
    }
    return "";
}

// 2-1-1, linear, no biases, two samples; the document updates after each sample.
const char* twoSamples = R"({"format": "backstep/1",
  "layers": [{"size": 2}, {"size": 1, "activation": "linear"}, {"size": 1, "activation": "linear"}],
  "weights": [[[0.3, -0.2]], [[0.5]]], "learningRate": 0.1,
  "samples": [{"input": [1, 2], "target": [1]}, {"input": [3, -1], "target": [0]}]})";

}  // namespace

TEST_CASE("variant names: a comma-separated list, in any order; an unknown name is refused with the valid ones") {
    CHECK(backstep::parseVariant("").standard());
    CHECK(backstep::parseVariant("  ").standard());
    const backstep::Variant v = backstep::parseVariant("batch, round-2,output-first,fixed-biases,round-2");
    CHECK(backstep::names(v) == std::vector<std::string>{"output-first", "round-2", "fixed-biases", "batch"});
    CHECK(backstep::names(backstep::parseVariant("per-sample,trained-biases")) ==
          std::vector<std::string>{"trained-biases", "per-sample"});

    const std::string valid = "expected output-first, round-2, fixed-biases, trained-biases, batch, per-sample";
    CHECK(refusal("output-first,rounding") ==
          "variant: unknown name \"rounding\"; " + valid + " (a comma-separated list)");
    CHECK(refusal("output-first,") == "variant: unknown name \"\"; " + valid + " (a comma-separated list)");
    CHECK(refusal("fixed-biases,trained-biases") ==
          "variant: fixed-biases and trained-biases contradict each other; give one of them");
    CHECK(refusal("per-sample,batch") == "variant: batch and per-sample contradict each other; give one of them");
}

TEST_CASE("trained-biases and fixed-biases override the document: the weights learn alike, only the biases differ") {
    backstep::Document fixed = backstep::readDocument(testsupport::fixture("mazur.json"));  // trainBiases: false
    backstep::Document trained = fixed;
    backstep::Position a, b;
    const ordered_json standard = backstep::traceStep(fixed, a);
    const ordered_json t = backstep::traceStep(trained, b, backstep::parseVariant("trained-biases"));
    CHECK(fixed.network.biases == std::vector<std::vector<double>>{{0.35, 0.35}, {0.60, 0.60}});
    CHECK(trained.network.weights == fixed.network.weights);
    // b ← b − η δ for each neuron (Mazur's shared bias of a layer becomes one per neuron once it learns).
    const char* neurons[] = {"h1", "h2", "o1", "o2"};
    for (int n = 0; n < 4; ++n) {
        const double delta = num(event(t, "delta", "name", neurons[n]).at("delta"));
        const double old = n < 2 ? 0.35 : 0.60;
        CAPTURE(std::string(neurons[n]));
        CHECK(trained.network.biases[n / 2][n % 2] == old - 0.5 * delta);
        CHECK(num(event(t, "update", "parameter", "b" + std::to_string(n + 1)).at("new")) == old - 0.5 * delta);
    }
    CHECK(num(event(t, "result", "kind", "result").at("error")) !=
          num(event(standard, "result", "kind", "result").at("error")));

    backstep::Document learning = backstep::readDocument(testsupport::fixture("mazur.json"));
    learning.trainBiases = true;
    backstep::Position c;
    const ordered_json f = backstep::traceStep(learning, c, backstep::parseVariant("fixed-biases"));
    CHECK(learning.network.biases == std::vector<std::vector<double>>{{0.35, 0.35}, {0.60, 0.60}});
    for (const auto& e : f.at("events")) CHECK_FALSE((e.at("kind") == "update" && e.at("type") == "bias"));
    CHECK(f.at("events").size() == standard.at("events").size());
}

TEST_CASE("batch: one update from the mean gradient of every sample (the spec's batchSize), computed by hand here") {
    // Each sample by hand: h = w1 x1 + w2 x2, y = w3 h, Δ = y − t; ∂E/∂w3 = Δ h, δ_h = w3 Δ, ∂E/∂w1,2 = δ_h x1,2.
    const double w1 = 0.3, w2 = -0.2, w3 = 0.5, eta = 0.1;
    double g1 = 0.0, g2 = 0.0, g3 = 0.0;
    const double samples[2][3] = {{1, 2, 1}, {3, -1, 0}};  // x1, x2, t
    for (const auto& s : samples) {
        const double h = w1 * s[0] + w2 * s[1], difference = w3 * h - s[2], deltaH = w3 * difference;
        g1 += deltaH * s[0];
        g2 += deltaH * s[1];
        g3 += difference * h;
    }
    // Sample 1: h = −0.1, Δ = −1.05; sample 2: h = 1.1, Δ = 0.55. Means: 0.15, −0.6625, 0.355.
    CHECK_ABS(g1 / 2, 0.15, 1e-15);
    CHECK_ABS(g2 / 2, -0.6625, 1e-15);
    CHECK_ABS(g3 / 2, 0.355, 1e-15);

    backstep::Document doc = backstep::readDocument(twoSamples);
    backstep::Position position;
    const ordered_json t = backstep::traceStep(doc, position, backstep::parseVariant("batch"));
    CHECK(t.at("samples") == ordered_json::array({0, 1}));
    CHECK(t.at("batchSize") == 2);
    CHECK_REL(doc.network.weights[0][0], w1 - eta * (g1 / 2), 1e-15);  // 0.285
    CHECK_REL(doc.network.weights[0][1], w2 - eta * (g2 / 2), 1e-15);  // −0.13375
    CHECK_REL(doc.network.weights[1][0], w3 - eta * (g3 / 2), 1e-15);  // 0.4645
    CHECK_REL(num(event(t, "update", "parameter", "w3").at("gradient")), g3 / 2, 1e-15);
    CHECK(position.epoch == 1);
    CHECK(position.sample == 0);

    // per-sample on a document that updates once per batch of 2: the first sample alone.
    backstep::Document batched = backstep::readDocument(twoSamples);
    batched.batchSize = 2;
    backstep::Position at;
    const ordered_json one = backstep::traceStep(batched, at, backstep::parseVariant("per-sample"));
    CHECK(one.at("samples") == ordered_json::array({0}));
    CHECK_REL(batched.network.weights[1][0], w3 - eta * (-1.05 * -0.1), 1e-15);
}

TEST_CASE("output-first needs one sample per step: with a batch it is refused, and nothing changes") {
    backstep::Document doc = backstep::readDocument(twoSamples);
    const backstep::Document before = doc;
    backstep::Position position{0, 1, 1};
    try {
        backstep::traceStep(doc, position, backstep::parseVariant("output-first,batch"));
        FAIL("not refused");
    } catch (const backstep::EngineError& e) {
        CHECK(std::string(e.what()) ==
              "variant: output-first updates each layer before the deltas of the layer below, one sample at a time; "
              "this step has a batch of 2 samples (add per-sample)");
    }
    CHECK(doc.network.weights == before.network.weights);
    CHECK(doc.batchSize == 1);
    CHECK(position.sample == 1);
    CHECK(position.step == 1);
}

TEST_CASE("a session computes a variant's step from a copy: its document and position do not move") {
    backstep::Session session(twoSamples);
    session.step();  // to sample 1 of epoch 0
    const std::string document = session.document(), position = session.position();
    const ordered_json t = ordered_json::parse(session.traceVariant(backstep::parseVariant("round-2,batch")));
    CHECK(t.at("samples") == ordered_json::array({0, 1}));  // batch: every sample, from the first
    CHECK(t.at("step") == 1);
    CHECK(t.at("variant") == ordered_json::array({"round-2", "batch"}));
    const std::string explained =
        session.explain(backstep::ExplainFormat::Markdown, 4, backstep::parseVariant("output-first,trained-biases"));
    CHECK(explained.find("Variant: output-first, trained-biases.") != std::string::npos);
    CHECK_THROWS_AS(session.traceVariant(backstep::parseVariant("output-first,batch")), backstep::EngineError);
    CHECK(session.document() == document);
    CHECK(session.position() == position);

    // The standard step computed as a variant is the step itself, byte for byte.
    backstep::Session other(twoSamples);
    other.step();
    const std::string standard = other.traceVariant(backstep::Variant{});
    CHECK(standard == session.step());
    CHECK(standard.find("\"variant\"") == std::string::npos);
}
