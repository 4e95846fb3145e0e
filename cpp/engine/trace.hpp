// The trace: one training step as the ordered list of events the page animates (format: cpp/engine/TRACE.md).
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "document.hpp"
#include "training.hpp"
#include "variant.hpp"

namespace backstep {

// Receives the trace of one step as it is made, as compact JSON text: the header first, then every event in order.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    // {"format", "epoch", "step", "samples", "batchSize", "learningRate"}; the events follow.
    virtual void header(std::string_view fields) = 0;
    virtual void event(std::string_view event) = 0;
    // {"meanError"}: the fields after the events (a sink that only reads the events may ignore them).
    virtual void footer(std::string_view) {}
};

// The number of events in the trace of the step at `position`, known before any work.
Count traceEventCount(const Document& doc, const Position& position);

// Performs the step at `position` (one batch: forward, error and backward for each of its samples,
// then the update with the mean gradient), advances `position`, and hands its trace to `sink`.
// Refused before any work if the trace would exceed limits::maxTraceEvents; refused if the step diverges
// (the same rule as train). On a refusal, `doc` and `position` are unchanged.
// With a `variant` (variant.hpp) the step is computed as it says, and its names are in the trace's header; `doc`'s
// settings and `position` are first overridden as applyVariant does (they stay so: the next call takes the
// variant's next step). Refused if output-first meets a batch of more than one sample.
void traceStep(Document& doc, Position& position, TraceSink& sink, const Variant& variant = {});
// The same, as one JSON value (tests) or as compact JSON text (the CLI and the page).
nlohmann::ordered_json traceStep(Document& doc, Position& position, const Variant& variant = {});
std::string traceStepText(Document& doc, Position& position, const Variant& variant = {});

// Names of every neuron, weight and bias, as the spec numbers them.
nlohmann::ordered_json labels(const Network& net);

}  // namespace backstep
