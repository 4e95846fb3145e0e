// Matt Mazur, "A Step by Step Backpropagation Example": every per-step value the post publishes, and its two
// training summaries.
#include <string>
#include <vector>

#include "test_support.hpp"
#include "trace.hpp"

using nlohmann::ordered_json;
using testsupport::event;

namespace {

constexpr double tol = 1e-8;  // "agree within 1e-8"

double num(const ordered_json& v) { return v.get<double>(); }

backstep::Document mazur() { return backstep::readDocument(testsupport::fixture("mazur.json")); }

}  // namespace

TEST_CASE("mazur example: the first step, value by value") {
    backstep::Document doc = mazur();
    backstep::Position position;
    const ordered_json t = backstep::traceStep(doc, position);

    CHECK_ABS(num(event(t, "forward", "name", "h1").at("z")), 0.3775, tol);       // net_h1
    CHECK_ABS(num(event(t, "forward", "name", "h1").at("a")), 0.593269992, tol);  // out_h1
    CHECK_ABS(num(event(t, "forward", "name", "h2").at("a")), 0.596884378, tol);  // out_h2
    CHECK_ABS(num(event(t, "forward", "name", "o1").at("z")), 1.105905967, tol);  // net_o1
    CHECK_ABS(num(event(t, "forward", "name", "o1").at("a")), 0.75136507, tol);   // out_o1
    CHECK_ABS(num(event(t, "forward", "name", "o2").at("a")), 0.772928465, tol);  // out_o2

    const ordered_json& err = event(t, "error", "kind", "error");
    CHECK_ABS(num(err.at("outputs")[0].at("error")), 0.274811083, tol);  // E_o1
    CHECK_ABS(num(err.at("outputs")[1].at("error")), 0.023560026, tol);  // E_o2
    CHECK_ABS(num(err.at("total")), 0.298371109, tol);                   // E_total

    const ordered_json& o1 = event(t, "delta", "name", "o1");
    CHECK_ABS(num(o1.at("difference")), 0.74136507, tol);                                      // ∂E/∂out_o1
    CHECK_ABS(num(o1.at("derivative")), 0.186815602, tol);                                     // ∂out_o1/∂net_o1
    CHECK_ABS(num(event(t, "gradient", "parameter", "w5").at("gradient")), 0.082167041, tol);  // ∂E/∂w5

    const std::vector<std::pair<std::string, double>> newWeights = {
        {"w1", 0.149780716}, {"w2", 0.19956143},  {"w3", 0.24975114},  {"w4", 0.29950229},
        {"w5", 0.35891648},  {"w6", 0.408666186}, {"w7", 0.511301270}, {"w8", 0.561370121}};
    for (const auto& [parameter, w] : newWeights) {
        const std::string& name = parameter;  // clang 14 cannot capture a structured binding (CAPTURE's lambda)
        CAPTURE(name);
        CHECK_ABS(num(event(t, "update", "parameter", name).at("new")), w, tol);
    }

    const ordered_json& h1 = event(t, "delta", "name", "h1");
    CHECK_ABS(num(h1.at("sum")), 0.036350306, tol);                                            // ∂E_total/∂out_h1
    CHECK_ABS(num(h1.at("derivative")), 0.241300709, tol);                                     // ∂out_h1/∂net_h1
    CHECK_ABS(num(event(t, "gradient", "parameter", "w1").at("gradient")), 0.000438568, tol);  // ∂E/∂w1

    // trainBiases: false — no bias update events, biases untouched.
    for (const auto& e : t.at("events")) CHECK_FALSE((e.at("kind") == "update" && e.at("type") == "bias"));
    CHECK(doc.network.biases == std::vector<std::vector<double>>{{0.35, 0.35}, {0.60, 0.60}});
}

TEST_CASE("mazur example: E_total after 1 and after 10,000 rounds") {
    backstep::Document doc = mazur();
    backstep::Position position;
    backstep::train(doc, position, 1);
    // Printed with 11 decimals; the post's own 0.29102792391 (wrong update order) is 1.5e-7 away.
    CHECK_ABS(backstep::meanError(doc), 0.29102777369, 1e-11);

    backstep::train(doc, position, 9999);
    CHECK(position.epoch == 10000);
    CHECK(position.step == 10000);
    CHECK_ABS(backstep::meanError(doc), 3.5102e-5, 5e-10);  // printed to 5 significant digits
    backstep::Workspace ws(doc.network);
    forward(doc.network, doc.samples[0].input.data(), ws);
    CHECK_ABS(ws.a.back()[0], 0.015913620, 5e-10);
    CHECK_ABS(ws.a.back()[1], 0.984064274, 5e-10);
    CHECK(doc.network.biases == std::vector<std::vector<double>>{{0.35, 0.35}, {0.60, 0.60}});
}
