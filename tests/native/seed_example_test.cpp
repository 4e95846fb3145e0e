// The seed post (hmkcode, "Backpropagation step by step"): every number the post publishes, read from the
// trace of the first step.
#include <string>
#include <vector>

#include "session.hpp"
#include "test_support.hpp"
#include "trace.hpp"

using nlohmann::ordered_json;
using testsupport::event;

namespace {

constexpr double exact = 1e-12;  // "exact" values of the reference table: relative tolerance

double num(const ordered_json& v) { return v.get<double>(); }

struct SeedStep {
    backstep::Document doc = backstep::readDocument(testsupport::fixture("seed.json"));
    backstep::Position position;
    ordered_json first = backstep::traceStep(doc, position);
    ordered_json second = backstep::traceStep(doc, position);  // its forward pass uses the updated weights
};

}  // namespace

TEST_CASE("seed example: forward pass, error and delta are the post's numbers") {
    SeedStep s;
    const ordered_json& t = s.first;
    CHECK(t.at("format") == "backstep-trace/1");
    CHECK_REL(num(event(t, "forward", "name", "h1").at("z")), 0.85, exact);
    CHECK_REL(num(event(t, "forward", "name", "h1").at("a")), 0.85, exact);
    CHECK_REL(num(event(t, "forward", "name", "h2").at("a")), 0.48, exact);
    CHECK_REL(num(event(t, "forward", "name", "o1").at("a")), 0.191, exact);

    const ordered_json& err = event(t, "error", "kind", "error");
    REQUIRE(err.at("outputs").size() == 1);
    CHECK_REL(num(err.at("outputs")[0].at("prediction")), 0.191, exact);
    CHECK_REL(num(err.at("outputs")[0].at("difference")), -0.809, exact);
    CHECK_REL(num(err.at("outputs")[0].at("error")), 0.3272405, exact);
    CHECK_REL(num(err.at("total")), 0.3272405, exact);

    const ordered_json& d = event(t, "delta", "name", "o1");
    CHECK_REL(num(d.at("difference")), -0.809, exact);
    CHECK_REL(num(d.at("delta")), -0.809, exact);  // linear: f' = 1
}

TEST_CASE("seed example: the six gradients") {
    SeedStep s;
    const ordered_json& t = s.first;
    const std::vector<std::pair<std::string, double>> expected = {{"w1", -0.22652}, {"w2", -0.33978}, {"w3", -0.2427},
                                                                  {"w4", -0.36405}, {"w5", -0.68765}, {"w6", -0.38832}};
    for (const auto& entry : expected) {
        const std::string name = entry.first;  // not a structured binding: clang 14 cannot capture one
        const double g = entry.second;
        CAPTURE(name);
        CHECK_REL(num(event(t, "gradient", "parameter", name).at("gradient")), g, exact);
        CHECK_REL(num(event(t, "update", "parameter", name).at("gradient")), g,
                  exact);  // batch of 1: mean = the gradient
    }
}

TEST_CASE("seed example: the six new weights, and new = old − η·gradient") {
    SeedStep s;
    const ordered_json& t = s.first;
    const std::vector<std::pair<std::string, double>> expected = {
        {"w1", 0.121326}, {"w2", 0.226989}, {"w3", 0.132135}, {"w4", 0.0982025}, {"w5", 0.1743825}, {"w6", 0.169416}};
    const std::vector<double> old = {0.11, 0.21, 0.12, 0.08, 0.14, 0.15};
    int k = 0;
    for (const auto& entry : expected) {
        const std::string name = entry.first;
        const double w = entry.second;
        CAPTURE(name);
        const ordered_json& u = event(t, "update", "parameter", name);
        CHECK(num(u.at("old")) == old[k++]);
        CHECK(num(u.at("learningRate")) == 0.05);
        CHECK_REL(num(u.at("new")), w, exact);
        CHECK(num(u.at("new")) == num(u.at("old")) - num(u.at("learningRate")) * num(u.at("gradient")));
    }
    // The document itself now holds the new weights (checked after the second step's forward pass read them).
    const ordered_json& h1 = event(s.second, "forward", "name", "h1");
    CHECK_REL(num(h1.at("terms")[0].at("w")), 0.121326, exact);
    CHECK_REL(num(h1.at("terms")[1].at("w")), 0.226989, exact);
}

TEST_CASE("seed example: forward pass after the update") {
    SeedStep s;
    CHECK_REL(num(event(s.second, "forward", "name", "h1").at("a")), 0.923619, exact);
    CHECK_REL(num(event(s.second, "forward", "name", "h2").at("a")), 0.5588775, exact);
    const ordered_json& result = event(s.first, "result", "kind", "result");
    CHECK_ABS(num(result.at("prediction")[0]), 0.255746, 1e-6);
    CHECK_ABS(num(result.at("error")), 0.27696, 1e-5);
    CHECK(num(result.at("prediction")[0]) == num(event(s.second, "forward", "name", "o1").at("a")));
    CHECK_ABS(num(event(s.second, "error", "kind", "error").at("total")), 0.27696, 1e-5);
}

TEST_CASE("seed example: events come in the documented order with the documented names") {
    SeedStep s;
    std::vector<std::string> seen;
    for (const auto& e : s.first.at("events")) {
        const std::string kind = e.at("kind");
        std::string label = kind;
        if (kind == "forward" || kind == "delta") label += " " + e.at("name").get<std::string>();
        if (kind == "gradient" || kind == "update") label += " " + e.at("parameter").get<std::string>();
        seen.push_back(label);
    }
    const std::vector<std::string> expected = {
        "input",       "forward h1", "forward h2", "forward o1",  "error",       "delta o1",    "gradient w5",
        "gradient w6", "delta h1",   "delta h2",   "gradient w1", "gradient w2", "gradient w3", "gradient w4",
        "update w1",   "update w2",  "update w3",  "update w4",   "update w5",   "update w6",   "result"};
    CHECK(seen == expected);
    CHECK(s.first.at("epoch") == 0);
    CHECK(s.first.at("step") == 0);
    CHECK(s.first.at("samples") == ordered_json::array({0}));
    CHECK(s.second.at("epoch") == 1);
    CHECK(s.second.at("step") == 1);
    const ordered_json& input = s.first.at("events")[0];
    CHECK(input.at("inputs")[0].at("name") == "i1");
    CHECK(num(input.at("inputs")[1].at("value")) == 3.0);
    CHECK(input.at("targets")[0].at("name") == "o1");
}

TEST_CASE("seed example: Session::step returns the same trace as traceStep") {
    backstep::Session session(testsupport::fixture("seed.json"));
    SeedStep s;
    CHECK(ordered_json::parse(session.step()) == s.first);
    CHECK(ordered_json::parse(session.step()) == s.second);
    CHECK(ordered_json::parse(session.position()) == ordered_json{{"epoch", 2}, {"sample", 0}, {"step", 2}});
}
