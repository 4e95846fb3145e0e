// Training: SGD over the document's samples, in order, in batches of batchSize; and the cursor of a session.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "document.hpp"
#include "limits.hpp"
#include "passes.hpp"

namespace backstep {

// Counts that can pass 2^32 (epochs, steps, events): 64 bits also in WebAssembly, where size_t has 32.
using Count = std::uint64_t;

// Where training stands: the next sample to learn from, and how far it has come.
struct Position {
    Count epoch = 0;         // completed passes over the samples
    std::size_t sample = 0;  // first sample of the next batch
    Count step = 0;          // updates done so far
};

// Updates per epoch: ⌈samples / batchSize⌉ (the last batch of an epoch may be short).
Count batchesPerEpoch(const Document& doc);
// Samples [position.sample, end) form the next batch: batchSize samples, fewer at the end of an epoch.
std::size_t batchEnd(const Document& doc, const Position& position);
// Moves the cursor past one batch.
void advance(const Document& doc, Position& position);
// Refuses `steps` more steps from `position` when they would take its step count past limits::maxStep.
void requireStepsLeft(const Position& position, Count steps);

// The one divergence rule of train and trace: a step diverges when any z, E or δ it computes (ws.probe) or
// any parameter it writes is infinite or NaN. Throws EngineError naming `epoch` (0-based, shown from 1).
void requireFinite(const Workspace& ws, const Network& net, Count epoch);

// Refuses, before any work, a call whose work exceeds limits::maxWork: epochs × samples × the work of one sample
// (weights + biases + neurons + limits::workPerSample).
void requireWorkWithinLimit(const Document& doc, Count epochs);

// The loss curve of a train call: one point per epoch completed (and one for a last, partial epoch), the mean
// over the epoch's samples of E as each sample was learned from (before its batch's update). A long run keeps
// every stride-th point and the last, at most TrainOptions::maxCurvePoints (0: every point).
struct Curve {
    std::vector<Count> epochs;       // the epoch each point ends (1-based, as the counter shows it)
    std::vector<double> meanErrors;  // its mean error
    Count stride = 1;
    bool stopped = false;  // the run stopped early: an epoch's mean error fell below TrainOptions::stopBelow
};

struct TrainOptions {
    Curve* curve = nullptr;  // filled if given
    double stopBelow = 0.0;  // > 0: stop at the end of the first epoch whose mean error is below it
    Count maxCurvePoints = limits::maxCurvePoints;  // the curve's thinning; 0: no thinning (one point per epoch)
    // A call that starts mid-epoch first finishes that epoch (its point covers the samples learned in this call),
    // so that it ends, and every later call starts, on an epoch's boundary: every point is then a whole epoch.
    bool finishEpoch = false;
    // On a divergence, keep the start of the last step whose values all stay finite (and say so) instead of going
    // back to where the call began: the page then shows that step, and the next one is where it diverges.
    bool keepLastFinite = false;
};

// Runs `epochs` epochs' worth of steps from `position` on the hot path: nothing is allocated per step.
// Returns the steps done (fewer when stopBelow is met). If the training diverges (requireFinite,
// checked once per epoch: a parameter that became infinite or NaN stays so), the document and position are left
// as they were.
Count train(Document& doc, Position& position, Count epochs, const TrainOptions& options = {});

// Mean over the samples of E = ½ Σ (prediction − target)², with the current parameters.
double meanError(const Document& doc);

}  // namespace backstep
