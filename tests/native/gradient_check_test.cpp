// backward() against finite differences of halfSquaredError, for every activation, with and without
// biases, on random networks of 2–4 weight layers.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "passes.hpp"
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
    std::size_t checked = 0;
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
