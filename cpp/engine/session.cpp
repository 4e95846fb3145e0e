#include "session.hpp"

#include <cmath>
#include <utility>

#include "arguments.hpp"
#include "gradient_check.hpp"
#include "initialize.hpp"
#include "json_number.hpp"
#include "limits.hpp"
#include "shape.hpp"
#include "trace.hpp"

namespace backstep {

Session::Session(const std::string& documentJson) : doc_(readDocument(documentJson)) {}

void Session::load(const std::string& documentJson) {
    doc_ = readDocument(documentJson);
    position_ = Position{};
}

void Session::restore(const std::string& documentJson, Count epoch, Count sample, Count step) {
    Document doc = readDocument(documentJson);
    const Count count = doc.samples.size(), batch = doc.batchSize;
    if (sample >= count || sample % batch != 0)
        throw EngineError("position.sample: expected the first sample of a batch (a multiple of " +
                          std::to_string(batch) + " below " + std::to_string(count) + "), got " +
                          std::to_string(sample));
    // The step count of (epoch, sample), computed only when it stays within limits::maxStep (no overflow).
    const Count batches = batchesPerEpoch(doc);
    if (epoch > (limits::maxStep - sample / batch) / batches)
        throw EngineError("position.epoch: " + std::to_string(epoch) + " epochs of " + std::to_string(batches) +
                          " step(s) would pass " + std::to_string(limits::maxStep) +
                          " (2^53 − 1), the most a position holds");
    const Count expected = epoch * batches + sample / batch;
    if (step != expected)
        throw EngineError("position.step: expected " + std::to_string(expected) + " (epoch " + std::to_string(epoch) +
                          ", sample " + std::to_string(sample) + "), got " + std::to_string(step));
    doc_ = std::move(doc);
    position_ = Position{epoch, static_cast<std::size_t>(sample), step};
}

std::string Session::document(int indent) const { return writeDocument(doc_, indent); }

std::string Session::labels() const { return backstep::labels(doc_.network).dump(); }

std::string Session::position() const {
    return nlohmann::ordered_json{{"epoch", position_.epoch}, {"sample", position_.sample}, {"step", position_.step}}
        .dump();
}

std::string Session::step() {
    const Network before = doc_.network;  // the samples stay put: only parameters and position can change
    const Position at = position_;
    try {
        return traceStepText(doc_, position_);
    } catch (...) {
        doc_.network = before;
        position_ = at;
        throw;
    }
}

// traceStepBinary leaves the document and position as they were on a refusal (traceStep's rule).
void Session::step(TraceBinary& out) { traceStepBinary(doc_, position_, out); }

std::string Session::traceStrings() const { return backstep::traceStrings(doc_.network); }

std::string Session::traceVariant(const Variant& variant) const {
    Document doc = doc_;
    Position at = position_;
    return traceStepText(doc, at, variant);
}

void Session::train(Count epochs) { backstep::train(doc_, position_, epochs); }

Curve Session::trainFullCurve(Count epochs) {
    Curve curve;
    TrainOptions options;
    options.curve = &curve;
    options.maxCurvePoints = 0;
    backstep::train(doc_, position_, epochs, options);  // on a refusal it leaves the document and position as they were
    return curve;
}

std::string Session::trainCurve(Count epochs, double stopBelow, Count maxPoints, bool forPage) {
    if (!std::isfinite(stopBelow) || stopBelow < 0.0)
        throw EngineError("stopBelow: expected a finite number, 0 or more, got " + numberText(stopBelow));
    const Network before = doc_.network;
    const Position at = position_;
    try {
        Curve curve;
        const Count steps =
            backstep::train(doc_, position_, epochs, TrainOptions{&curve, stopBelow, maxPoints, forPage, forPage});
        nlohmann::ordered_json errors = nlohmann::ordered_json::array();
        for (double e : curve.meanErrors) errors.push_back(jsonNumber(e));
        return nlohmann::ordered_json{{"steps", steps},
                                      {"epochs", curve.epochs},
                                      {"meanErrors", errors},
                                      {"stride", curve.stride},
                                      {"stopped", curve.stopped}}
            .dump();
    } catch (const EngineError&) {
        throw;  // train() has left the document where it should be: as it was, or (forPage) at the last finite epoch
    } catch (...) {
        doc_.network = before;
        position_ = at;
        throw;
    }
}

std::string Session::initialize(const std::string& scheme, std::uint64_t seed, double range) {
    Network net = doc_.network;
    backstep::initialize(net, Init{initSchemeByName(scheme), seed, range});
    std::swap(doc_.network, net);
    try {
        std::string text = writeDocument(doc_, 2);
        position_ = Position{};
        return text;
    } catch (...) {
        std::swap(doc_.network, net);
        throw;
    }
}

namespace {

Activation activationArgument(const std::string& name) {
    if (const auto activation = activationFromName(name)) return *activation;
    throw EngineError("activation: expected linear, sigmoid, tanh or relu, got " + quote(excerpt(name, 40)));
}

Document shapeEdited(const Document& doc, const std::string& edit, std::size_t layer, std::size_t index,
                     const std::string& activation, bool bias) {
    if (edit == "addLayer") return withLayer(doc, layer, index, activationArgument(activation), bias);
    if (edit == "removeLayer") return withoutLayer(doc, layer);
    if (edit == "addNeuron") return withNeuron(doc, layer);
    if (edit == "removeNeuron") return withoutNeuron(doc, layer, index);
    if (edit == "activation") return withActivation(doc, layer, activationArgument(activation));
    if (edit == "bias") return withBias(doc, layer, bias);
    throw EngineError("edit: expected addLayer, removeLayer, addNeuron, removeNeuron, activation or bias, got " +
                      quote(excerpt(edit, 40)));
}

}  // namespace

std::string Session::editShape(const std::string& edit, std::size_t layer, std::size_t index,
                               const std::string& activation, bool bias) {
    Document edited = shapeEdited(doc_, edit, layer, index, activation, bias);
    std::string text = writeDocument(edited, 2);
    doc_ = std::move(edited);
    position_ = Position{};
    return text;
}

std::string Session::gradientCheck() const {
    nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
    for (const ParameterCheck& c : backstep::gradientCheck(doc_, position_))
        parameters.push_back({{"name", c.name},
                              {"backprop", jsonNumber(c.backprop)},
                              {"numeric", jsonNumber(c.numeric)},
                              {"relativeDifference", jsonNumber(c.relativeDifference)}});
    return nlohmann::ordered_json{{"parameters", parameters}}.dump();
}

double Session::meanError() const { return backstep::meanError(doc_); }

std::string Session::explain(ExplainFormat format, int decimals, const Variant& variant) const {
    if (decimals < 0 || decimals > limits::maxDecimals)
        throw EngineError("decimals: expected a whole number from 0 to " + std::to_string(limits::maxDecimals) +
                          ", got " + std::to_string(decimals));
    return explainStep(doc_, position_, format, decimals, variant);
}

}  // namespace backstep
