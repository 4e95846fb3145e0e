// One copy of the math: the trace and train run the same passes, so they end on the same bits. Training's loss
// curve: one point per epoch, the mean error of the epoch's samples as each was learned from — with a full batch
// exactly meanError() before that epoch's update — thinned for long runs, and a run can stop below a target.
#include <cstring>

#include "limits.hpp"
#include "test_support.hpp"
#include "trace.hpp"
#include "training.hpp"
#include "xor_support.hpp"

using namespace backstep;

namespace {

// XOR on a 2-4-1 tanh network with biases, weights uniform in ±1 from `seed`.
Document tanhXor(unsigned seed, double learningRate, std::size_t batchSize) {
    return testsupport::xorDocument(seed, learningRate, Activation::Tanh, batchSize);
}
bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void checkSameParameters(const Network& a, const Network& b) {
    for (std::size_t l = 0; l < a.depth(); ++l) {
        for (std::size_t i = 0; i < a.weights[l].size(); ++i) CHECK(sameBits(a.weights[l][i], b.weights[l][i]));
        for (std::size_t j = 0; j < a.biases[l].size(); ++j) CHECK(sameBits(a.biases[l][j], b.biases[l][j]));
    }
}

}  // namespace

TEST_CASE("trace and train end on bit-identical parameters after the same steps") {
    std::vector<Document> docs = {readDocument(testsupport::fixture("seed.json")),
                                  readDocument(testsupport::fixture("mazur.json")), tanhXor(3, 0.3, 1),
                                  tanhXor(4, 0.3, 3)};  // batches of 3, 1, 2, 2 …: short batches too
    for (Document& doc : docs) {
        CAPTURE(doc.title);
        Document traced = doc, trained = doc;
        Position tracedAt, trainedAt;
        const Count epochs = 5;
        const Count steps = epochs * batchesPerEpoch(doc);
        Count eventsChecked = 0;
        for (Count s = 0; s < steps; ++s) {
            const Network before = traced.network;
            const auto trace = traceStep(traced, tracedAt);
            // The trace's update events carry the values train writes.
            for (const auto& event : trace["events"])
                if (event["kind"] == "update" && event["type"] == "weight") {
                    const std::size_t l = event["layer"], j = event["dest"], i = event["source"];
                    CHECK(sameBits(event["new"].get<double>(), traced.network.weight(l, j, i)));
                    ++eventsChecked;
                }
        }
        CHECK(train(trained, trainedAt, epochs) == steps);
        CHECK(tracedAt.step == trainedAt.step);
        CHECK(tracedAt.epoch == trainedAt.epoch);
        checkSameParameters(traced.network, trained.network);
        CHECK(eventsChecked == steps * weightCount(doc.network));
    }
}

TEST_CASE("train's fused per-sample step ends on the bits of backward() then updateAndClear()") {
    // Batches of one (train fuses the update into the backward pass): relu, linear and sigmoid layers, a layer
    // without bias, untrained biases, and −0 weights fed by 0 inputs (their gradients are −0 or +0: a −0 weight
    // stays −0, as the cleared buffer's 0 + (−0) = +0 gradient leaves it). The third input is always 0.
    const std::string text = R"({
      "format": "backstep/1",
      "layers": [{"size": 3}, {"size": 5, "activation": "relu", "bias": true},
                 {"size": 4, "activation": "sigmoid"}, {"size": 2, "activation": "linear", "bias": true}],
      "weights": [[[-0.0, -0.2, 0.3], [0.2, -0.0, -0.1], [-0.3, 0.2, -0.0], [0.05, 0.1, 0.2], [0.3, -0.1, 0.1]],
                  [[0.1, 0.2, 0.3, 0.4, 0.5], [-0.1, 0.2, -0.3, 0.4, -0.5], [0.2, 0.2, 0.2, 0.2, 0.2], [0.3, -0.2, 0.1, 0.0, 0.1]],
                  [[0.3, -0.2, 0.1, 0.4], [-0.1, 0.2, 0.3, -0.4]]],
      "biases": [[0.1, -0.1, 0.1, 0.1, 0.1], [0, 0, 0, 0], [0, 0.5]],
      "learningRate": 0.1,
      "samples": [{"input": [0, 0, 0], "target": [1, -1]}, {"input": [0, 1, 0], "target": [0, 1]},
                  {"input": [0.3, -0.7, 0], "target": [1, 1]}, {"input": [1, 0, 0], "target": [-1, 0]},
                  {"input": [0.5, 0.5, 0], "target": [1, 0]}, {"input": [-1, 2, 0], "target": [0, 1]}]
    })";
    for (bool trainBiases : {true, false}) {
        CAPTURE(trainBiases);
        Document fused = readDocument(text);
        fused.trainBiases = trainBiases;
        REQUIRE(std::signbit(fused.network.weight(0, 2, 2)));
        Document separate = fused;
        Position at;
        CHECK(train(fused, at, 20) == 20 * fused.samples.size());
        Workspace ws(separate.network);
        for (int epoch = 0; epoch < 20; ++epoch)
            for (const Sample& sample : separate.samples) {
                forward(separate.network, sample.input.data(), ws);
                backward(separate.network, sample.target.data(), ws);
                updateAndClear(separate.network, ws, separate.learningRate, 1.0, separate.trainBiases);
            }
        checkSameParameters(fused.network, separate.network);
        CHECK(std::signbit(fused.network.weight(0, 2, 2)));  // its input is always 0: every gradient is ±0
    }
}

TEST_CASE("the curve: with a full batch, each epoch's point is meanError() before that epoch's update") {
    Document doc = tanhXor(5, 0.2, 4);
    Document replay = doc;
    Position position;
    Curve curve;
    train(doc, position, 20, {&curve});
    REQUIRE(curve.epochs.size() == 20);
    CHECK(curve.stride == 1);
    Position replayAt;
    for (std::size_t k = 0; k < 20; ++k) {
        CHECK(curve.epochs[k] == k + 1);
        CHECK(curve.meanErrors[k] == meanError(replay));  // the same sums in the same order: the same bits
        train(replay, replayAt, 1);
    }
}

TEST_CASE("XOR on a 2-4-1 tanh network: the curve falls below 0.01") {
    for (unsigned seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        Document doc = tanhXor(seed, 0.1, 1);
        Position position;
        Curve curve;
        train(doc, position, 2000, {&curve});
        REQUIRE(curve.epochs.size() == 2000);
        CHECK(curve.meanErrors.front() > 0.1);  // it starts out not knowing XOR
        CHECK(curve.meanErrors.back() < 0.01);
        CHECK(meanError(doc) < 0.01);
    }
}

TEST_CASE("a long run's curve is thinned to every stride-th epoch and the last") {
    Document doc = tanhXor(2, 0.05, 1);
    Position position;
    Curve curve;
    const Count epochs = 10 * limits::maxCurvePoints + 3;  // stride 11
    train(doc, position, epochs, {&curve});
    CHECK(curve.stride == 11);
    CHECK(curve.epochs.size() <= limits::maxCurvePoints + 1);
    CHECK(curve.epochs.front() == 1);
    CHECK(curve.epochs[1] == 12);
    CHECK(curve.epochs.back() == epochs);
}

TEST_CASE("stopBelow: the run stops at the end of the first epoch whose mean error is below the target") {
    Document doc = tanhXor(1, 0.1, 1);
    Position position;
    Curve curve;
    const Count steps = train(doc, position, 5000, {&curve, 0.05});
    REQUIRE(!curve.meanErrors.empty());
    CHECK(steps < 5000 * 4);
    CHECK(steps % 4 == 0);
    CHECK(position.epoch == steps / 4);
    CHECK(curve.meanErrors.back() < 0.05);
    CHECK(curve.epochs.back() == position.epoch);
    // Every earlier point was still at or above it (the curve is complete: fewer than maxCurvePoints epochs).
    REQUIRE(curve.stride == 3);  // 5000 epochs asked: stride ⌈5000 / 2000⌉
    for (std::size_t k = 0; k + 1 < curve.meanErrors.size(); ++k) CHECK(curve.meanErrors[k] >= 0.05);
}

TEST_CASE("finishEpoch: a run that starts mid-epoch finishes it first, so every later point is a whole epoch") {
    Document doc = tanhXor(6, 0.1, 1);
    Position at;
    traceStep(doc, at);  // one step: the next is sample 1 of 4
    REQUIRE(at.sample == 1);
    Document plain = doc;
    Position plainAt = at;
    Curve curve;
    TrainOptions options;
    options.curve = &curve;
    options.finishEpoch = true;
    CHECK(train(doc, at, 3, options) == 3 + 3 * 4);  // the 3 samples left of epoch 1, then 3 whole epochs
    CHECK(at.sample == 0);
    CHECK(at.epoch == 4);
    CHECK(curve.epochs == std::vector<Count>{1, 2, 3, 4});
    // Without it (the CLI), the call runs 3 epochs' worth of steps and ends mid-epoch, where it began.
    CHECK(train(plain, plainAt, 3) == 3 * 4);
    CHECK(plainAt.sample == 1);
}

TEST_CASE("stopped: set only when an epoch's mean error falls below stopBelow") {
    Document doc = tanhXor(1, 0.1, 1);
    Position position;
    Curve curve;
    TrainOptions options;
    options.curve = &curve;
    options.stopBelow = 0.05;
    train(doc, position, 5000, options);
    CHECK(curve.stopped);
    Document other = tanhXor(1, 0.1, 1);
    Position start;
    Curve short_;
    TrainOptions few;
    few.curve = &short_;
    few.stopBelow = 1e-9;
    train(other, start, 3, few);
    CHECK(!short_.stopped);
}

TEST_CASE("keepLastFinite: a run that diverges keeps the start of its last finite step, which the trace can show") {
    Document doc = tanhXor(1, 0.1, 1);
    doc.network.layers.back().activation = Activation::Linear;  // unbounded: a large η overflows
    doc.learningRate = 100;
    Position at;
    TrainOptions options;
    options.keepLastFinite = true;
    std::string message;
    try {
        train(doc, at, 1000, options);
    } catch (const EngineError& error) {
        message = error.what();
    }
    REQUIRE(!message.empty());
    CHECK(at.step > 0);  // it got somewhere before diverging
    CHECK(message.find("The last step that stays finite is kept (step " + std::to_string(at.step + 1) + ")") !=
          std::string::npos);
    for (const auto& layer : doc.network.weights)
        for (double w : layer) CHECK(std::isfinite(w));
    // The kept step traces (all its numbers finite); the one after it is the step that diverges.
    Document traced = doc;
    Position tracedAt = at;
    CHECK_NOTHROW(traceStep(traced, tracedAt));
    CHECK_THROWS_AS(traceStep(traced, tracedAt), EngineError);
    // Without it, a divergence leaves everything as the call found it.
    Document plain = tanhXor(1, 0.1, 1);
    plain.network.layers.back().activation = Activation::Linear;
    plain.learningRate = 100;
    const Network before = plain.network;
    Position plainAt;
    CHECK_THROWS_AS(train(plain, plainAt, 1000), EngineError);
    CHECK(plainAt.epoch == 0);
    checkSameParameters(plain.network, before);
}
