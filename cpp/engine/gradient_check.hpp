// The gradient check: each parameter's ∂E/∂p as backpropagation gives it, next to a finite-difference estimate of the
// same derivative, for the batch of the next step. A learner (or a test) sees that the backward pass is right.
#pragma once
#include <string>
#include <vector>

#include "document.hpp"
#include "training.hpp"

namespace backstep {

struct ParameterCheck {
    std::string name;           // "w1" …, "b1" … (as the trace names them)
    double backprop;            // the batch's mean ∂E/∂p, as the update would use it
    double numeric;             // central finite difference of the batch's mean error
    double relativeDifference;  // |backprop − numeric| / max(|backprop|, |numeric|); 0 when both are 0
};

// Checks every parameter for the batch of the step at `position` (samples [position.sample, batchEnd)):
// every weight in the document's numbering (layer, destination, source), then every bias of the layers that have
// one (trained or not). The document is not changed. The error is E(p) = (1/n) Σ_s ½ Σ (y − t)² over the n samples
// of the batch. Refused (EngineError) before any work when parameters × batch × (parameters + neurons) is over
// limits::maxWork, and when a value is infinite or NaN.
std::vector<ParameterCheck> gradientCheck(const Document& doc, const Position& position);

}  // namespace backstep
