// XOR, the classic problem a single layer cannot learn: a 2-4-1 sigmoid network with biases learns it.
#include <chrono>

#include "test_support.hpp"
#include "training.hpp"
#include "xor_support.hpp"

using namespace backstep;

namespace {

Document xorDocument(unsigned seed, double learningRate) {
    return testsupport::xorDocument(seed, learningRate, Activation::Sigmoid);
}

double summedError(const Document& doc) { return meanError(doc) * static_cast<double>(doc.samples.size()); }

}  // namespace

TEST_CASE("xor: a 2-4-1 sigmoid network with biases learns XOR") {
    // η = 1 and 5000 epochs: every seed from 1 to 100 reaches a summed E < 0.01 (checked when this test was written).
    const std::size_t epochs = 5000;
    const auto start = std::chrono::steady_clock::now();
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        CAPTURE(seed);
        Document doc = xorDocument(seed, 1.0);
        Position position;
        const double before = summedError(doc);
        CHECK(before > 0.1);  // it starts out not knowing XOR
        train(doc, position, epochs);
        CHECK(position.epoch == epochs);
        CHECK(position.step == 4 * epochs);
        CHECK(summedError(doc) < 0.01);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 2.0);
}
