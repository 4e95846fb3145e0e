#include "training.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "limits.hpp"

namespace backstep {

Count batchesPerEpoch(const Document& doc) { return (doc.samples.size() + doc.batchSize - 1) / doc.batchSize; }

std::size_t batchEnd(const Document& doc, const Position& position) {
    return std::min(position.sample + doc.batchSize, doc.samples.size());
}

void advance(const Document& doc, Position& position) {
    position.sample = batchEnd(doc, position);
    position.step += 1;
    if (position.sample == doc.samples.size()) {
        position.sample = 0;
        position.epoch += 1;
    }
}

void requireStepsLeft(const Position& position, Count steps) {
    if (position.step > limits::maxStep || steps > limits::maxStep - position.step)
        throw EngineError("position.step: " + std::to_string(steps) + " more step(s) from step " +
                          std::to_string(position.step) + " would pass " + std::to_string(limits::maxStep) +
                          " (2^53 − 1), the most a position holds");
}

namespace {

bool allFinite(const Network& net) {
    for (const auto& w : net.weights)
        for (double x : w)
            if (!std::isfinite(x)) return false;
    for (const auto& b : net.biases)
        for (double x : b)
            if (!std::isfinite(x)) return false;
    return true;
}

// One step (a batch) from `position`: true if every value it computes and every parameter it writes is finite.
bool finiteStep(Document& doc, Position& position, Workspace& ws) {
    ws.probe = 0.0;
    const std::size_t end = batchEnd(doc, position);
    for (std::size_t s = position.sample; s < end; ++s) {
        forward(doc.network, doc.samples[s].input.data(), ws);
        backward(doc.network, doc.samples[s].target.data(), ws);
    }
    updateAndClear(doc.network, ws, doc.learningRate, static_cast<double>(end - position.sample), doc.trainBiases);
    advance(doc, position);
    return std::isfinite(ws.probe) && allFinite(doc.network);
}

// After a divergence found at an epoch's end: from `from` (the start of the epoch before, whose steps were all
// finite), step by step to the first step that is not, and leave `doc` and `position` at the start of the last step
// that is — a step whose whole trace is finite, so the page can show it; the next is the one that diverges. Returns
// false if the very first step diverges (the call began right where it diverges).
bool keepLastFiniteStep(Document& doc, Position& position, const Network& from, const Position& fromAt) {
    doc.network = from;
    position = fromAt;
    Workspace ws(doc.network);
    Network stepStart = from, lastGood = from;
    Position stepAt = fromAt, lastGoodAt = fromAt;
    bool any = false;
    for (Count k = 0; k <= 2 * batchesPerEpoch(doc); ++k) {  // that epoch and the one that diverged, at most
        stepStart = doc.network;
        stepAt = position;
        if (!finiteStep(doc, position, ws)) break;
        lastGood = stepStart;
        lastGoodAt = stepAt;
        any = true;
    }
    doc.network = any ? lastGood : from;
    position = any ? lastGoodAt : fromAt;
    return any;
}

}  // namespace

void requireFinite(const Workspace& ws, const Network& net, Count epoch) {
    if (std::isfinite(ws.probe) && allFinite(net)) return;
    throw EngineError(
        "training diverged in epoch " + std::to_string(epoch + 1) +
        ": a value became infinite or NaN; try a smaller learningRate or smaller values (the document is unchanged)");
}

void requireWorkWithinLimit(const Document& doc, Count epochs) {
    const Network& net = doc.network;
    // At most 16 × 256² ≈ 1e6 per sample; × samples ≤ 1e5 × epochs ≤ 1e7 fits in 64 bits.
    const Count parameters = weightCount(net) + biasCount(net), neurons = neuronCount(net);
    const Count perSample = parameters + neurons + limits::workPerSample;
    const Count work = epochs * doc.samples.size() * perSample;
    if (work > limits::maxWork)
        throw EngineError("epochs: " + std::to_string(epochs) + " epochs × " + std::to_string(doc.samples.size()) +
                          " samples × " + std::to_string(perSample) + " per sample (" + std::to_string(parameters) +
                          " weights and biases, " + std::to_string(neurons) + " neurons, " +
                          std::to_string(limits::workPerSample) + ") = " + std::to_string(work) +
                          ", over the limit of " + std::to_string(limits::maxWork) +
                          " per call; train fewer epochs per call, or a smaller network");
}

namespace {

// Collects the curve's points, thinned as they come: every stride-th epoch of the call, and the last.
class CurveWriter {
public:
    CurveWriter(Curve* curve, Count epochs, Count maxPoints) : curve_(curve) {
        if (!curve_) return;
        *curve_ = Curve{};
        if (maxPoints == 0) maxPoints = std::max<Count>(epochs, 1);  // no thinning
        curve_->stride = std::max<Count>(1, (epochs + maxPoints - 1) / maxPoints);
        curve_->epochs.reserve(std::min<Count>(epochs, maxPoints) + 1);
        curve_->meanErrors.reserve(std::min<Count>(epochs, maxPoints) + 1);
    }
    // One epoch (or its part in this call) ended: `last` if the call ends with it.
    void point(Count epoch, double meanError, bool last) {
        if (!curve_) return;
        if (index_++ % curve_->stride == 0 || last) {
            curve_->epochs.push_back(epoch);
            curve_->meanErrors.push_back(meanError);
        }
    }

private:
    Curve* curve_;
    Count index_ = 0;
};

}  // namespace

Count train(Document& doc, Position& position, Count epochs, const TrainOptions& options) {
    if (epochs > limits::maxEpochs)
        throw EngineError("epochs: expected at most " + std::to_string(limits::maxEpochs) + " (the limit), got " +
                          std::to_string(epochs));
    const bool finishing = options.finishEpoch && position.sample != 0;
    requireWorkWithinLimit(doc, epochs + (finishing ? 1 : 0));
    const Network before = doc.network;
    const Position start = position;
    // With keepLastFinite: the network at the ends of the last two epochs that ended finite (or the call's start).
    Network lastFinite = doc.network, previousFinite = doc.network;
    Position lastFiniteAt = position, previousFiniteAt = position;
    Network& net = doc.network;
    Workspace ws(net);
    CurveWriter curve(options.curve, epochs, options.maxCurvePoints);
    const Count rest = finishing ? (doc.samples.size() - position.sample + doc.batchSize - 1) / doc.batchSize : 0;
    const Count steps = epochs * batchesPerEpoch(doc) + rest;  // ≤ the work limit, checked above
    requireStepsLeft(position, steps);
    double errorSum = 0.0;  // E of the samples learned from since the epoch (or the call) began
    std::size_t errorCount = 0;
    for (Count b = 0; b < steps; ++b) {
        const std::size_t end = batchEnd(doc, position);
        if (end - position.sample == 1) {  // per-sample SGD: the update fused into the backward pass
            const Sample& sample = doc.samples[position.sample];
            forward(net, sample.input.data(), ws);
            backwardAndDescend(net, sample.target.data(), ws, doc.learningRate, doc.trainBiases);
            errorSum += ws.error;
        } else {
            for (std::size_t s = position.sample; s < end; ++s) {
                forward(net, doc.samples[s].input.data(), ws);
                backward(net, doc.samples[s].target.data(), ws);
                errorSum += ws.error;
            }
            updateAndClear(net, ws, doc.learningRate, static_cast<double>(end - position.sample), doc.trainBiases);
        }
        errorCount += end - position.sample;
        const Count epoch = position.epoch;
        advance(doc, position);
        const bool last = b + 1 == steps;
        if (position.sample != 0 && !last) continue;  // once per epoch, off the per-step path
        try {
            requireFinite(ws, net, epoch);
        } catch (const EngineError&) {
            if (options.keepLastFinite && keepLastFiniteStep(doc, position, previousFinite, previousFiniteAt))
                throw EngineError("training diverged in epoch " + std::to_string(epoch + 1) +
                                  ": a value became infinite or NaN; try a smaller learningRate. The last step that "
                                  "stays finite is kept (step " +
                                  std::to_string(position.step + 1) + ")");
            doc.network = before;
            position = start;
            throw;
        }
        if (options.keepLastFinite) {
            std::swap(previousFinite, lastFinite);
            previousFiniteAt = lastFiniteAt;
            lastFinite = net;  // same sizes: the copy reuses the vectors' storage
            lastFiniteAt = position;
        }
        const double mean = errorSum / static_cast<double>(errorCount);
        const bool done = options.stopBelow > 0.0 && position.sample == 0 && mean < options.stopBelow;
        curve.point(epoch + 1, mean, last || done);
        errorSum = 0.0;
        errorCount = 0;
        if (done) {
            if (options.curve) options.curve->stopped = true;
            return b + 1;
        }
    }
    return steps;
}

double meanError(const Document& doc) {
    requireWorkWithinLimit(doc, 1);
    Workspace ws(doc.network);
    double sum = 0.0;
    for (const Sample& s : doc.samples) {
        forward(doc.network, s.input.data(), ws);
        sum += halfSquaredError(doc.network, ws, s.target.data());
    }
    const double mean = sum / static_cast<double>(doc.samples.size());
    if (!std::isfinite(mean)) throw EngineError("meanError: the error is infinite or NaN with these parameters");
    return mean;
}

}  // namespace backstep
