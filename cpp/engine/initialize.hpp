// Initial weights and biases from a seed: a named scheme and our own PRNG, so that the same seed gives the same
// network everywhere.
//
// Reproducibility: the generator is SplitMix64 (integer arithmetic on 64 bits, exact everywhere), and a value is
// made from its output with only +, −, ×, ÷ and sqrt, which IEEE 754 rounds correctly. So the same scheme, seed and
// shape give bit-identical parameters natively, in WebAssembly and in Python (tests/vectors/initialize.py writes the
// shared vectors in tests/vectors/initialize.json). std:: distributions are not used: their outputs are
// implementation-defined.
#pragma once
#include <cstdint>
#include <string>

#include "network.hpp"

namespace backstep {

// SplitMix64 (Steele, Lea, Flood 2014): a 64-bit state that steps by the golden-ratio constant, then a mix.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // The top 53 bits scaled by 2^-53: a double in [0, 1), exactly, with every value equally likely.
    double uniform();

private:
    std::uint64_t state_;
};

enum class InitScheme { Uniform, Xavier, He, Zeros };

// "uniform", "xavier", "he", "zeros"; anything else is refused with an EngineError naming `scheme`.
InitScheme initSchemeByName(const std::string& name);
const char* initSchemeName(InitScheme scheme);

struct Init {
    InitScheme scheme = InitScheme::Xavier;
    // Any uint64 works here. Callers from JavaScript, where the seed arrives as a double, check it is a whole number
    // from 0 to limits::maxWholeNumber (2^53 − 1) with wholeNumber (arguments.hpp) first.
    std::uint64_t seed = 1;
    double range = 0.5;  // Uniform only: the half-width of the interval; finite and > 0
};

// Overwrites every weight and bias of `net`; its shape stays as `net.layers` gives it. One generator seeded with
// init.seed draws, with u its next uniform and s = 2u − 1 (exact, in [−1, 1)):
//   - the weights in the document's numbering order (layer l, destination j, source i: weights[l][j·size_l + i]);
//   - then the biases layer by layer, neuron by neuron, only for the layers with a bias (the others stay 0).
// Uniform: weights and biases s · range.
// Xavier (Glorot uniform): weights s · sqrt(6 / (fanIn + fanOut)), fanIn = layers[l].size, fanOut =
// layers[l+1].size; biases 0, with no draw.
// He (uniform): weights s · sqrt(6 / fanIn); biases 0, with no draw.
// Zeros: everything 0, with no draw.
// Throws EngineError naming `range` if the scheme is Uniform and range is not finite and > 0; `net` is then unchanged.
void initialize(Network& net, const Init& init);

}  // namespace backstep
