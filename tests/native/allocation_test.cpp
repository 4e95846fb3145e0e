// The hot path allocates nothing per step: train() for 1 epoch and for 200 epochs allocate the same.
// Replaces the global operator new/delete for the whole test binary; counts only while `counting` is set.
#include <atomic>
#include <cstdlib>
#include <new>

#include "test_support.hpp"
#include "training.hpp"

namespace {

std::atomic<bool> counting{false};
std::atomic<long> allocations{0};

void* allocate(std::size_t n) {
    if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}

// Allocations made by f().
template <class F>
long allocationsOf(F&& f) {
    allocations = 0;
    counting = true;
    f();
    counting = false;
    return allocations.load();
}

backstep::Document network() {
    // 3-5-4-2, tanh and sigmoid with trained biases, 7 samples in batches of 3 (the last batch is short).
    return backstep::readDocument(R"({
      "format": "backstep/1",
      "layers": [{"size": 3}, {"size": 5, "activation": "tanh", "bias": true},
                 {"size": 4, "activation": "relu", "bias": true}, {"size": 2, "activation": "sigmoid", "bias": true}],
      "weights": [[[0.1, -0.2, 0.3], [0.2, 0.1, -0.1], [-0.3, 0.2, 0.1], [0.05, 0.1, 0.2], [0.3, -0.1, 0.1]],
                  [[0.1, 0.2, 0.3, 0.4, 0.5], [-0.1, 0.2, -0.3, 0.4, -0.5], [0.2, 0.2, 0.2, 0.2, 0.2], [0.3, -0.2, 0.1, 0.0, 0.1]],
                  [[0.3, -0.2, 0.1, 0.4], [-0.1, 0.2, 0.3, -0.4]]],
      "biases": [[0.1, 0.1, 0.1, 0.1, 0.1], [0.2, 0.2, 0.2, 0.2], [0, 0]],
      "learningRate": 0.1,
      "batchSize": 3,
      "samples": [{"input": [1, 0, 0], "target": [1, 0]}, {"input": [0, 1, 0], "target": [0, 1]},
                  {"input": [0, 0, 1], "target": [1, 1]}, {"input": [1, 1, 0], "target": [0, 0]},
                  {"input": [0.5, 0.5, 0.5], "target": [1, 0]}, {"input": [1, 0, 1], "target": [0, 1]},
                  {"input": [0.2, 0.4, 0.8], "target": [0.5, 0.5]}]
    })");
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

TEST_CASE("allocation: the counter sees allocations") {
    const long n = allocationsOf([] {
        std::vector<double> v(10);
        (void)v;
    });
    CHECK(n == 1);
}

TEST_CASE("allocation: train() allocates once per call, not per step") {
    backstep::Document a = network(), b = network();
    backstep::Position pa, pb;
    const long oneEpoch = allocationsOf([&] { backstep::train(a, pa, 1); });
    const long manyEpochs = allocationsOf([&] { backstep::train(b, pb, 200); });
    CHECK(pa.step == 3);
    CHECK(pb.step == 600);
    CHECK(oneEpoch > 0);  // the Workspace and the copy kept to undo a divergence
    CHECK(manyEpochs == oneEpoch);
    CHECK(a.network.weights != b.network.weights);  // the 200 epochs did run
}

TEST_CASE("allocation: forward, backward and update allocate nothing") {
    backstep::Document doc = network();
    backstep::Workspace ws(doc.network);
    const long n = allocationsOf([&] {
        for (int k = 0; k < 100; ++k)
            for (const auto& s : doc.samples) {
                backstep::forward(doc.network, s.input.data(), ws);
                backstep::backward(doc.network, s.target.data(), ws);
                backstep::update(doc.network, ws, doc.learningRate, 1.0, doc.trainBiases);
                backstep::clearGradients(ws);
            }
        (void)backstep::halfSquaredError(doc.network, ws, doc.samples[0].target.data());
    });
    CHECK(n == 0);
}
