// The trace: one training step as the ordered list of events the page animates (format: cpp/engine/TRACE.md).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "document.hpp"
#include "training.hpp"
#include "variant.hpp"

namespace backstep {

// Receives the trace of one step as it is made, as compact JSON text: the header first, then every event in order
// (the JSON encoder's output; the binary encoder, traceStepBinary, writes the same values from the same code).
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

// The same trace in binary (the page's transport, TRACE.md "Binary form"): the JSON value as a stream of codes,
// every number a double of `numbers` in order (bit for bit the value its JSON text reads back as), every string
// an index into the network's string table (traceStrings) or, past its end, into `extraStrings`.
struct TraceBinary {
    enum Code : std::uint32_t {
        beginObject = 0,
        endObject = 1,
        beginArray = 2,
        endArray = 3,
        number = 4,  // the next of `numbers`
        yes = 5,
        no = 6,
        null = 7,
        string = 8,  // string + k: string k of the table (in an object, a key where a key is due)
    };
    std::vector<std::uint32_t> codes;
    std::vector<double> numbers;
    std::vector<std::string> extraStrings;  // strings that are not in the table (a variant's names)
};
void traceStepBinary(Document& doc, Position& position, TraceBinary& out, const Variant& variant = {});
// The string table of a network's traces, as a JSON array: the keys and words of the format, the activations'
// names, then every neuron's name (layer by layer), every weight's (w1 …) and every bias's (b1 …). It depends only
// on the network's shape and layer names: a reader keeps it until the document is replaced or its shape edited.
std::string traceStrings(const Network& net);

// Names of every neuron, weight and bias, as the spec numbers them.
nlohmann::ordered_json labels(const Network& net);

}  // namespace backstep
