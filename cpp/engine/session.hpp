// A session: one document and its training position. The one facade the CLI and the WebAssembly
// bindings call; every result is JSON text, every refusal a EngineError, and a refused call
// leaves the session exactly as it was.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "document.hpp"
#include "explain.hpp"
#include "limits.hpp"
#include "trace.hpp"
#include "training.hpp"
#include "variant.hpp"

namespace backstep {

class Session {
public:
    explicit Session(const std::string& documentJson);

    // Replaces the document (position back to the start) only if the new one is valid.
    void load(const std::string& documentJson);
    // Replaces document and position together, e.g. to travel back to an earlier step.
    void restore(const std::string& documentJson, Count epoch, Count sample, Count step);

    std::string document(int indent = 2) const;
    std::string labels() const;    // names of neurons, weights and biases
    std::string position() const;  // {"epoch","sample","step"}
    std::string step();            // performs the next step and returns its trace
    // The same step, its trace in binary (trace.hpp's TraceBinary: the page's transport), its strings in
    // traceStrings(): the string table of this document's network, as JSON text.
    void step(TraceBinary& out);
    std::string traceStrings() const;
    // The trace of the next step as `variant` computes it (variant.hpp), from a copy: the session does not move.
    std::string traceVariant(const Variant& variant) const;
    void train(Count epochs);
    // Trains like train() (stopBelow > 0: stop after the first epoch whose mean error is below it) and returns
    // {"steps","epochs":[…],"meanErrors":[…],"stride"}: the loss curve, thinned to at most maxPoints points
    // (0: every epoch, as the CLI writes it).
    // Trains like train() and returns the curve itself, one point per epoch (the CLI writes it as CSV).
    Curve trainFullCurve(Count epochs);
    // forPage: the page's runs keep to whole epochs and, unlike every other refused call, keep the last finite
    // weights on a divergence (TrainOptions finishEpoch and keepLastFinite). The result also says "stopped".
    std::string trainCurve(Count epochs, double stopBelow = 0.0, Count maxPoints = limits::maxCurvePoints,
                           bool forPage = false);
    // Re-initializes every weight and bias (initSchemeByName, initialize.hpp), position back to the start as after
    // load; returns the new document (indent 2).
    std::string initialize(const std::string& scheme, std::uint64_t seed, double range = 0.5);
    // {"parameters":[{"name","backprop","numeric","relativeDifference"},…]} for the next step's batch
    // (gradient_check.hpp); the session does not move.
    std::string gradientCheck() const;
    // A shape edit (shape.hpp), position back to the start as after load; returns the new document (indent 2).
    // `edit`: "addLayer" (a hidden layer of `index` neurons, activation and bias, that becomes layers[layer]),
    // "removeLayer", "addNeuron" (at the end of `layer`), "removeNeuron" (neuron `index` of `layer`),
    // "activation" or "bias" (of `layer`). Arguments an edit does not use are ignored.
    std::string editShape(const std::string& edit, std::size_t layer, std::size_t index, const std::string& activation,
                          bool bias);
    double meanError() const;
    // The worked solution of the next step, as `variant` computes it (the session does not move).
    std::string explain(ExplainFormat format, int decimals, const Variant& variant = {}) const;

private:
    Document doc_;
    Position position_;
};

}  // namespace backstep
