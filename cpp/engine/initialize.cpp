#include "initialize.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "error.hpp"
#include "limits.hpp"
#include "message.hpp"

namespace backstep {

std::uint64_t SplitMix64::next() {
    // Unsigned arithmetic wraps modulo 2^64 by the standard: the same bits on every platform.
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// A 53-bit integer is exactly a double, and scaling by a power of two is exact: no rounding anywhere.
double SplitMix64::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

namespace {

constexpr InitScheme allSchemes[] = {InitScheme::Uniform, InitScheme::Xavier, InitScheme::He, InitScheme::Zeros};

// In [−1, 1). 2u is exact (a power of two) and so is 2u − 1 (both are multiples of 2^-52 below 2 in magnitude),
// so even a compiler that fuses the two into one FMA gets the same bits.
double symmetric(SplitMix64& rng) { return 2.0 * rng.uniform() - 1.0; }

// The half-width of the weights of layer l; 0 when the scheme draws none.
double weightLimit(const Network& net, std::size_t l, const Init& init) {
    const double fanIn = static_cast<double>(net.layers[l].size);
    const double fanOut = static_cast<double>(net.layers[l + 1].size);
    switch (init.scheme) {
        case InitScheme::Uniform:
            return init.range;
        case InitScheme::Xavier:
            return std::sqrt(6.0 / (fanIn + fanOut));
        case InitScheme::He:
            return std::sqrt(6.0 / fanIn);
        case InitScheme::Zeros:
            return 0.0;
    }
    return 0.0;
}

void requireValid(const Init& init) {
    if (init.scheme != InitScheme::Uniform) return;  // the other schemes do not read range
    if (!(std::isfinite(init.range) && init.range > 0.0))
        throw EngineError("range: expected a finite number greater than 0, got " + numberText(init.range));
}

}  // namespace

InitScheme initSchemeByName(const std::string& name) {
    for (InitScheme scheme : allSchemes)
        if (name == initSchemeName(scheme)) return scheme;
    // The name comes from outside: quoted safely and cut short, as the document reader does.
    throw EngineError("scheme: expected uniform, xavier, he or zeros, got \"" + quote(excerpt(name, 40)) + "\"");
}

const char* initSchemeName(InitScheme scheme) {
    switch (scheme) {
        case InitScheme::Uniform:
            return "uniform";
        case InitScheme::Xavier:
            return "xavier";
        case InitScheme::He:
            return "he";
        case InitScheme::Zeros:
            return "zeros";
    }
    return "xavier";
}

void initialize(Network& net, const Init& init) {
    requireValid(init);  // before any write: a refused call leaves the network as it was
    if (net.layers.empty()) return;
    shapeParameters(net);  // all zeros, sized by net.layers: what Zeros wants, and the biases that are not drawn
    if (init.scheme == InitScheme::Zeros) return;
    SplitMix64 rng(init.seed);
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const double limit = weightLimit(net, l, init);
        for (double& w : net.weights[l]) w = symmetric(rng) * limit;  // stored j-major: the numbering order
    }
    if (init.scheme != InitScheme::Uniform) return;  // Xavier and He start the biases at 0
    for (std::size_t l = 0; l < net.depth(); ++l) {
        if (!net.layers[l + 1].bias) continue;
        for (double& b : net.biases[l]) b = symmetric(rng) * init.range;
    }
}

}  // namespace backstep
