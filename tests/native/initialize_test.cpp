// Initial weights from a seed: the shared vectors in tests/vectors/initialize.json are computed by
// tests/vectors/initialize.py with plain Python floats, independently of this code, and must match bit for bit.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "error.hpp"
#include "initialize.hpp"
#include "limits.hpp"
#include "test_support.hpp"

using namespace backstep;

namespace {

Network network(const std::vector<std::size_t>& shape, const std::vector<bool>& bias) {
    Network net;
    net.layers.push_back({shape[0], Activation::Linear, false, ""});
    for (std::size_t k = 1; k < shape.size(); ++k)
        net.layers.push_back({shape[k], Activation::Sigmoid, bias[k - 1], ""});
    shapeParameters(net);
    return net;
}

std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// FNV-1a (64 bits) of the little-endian bytes of every weight, then every bias: the hash initialize.py records.
std::string fnv1a64(const Network& net) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    auto add = [&h](const std::vector<std::vector<double>>& rows) {
        for (const auto& row : rows)
            for (double x : row)
                for (int byte = 0; byte < 8; ++byte) h = (h ^ ((bits(x) >> (8 * byte)) & 0xFF)) * 0x100000001B3ULL;
    };
    add(net.weights);
    add(net.biases);
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}

Network initialized(const std::vector<std::size_t>& shape, InitScheme scheme, std::uint64_t seed) {
    Network net = network(shape, std::vector<bool>(shape.size() - 1, true));
    initialize(net, {scheme, seed, 0.5});
    return net;
}

std::string refusal(Network& net, const Init& init) {
    try {
        initialize(net, init);
    } catch (const EngineError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("initialize: SplitMix64 gives the published sequence") {
    SplitMix64 zero(0);
    CHECK(zero.next() == 0xE220A8397B1DCDAFULL);
    CHECK(zero.next() == 0x6E789E6AA1B965F4ULL);
    SplitMix64 rng(1234567);
    CHECK(rng.next() == 6457827717110365317ULL);
    CHECK(rng.next() == 3203168211198807973ULL);
    CHECK(rng.next() == 9817491932198370423ULL);
}

TEST_CASE("initialize: the shared vectors, bit for bit") {
    const std::string path = std::string(BACKSTEP_FIXTURES) + "/../vectors/initialize.json";
    const auto cases = nlohmann::json::parse(testsupport::readFile(path));
    REQUIRE(cases.size() == 5);
    for (const auto& c : cases) {
        const auto scheme = c.at("scheme").get<std::string>();
        const auto seed = c.at("seed").get<std::uint64_t>();
        INFO(scheme << " seed " << seed);
        Network net = network(c.at("shape").get<std::vector<std::size_t>>(), c.at("bias").get<std::vector<bool>>());
        // Garbage first: initialize must overwrite every parameter, the biases it does not draw included.
        for (auto* rows : {&net.weights, &net.biases})
            for (auto& row : *rows)
                for (double& x : row) x = 123.0;
        initialize(net, {initSchemeByName(scheme), seed, c.at("range").get<double>()});
        const auto weights = c.at("weights").get<std::vector<std::vector<double>>>();
        const auto biases = c.at("biases").get<std::vector<std::vector<double>>>();
        REQUIRE(net.weights.size() == weights.size());
        REQUIRE(net.biases.size() == biases.size());
        for (std::size_t l = 0; l < weights.size(); ++l) {
            REQUIRE(net.weights[l].size() == weights[l].size());
            for (std::size_t k = 0; k < weights[l].size(); ++k) CHECK(bits(net.weights[l][k]) == bits(weights[l][k]));
            REQUIRE(net.biases[l].size() == biases[l].size());
            for (std::size_t k = 0; k < biases[l].size(); ++k) CHECK(bits(net.biases[l][k]) == bits(biases[l][k]));
        }
        CHECK(net.weights == weights);
        CHECK(net.biases == biases);
        CHECK(fnv1a64(net) == c.at("fnv1a64").get<std::string>());
    }
}

TEST_CASE("initialize: the same seed gives the same network, another seed another") {
    for (InitScheme scheme : {InitScheme::Uniform, InitScheme::Xavier, InitScheme::He}) {
        CAPTURE(initSchemeName(scheme));
        const Network a = initialized({3, 5, 2}, scheme, 99);
        const Network b = initialized({3, 5, 2}, scheme, 99);
        CHECK(a.weights == b.weights);
        CHECK(a.biases == b.biases);
        CHECK(initialized({3, 5, 2}, scheme, 100).weights != a.weights);
        CHECK(initialized({3, 5, 2}, scheme, 0).weights != a.weights);
        CHECK(initialized({3, 5, 2}, scheme, std::uint64_t(limits::maxWholeNumber)).weights != a.weights);
    }
}

TEST_CASE("initialize: the shape is unchanged") {
    Network net = network({4, 8, 8, 1}, {true, false, true});
    const auto layers = net.layers;
    for (InitScheme scheme : {InitScheme::Uniform, InitScheme::Xavier, InitScheme::He, InitScheme::Zeros}) {
        CAPTURE(initSchemeName(scheme));
        initialize(net, {scheme, 3, 0.25});
        REQUIRE(net.layers.size() == layers.size());
        for (std::size_t k = 0; k < layers.size(); ++k) {
            CHECK(net.layers[k].size == layers[k].size);
            CHECK(net.layers[k].bias == layers[k].bias);
            CHECK(net.layers[k].activation == layers[k].activation);
        }
        REQUIRE(net.weights.size() == 3);
        CHECK(net.weights[0].size() == 32);
        CHECK(net.weights[1].size() == 64);
        CHECK(net.weights[2].size() == 8);
        REQUIRE(net.biases.size() == 3);
        CHECK(net.biases[0].size() == 8);
        CHECK(net.biases[1] == std::vector<double>(8, 0.0));  // layer 2 has no bias
        CHECK(net.biases[2].size() == 1);
        for (double b : net.biases[0]) CHECK(std::fabs(b) <= 0.25);
    }
}

TEST_CASE("initialize: Xavier weights lie within ±sqrt(6 / (in + out)) with variance limit² / 3") {
    const Network net = initialized({256, 256}, InitScheme::Xavier, 2024);
    const double limit = std::sqrt(6.0 / 512.0);
    double sum = 0.0;
    for (double w : net.weights[0]) {
        CHECK(std::fabs(w) <= limit);
        sum += w;
    }
    const double n = static_cast<double>(net.weights[0].size());
    const double mean = sum / n;
    double squares = 0.0;
    for (double w : net.weights[0]) squares += (w - mean) * (w - mean);
    CHECK_REL(squares / (n - 1), limit * limit / 3.0, 0.05);
    CHECK(net.biases[0] == std::vector<double>(256, 0.0));  // Xavier starts the biases at 0
}

TEST_CASE("initialize: He weights lie within ±sqrt(6 / in); Zeros gives zeros") {
    const Network he = initialized({6, 4, 3}, InitScheme::He, 8);
    for (std::size_t l = 0; l < he.depth(); ++l)
        for (double w : he.weights[l]) CHECK(std::fabs(w) <= std::sqrt(6.0 / static_cast<double>(he.layers[l].size)));
    const Network zeros = initialized({6, 4, 3}, InitScheme::Zeros, 8);
    CHECK(zeros.weights ==
          std::vector<std::vector<double>>{std::vector<double>(24, 0.0), std::vector<double>(12, 0.0)});
    CHECK(zeros.biases == std::vector<std::vector<double>>{std::vector<double>(4, 0.0), std::vector<double>(3, 0.0)});
}

TEST_CASE("initialize: schemes by name") {
    for (InitScheme scheme : {InitScheme::Uniform, InitScheme::Xavier, InitScheme::He, InitScheme::Zeros})
        CHECK(initSchemeByName(initSchemeName(scheme)) == scheme);
    CHECK_THROWS_WITH_AS(initSchemeByName("foo"), "scheme: expected uniform, xavier, he or zeros, got \"foo\"",
                         EngineError);
    CHECK_THROWS_AS(initSchemeByName("Xavier"), EngineError);  // names are lower case
    CHECK_THROWS_AS(initSchemeByName(""), EngineError);
}

TEST_CASE("initialize: a range that is not finite and positive is refused by name, the network untouched") {
    Network net = initialized({2, 2, 1}, InitScheme::Uniform, 1);
    const Network before = net;
    for (double range :
         {0.0, -0.5, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        CAPTURE(range);
        const std::string message = refusal(net, {InitScheme::Uniform, 2, range});
        CHECK(message.rfind("range: ", 0) == 0);
        CHECK(net.weights == before.weights);
        CHECK(net.biases == before.biases);
    }
    CHECK(refusal(net, {InitScheme::Uniform, 2, 0.0}) == "range: expected a finite number greater than 0, got 0");
    CHECK(refusal(net, {InitScheme::Uniform, 2, std::nan("")}) ==
          "range: expected a finite number greater than 0, got no number");
    CHECK(refusal(net, {InitScheme::Uniform, 2, -0.5}) == "range: expected a finite number greater than 0, got -0.5");
    CHECK(refusal(net, {InitScheme::Uniform, 2, HUGE_VAL}) ==
          "range: expected a finite number greater than 0, got infinity");
    CHECK(refusal(net, {InitScheme::Xavier, 2, 0.0}).empty());  // only Uniform reads range
}
