// The trace: one training step as the ordered list of events the page animates (format: cpp/engine/TRACE.md).
#pragma once
#include <nlohmann/json.hpp>

#include "document.hpp"
#include "training.hpp"

namespace backstep {

// Performs the step at `position` (one batch: forward, error and backward for each of its samples,
// then the update with the mean gradient), advances `position`, and returns the trace of that step.
nlohmann::ordered_json traceStep(Document& doc, Position& position);

// Names of every neuron, weight and bias, as the spec numbers them.
nlohmann::ordered_json labels(const Network& net);

}  // namespace backstep
