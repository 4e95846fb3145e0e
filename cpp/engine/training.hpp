// Training: SGD over the document's samples, in order, in batches of batchSize; and the cursor of a session.
#pragma once
#include <cstddef>

#include "document.hpp"
#include "passes.hpp"

namespace backstep {

// Where training stands: the next sample to learn from, and how far it has come.
struct Position {
    std::size_t epoch = 0;       // completed passes over the samples
    std::size_t sample = 0;      // first sample of the next batch
    std::size_t step = 0;        // updates done so far
};

// Samples [position.sample, end) form the next batch: batchSize samples, fewer at the end of an epoch.
std::size_t batchEnd(const Document& doc, const Position& position);
// Moves the cursor past one batch.
void advance(const Document& doc, Position& position);

// Runs `epochs` epochs' worth of steps from `position` on the hot path: nothing is allocated per step.
// If any parameter becomes non-finite, the document and position are left as they were and
// DocumentError names the parameter and the step.
void train(Document& doc, Position& position, std::size_t epochs);

// Mean over the samples of E = ½ Σ (prediction − target)², with the current parameters.
double meanError(const Document& doc);

}  // namespace backstep
