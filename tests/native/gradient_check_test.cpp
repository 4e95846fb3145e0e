// backward() against finite differences of halfSquaredError, for every activation, with and without
// biases, on random networks of 2–4 weight layers; gradientCheck() (gradient_check.hpp), which sets the two side by
// side for a step's batch; and the session's gradientCheck, initialize and trainCurve.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "gradient_check.hpp"
#include "initialize.hpp"
#include "json_number.hpp"
#include "limits.hpp"
#include "passes.hpp"
#include "session.hpp"
#include "test_support.hpp"

using namespace backstep;

namespace {

struct Case {
    Network net;
    std::vector<double> input, target;
};

Case randomCase(std::mt19937& rng, Activation f, bool bias, std::size_t weightLayers) {
    std::uniform_int_distribution<std::size_t> size(1, 4);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Case c;
    c.net.layers.push_back({size(rng), Activation::Linear, false, ""});
    for (std::size_t k = 0; k < weightLayers; ++k) c.net.layers.push_back({size(rng), f, bias, ""});
    shapeParameters(c.net);
    for (auto& w : c.net.weights)
        for (double& x : w) x = u(rng);
    if (bias)
        for (auto& b : c.net.biases)
            for (double& x : b) x = u(rng);
    for (std::size_t i = 0; i < c.net.inputs(); ++i) c.input.push_back(u(rng));
    for (std::size_t j = 0; j < c.net.outputs(); ++j) c.target.push_back(u(rng));
    return c;
}

double lossAt(const Case& c, Workspace& ws) {
    forward(c.net, c.input.data(), ws);
    return halfSquaredError(c.net, ws, c.target.data());
}

// relu: every z at least `margin` away from the kink.
bool clearOfKink(const Case& c, Workspace& ws, double margin) {
    forward(c.net, c.input.data(), ws);
    for (std::size_t k = 1; k < ws.z.size(); ++k)
        for (double z : ws.z[k])
            if (std::fabs(z) < margin) return false;
    return true;
}

// ∂E/∂p by finite differences. Smooth activations: the sixth-order central stencil
// (45[E(p±h)] − 9[E(p±2h)] + [E(p±3h)]) / 60h, [·] = E(p+·) − E(p−·), truncation O(h⁶). Linear and relu (away from the
// kink, on both sides of which every z keeps its sign): E is exactly quadratic in one parameter, so the
// plain central difference has no truncation error and a wide step only reduces rounding.
double numericGradient(Case& c, double& p, Activation f, Workspace& ws) {
    const double p0 = p;
    auto at = [&](double x) {
        p = x;
        return lossAt(c, ws);
    };
    double g;
    if (f == Activation::Sigmoid || f == Activation::Tanh) {
        const double h = 1e-2;
        g = (45 * (at(p0 + h) - at(p0 - h)) - 9 * (at(p0 + 2 * h) - at(p0 - 2 * h)) +
             (at(p0 + 3 * h) - at(p0 - 3 * h))) /
            (60 * h);
    } else {
        double h = 1e-2;
        if (f == Activation::Relu) {  // shrink the step until no z crosses the kink at p ± h
            at(p0);
            const std::vector<std::vector<double>> z0 = ws.z;
            auto sameSide = [&](double x) {
                at(x);
                for (std::size_t k = 1; k < z0.size(); ++k)
                    for (std::size_t j = 0; j < z0[k].size(); ++j)
                        if ((z0[k][j] > 0) != (ws.z[k][j] > 0)) return false;
                return true;
            };
            while (!sameSide(p0 + h) || !sameSide(p0 - h)) h /= 2;
        }
        g = (at(p0 + h) - at(p0 - h)) / (2 * h);
    }
    p = p0;
    return g;
}

// Relative error with a floor of 1e-7 on the denominator: differences of E are only good to ~1e-12
// absolute, so a gradient of 1e-9 cannot be checked to 1e-6 relative. (A floor this small still
// catches any wrong term: mistakes are of the size of the gradients themselves.)
double relativeError(double a, double b) { return std::fabs(a - b) / std::max({std::fabs(a), std::fabs(b), 1e-8}); }

}  // namespace

TEST_CASE("backward() matches finite differences for every parameter") {
    const Activation activations[] = {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu};
    double worst = 0.0;
    std::size_t checked = 0, zeros = 0;
    for (Activation f : activations)
        for (bool bias : {false, true})
            for (std::size_t depth = 2; depth <= 4; ++depth) {
                std::mt19937 rng(1000u * static_cast<unsigned>(f) + 100u * bias + static_cast<unsigned>(depth));
                for (int n = 0; n < 4; ++n) {
                    Case c = randomCase(rng, f, bias, depth);
                    Workspace ws(c.net);
                    if (f == Activation::Relu) {
                        int tries = 0;
                        while (!clearOfKink(c, ws, 1e-3)) {  // reject draws near the kink
                            REQUIRE(++tries < 1000);
                            c = randomCase(rng, f, bias, depth);
                            ws = Workspace(c.net);
                        }
                    }
                    forward(c.net, c.input.data(), ws);
                    backward(c.net, c.target.data(), ws);
                    const Workspace analytic = ws;
                    for (std::size_t l = 0; l < c.net.depth(); ++l) {
                        for (std::size_t k = 0; k < c.net.weights[l].size(); ++k) {
                            const double numeric = numericGradient(c, c.net.weights[l][k], f, ws);
                            const double err = relativeError(analytic.gradW[l][k], numeric);
                            worst = std::max(worst, err);
                            ++checked;
                            INFO(std::string(activationName(f))
                                 << (bias ? " with" : " without") << " biases, depth " << depth << ", net " << n
                                 << ", weight layer " << l << " index " << k << ": backward " << std::setprecision(17)
                                 << analytic.gradW[l][k] << ", numeric " << numeric);
                            CHECK(err < 1e-6);
                        }
                        for (std::size_t j = 0; j < c.net.biases[l].size(); ++j) {
                            if (!bias) {
                                CHECK(analytic.gradB[l][j] ==
                                      analytic.delta[l + 1][j]);  // reported, though not applied
                                continue;
                            }
                            const double numeric = numericGradient(c, c.net.biases[l][j], f, ws);
                            const double err = relativeError(analytic.gradB[l][j], numeric);
                            worst = std::max(worst, err);
                            ++checked;
                            INFO(std::string(activationName(f))
                                 << " depth " << depth << ", net " << n << ", bias layer " << l << " neuron " << j
                                 << ": backward " << std::setprecision(17) << analytic.gradB[l][j] << ", numeric "
                                 << numeric);
                            CHECK(err < 1e-6);
                        }
                    }
                }
            }
    INFO("worst relative error " << worst);
    CHECK(checked > 2000);  // every parameter of 96 networks
    CHECK(worst < 1e-6);
}

TEST_CASE("backward() adds to the gradient sums: two calls give twice one call") {
    std::mt19937 rng(7);
    Case c = randomCase(rng, Activation::Sigmoid, true, 3);
    Workspace ws(c.net);
    forward(c.net, c.input.data(), ws);
    backward(c.net, c.target.data(), ws);
    const Workspace once = ws;
    backward(c.net, c.target.data(), ws);
    for (std::size_t l = 0; l < c.net.depth(); ++l) {
        for (std::size_t k = 0; k < ws.gradW[l].size(); ++k) CHECK(ws.gradW[l][k] == 2 * once.gradW[l][k]);
        for (std::size_t j = 0; j < ws.gradB[l].size(); ++j) CHECK(ws.gradB[l][j] == 2 * once.gradB[l][j]);
    }
    clearGradients(ws);
    for (const auto& g : ws.gradW) CHECK(std::all_of(g.begin(), g.end(), [](double x) { return x == 0.0; }));
}

namespace {

// A 2-3-2 network with biases on both layers, weights and biases uniform in ±1 from `seed` (relu's biases shifted up,
// so that most neurons are on), and `count` samples with inputs and targets uniform in ±1.
Document document232(Activation f, unsigned seed, std::size_t count, std::size_t batchSize) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Document doc;
    doc.network.layers = {{2, Activation::Linear, false, ""}, {3, f, true, ""}, {2, f, true, ""}};
    shapeParameters(doc.network);
    for (auto& w : doc.network.weights)
        for (double& x : w) x = u(rng);
    for (auto& b : doc.network.biases)
        for (double& x : b) x = u(rng) + (f == Activation::Relu ? 0.6 : 0.0);  // relu: most neurons on
    doc.learningRate = 0.1;
    doc.batchSize = batchSize;
    for (std::size_t s = 0; s < count; ++s) doc.samples.push_back({{u(rng), u(rng)}, {u(rng), u(rng)}});
    return doc;
}

// Every z of every sample at least `margin` from 0 (relu's kink).
bool clearOfKink(const Document& doc, double margin) {
    Workspace ws(doc.network);
    for (const Sample& s : doc.samples) {
        forward(doc.network, s.input.data(), ws);
        for (std::size_t k = 1; k < ws.z.size(); ++k)
            for (double z : ws.z[k])
                if (std::fabs(z) < margin) return false;
    }
    return true;
}

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The batch's mean gradients exactly as a step's update uses them: the training loop's own calls.
Workspace stepGradients(const Document& doc, const Position& position) {
    Network net = doc.network;
    Workspace ws(net);
    const std::size_t end = batchEnd(doc, position);
    for (std::size_t s = position.sample; s < end; ++s) {
        forward(net, doc.samples[s].input.data(), ws);
        backward(net, doc.samples[s].target.data(), ws);
    }
    update(net, ws, doc.learningRate, static_cast<double>(end - position.sample), doc.trainBiases);
    return ws;
}

std::string refusal(const std::function<void()>& call) {
    try {
        call();
    } catch (const EngineError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("gradientCheck: backprop and finite differences agree for every activation, batches of 1 and 3") {
    const Activation activations[] = {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu};
    double worst = 0.0;
    std::size_t checked = 0, zeros = 0;
    for (Activation f : activations)
        for (std::size_t batchSize : {1, 3}) {
            CAPTURE(activationName(f));
            CAPTURE(batchSize);
            unsigned seed = 10u * static_cast<unsigned>(f) + static_cast<unsigned>(batchSize);
            Document doc = document232(f, seed, 4, batchSize);
            while (f == Activation::Relu && !clearOfKink(doc, 0.05)) doc = document232(f, seed += 100, 4, batchSize);
            const std::string before = writeDocument(doc);
            // Batch of 1: the second sample; batch of 3: samples 0–2, then the short last batch (sample 3).
            std::vector<Position> positions = {Position{0, batchSize == 1 ? std::size_t{1} : 0, 1}};
            if (batchSize == 3) positions.push_back(Position{0, 3, 1});
            for (const Position& position : positions) {
                CAPTURE(position.sample);
                const std::vector<ParameterCheck> checks = gradientCheck(doc, position);
                const Workspace step = stepGradients(doc, position);
                REQUIRE(checks.size() == 12 + 5);
                std::size_t k = 0;
                for (std::size_t l = 0; l < 2; ++l)
                    for (double g : step.gradW[l]) CHECK(sameBits(checks[k++].backprop, g));  // as the update has it
                for (std::size_t l = 0; l < 2; ++l)
                    for (double g : step.gradB[l]) CHECK(sameBits(checks[k++].backprop, g));
                for (const ParameterCheck& c : checks) {
                    ++checked;
                    INFO(c.name << ": backprop " << std::setprecision(17) << c.backprop << ", numeric " << c.numeric);
                    CHECK(c.relativeDifference < 1e-6);
                    if (c.backprop == 0.0 && c.numeric == 0.0) {  // a relu off for every sample of the batch
                        CHECK(f == Activation::Relu);
                        CHECK(c.relativeDifference == 0.0);
                        ++zeros;
                        continue;
                    }
                    CHECK(std::fabs(c.backprop) > 1e-4);  // a real check: no gradient lost in rounding
                    CHECK(c.relativeDifference ==
                          std::fabs(c.backprop - c.numeric) / std::max(std::fabs(c.backprop), std::fabs(c.numeric)));
                    worst = std::max(worst, c.relativeDifference);
                }
            }
            CHECK(writeDocument(doc) == before);  // the document is never changed
        }
    INFO("worst relative difference " << worst << ", " << zeros << " zero gradients");
    CHECK(checked == 12 * 17);
    CHECK(zeros < 17);  // most relu gradients are live ones
}

TEST_CASE("gradientCheck: names and order, w1… in the document's numbering, then b1… of the layers with a bias") {
    Document doc = document232(Activation::Tanh, 5, 2, 2);
    std::vector<ParameterCheck> checks = gradientCheck(doc, Position{});
    REQUIRE(checks.size() == 17);
    for (std::size_t k = 0; k < 12; ++k) CHECK(checks[k].name == "w" + std::to_string(k + 1));
    for (std::size_t k = 0; k < 5; ++k) CHECK(checks[12 + k].name == "b" + std::to_string(k + 1));
    // w5 is layer 0, destination 2 (h3), source 0 (i1); w7 is layer 1, destination 0 (o1), source 0 (h1).
    const Workspace step = stepGradients(doc, Position{});
    CHECK(sameBits(checks[4].backprop, step.gradW[0][2 * 2 + 0]));
    CHECK(sameBits(checks[6].backprop, step.gradW[1][0 * 3 + 0]));

    // Biases are checked whether trained or not; a layer without a bias has none to check.
    doc.trainBiases = false;
    doc.network.layers[1].bias = false;
    std::fill(doc.network.biases[0].begin(), doc.network.biases[0].end(), 0.0);
    checks = gradientCheck(doc, Position{});
    REQUIRE(checks.size() == 12 + 2);
    CHECK(checks[12].name == "b1");  // the output layer's, numbered from 1
    CHECK(checks[13].name == "b2");
    CHECK(sameBits(checks[12].backprop, stepGradients(doc, Position{}).gradB[1][0]));
    CHECK(checks[13].relativeDifference < 1e-6);
}

TEST_CASE("gradientCheck: the seed's published gradients") {
    const Document doc = readDocument(testsupport::fixture("seed.json"));
    const std::string before = writeDocument(doc);
    const std::vector<ParameterCheck> checks = gradientCheck(doc, Position{});
    REQUIRE(checks.size() == 6);
    for (std::size_t k = 0; k < 6; ++k) CHECK(checks[k].name == "w" + std::to_string(k + 1));
    // δo1 = o1 − t = 0.191 − 1 = −0.809; ∂E/∂w5 = δ·h1 = −0.809 × 0.85 = −0.68765; ∂E/∂w6 = −0.809 × 0.48 = −0.38832.
    CHECK_REL(checks[4].backprop, -0.68765, 1e-12);
    CHECK_REL(checks[5].backprop, -0.38832, 1e-12);
    CHECK_REL(checks[4].numeric, -0.68765, 1e-6);
    CHECK_REL(checks[5].numeric, -0.38832, 1e-6);
    // ∂E/∂w1 = δo1 · w5 · i1 = −0.809 × 0.14 × 2 = −0.22652 (the post rounds it to −0.2265).
    CHECK_REL(checks[0].backprop, -0.22652, 1e-12);
    for (const ParameterCheck& c : checks) CHECK(c.relativeDifference < 1e-6);
    CHECK(writeDocument(doc) == before);
}

TEST_CASE("gradientCheck: both derivatives 0 give a relative difference of 0") {
    Document doc = readDocument(testsupport::fixture("seed.json"));
    Workspace ws(doc.network);
    forward(doc.network, doc.samples[0].input.data(), ws);
    doc.samples[0].target = {ws.a.back()[0]};  // the prediction itself, exactly as forward() computes it
    for (const ParameterCheck& c : gradientCheck(doc, Position{})) {
        CHECK(c.backprop == 0.0);
        CHECK(c.relativeDifference == (c.numeric == 0.0 ? 0.0 : 1.0));
    }
}

TEST_CASE("gradientCheck: refused over the work limit, before any work") {
    Document doc;
    doc.network.layers = {{256, Activation::Linear, false, ""},
                          {256, Activation::Sigmoid, true, ""},
                          {256, Activation::Sigmoid, true, ""}};
    shapeParameters(doc.network);
    doc.learningRate = 0.1;
    doc.samples = {{std::vector<double>(256, 0.5), std::vector<double>(256, 0.5)}};
    const std::string message = refusal([&] { gradientCheck(doc, Position{}); });
    CAPTURE(message);
    CHECK(message.rfind("gradientCheck: ", 0) == 0);
    CHECK(message.find("over the limit of " + std::to_string(limits::maxWork)) != std::string::npos);
}

TEST_CASE("session: gradientCheck, initialize and trainCurve as JSON text; a refusal changes nothing") {
    const std::string seed = testsupport::fixture("seed.json");
    Session session(seed);

    const nlohmann::ordered_json check = nlohmann::ordered_json::parse(session.gradientCheck());
    REQUIRE(check.at("parameters").size() == 6);
    const nlohmann::ordered_json& w5 = check.at("parameters")[4];
    CHECK(w5.at("name") == "w5");
    CHECK(w5.at("backprop").get<double>() ==
          gradientCheck(readDocument(seed), Position{})[4].backprop);  // exact: jsonNumber round-trips
    CHECK(w5.at("relativeDifference").get<double>() < 1e-6);
    std::vector<std::string> keys;
    for (const auto& item : w5.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"name", "backprop", "numeric", "relativeDifference"});

    // trainCurve: the curve of train(), and the same document after.
    Document doc = readDocument(seed);
    Position position;
    Curve curve;
    const Count steps = train(doc, position, 3, TrainOptions{&curve});
    const nlohmann::ordered_json trained = nlohmann::ordered_json::parse(session.trainCurve(3, 0.0));
    CHECK(trained.at("steps") == steps);
    CHECK(trained.at("epochs") == nlohmann::json(curve.epochs));
    REQUIRE(trained.at("meanErrors").size() == 3);
    for (std::size_t k = 0; k < 3; ++k) CHECK(trained.at("meanErrors")[k].get<double>() == curve.meanErrors[k]);
    CHECK(trained.at("stride") == 1);
    CHECK(std::string(trained.begin().key()) == "steps");
    CHECK(session.document() == writeDocument(doc));
    CHECK(session.position() == R"({"epoch":3,"sample":0,"step":3})");
    // Thinned like train(); 0: every epoch.
    Session thinned(seed), every(seed);
    CHECK(nlohmann::json::parse(thinned.trainCurve(4001)).at("stride") == 3);
    const nlohmann::json all = nlohmann::json::parse(every.trainCurve(4001, 0.0, 0));
    CHECK(all.at("stride") == 1);
    CHECK(all.at("epochs").size() == 4001);
    CHECK(thinned.document() == every.document());
    // stopBelow stops early.
    Session stopping(seed);
    const nlohmann::json stopped = nlohmann::json::parse(stopping.trainCurve(1000, 0.01));
    CHECK(stopped.at("steps").get<Count>() < 1000);
    CHECK(stopped.at("meanErrors").back().get<double>() < 0.01);

    // Refusals leave the session as it was.
    const std::string document = session.document(), at = session.position();
    CHECK(refusal([&] { session.trainCurve(limits::maxEpochs + 1, 0.0); }).rfind("epochs: ", 0) == 0);
    CHECK(refusal([&] { session.trainCurve(1, -1.0); }).rfind("stopBelow: ", 0) == 0);
    CHECK(refusal([&] { session.trainCurve(1, std::nan("")); }).rfind("stopBelow: ", 0) == 0);
    CHECK(refusal([&] { session.initialize("gaussian", 1, 0.5); }).rfind("scheme: ", 0) == 0);
    CHECK(refusal([&] { session.initialize("uniform", 1, 0.0); }).rfind("range: ", 0) == 0);
    CHECK(refusal([&] { session.initialize("uniform", 1, INFINITY); }).rfind("range: ", 0) == 0);
    CHECK(session.document() == document);
    CHECK(session.position() == at);
    Document diverging = readDocument(seed);
    diverging.learningRate = 50;
    Session diverges(writeDocument(diverging));
    CHECK(refusal([&] { diverges.trainCurve(2000, 0.0); }).rfind("training diverged", 0) == 0);
    CHECK(diverges.document() == writeDocument(diverging));
    CHECK(diverges.position() == R"({"epoch":0,"sample":0,"step":0})");

    // initialize: every parameter from the seed, position back to the start; the same seed gives the same text.
    const std::string first = session.initialize("uniform", 42, 0.25);
    CHECK(session.position() == R"({"epoch":0,"sample":0,"step":0})");
    CHECK(first == session.document());
    Network expected = readDocument(seed).network;
    initialize(expected, Init{InitScheme::Uniform, 42, 0.25});
    CHECK(readDocument(first).network.weights == expected.weights);
    CHECK(readDocument(first).learningRate == readDocument(seed).learningRate);  // the rest is kept
    CHECK(session.initialize("uniform", 42, 0.25) == first);
    CHECK(session.initialize("uniform", 43, 0.25) != first);
    CHECK(Session(seed).initialize("he", 42, 123.0) == Session(seed).initialize("he", 42, 0.5));  // range unread
}
