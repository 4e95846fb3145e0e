#include "session.hpp"

#include "limits.hpp"
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
    const Count expected = epoch * batchesPerEpoch(doc) + sample / batch;  // epoch ≤ limits::maxPositionEpoch
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

void Session::train(Count epochs) { backstep::train(doc_, position_, epochs); }

double Session::meanError() const { return backstep::meanError(doc_); }

std::string Session::explain(ExplainFormat format, int decimals) const {
    if (decimals < 0 || decimals > limits::maxDecimals)
        throw EngineError("decimals: expected a whole number from 0 to " + std::to_string(limits::maxDecimals) +
                          ", got " + std::to_string(decimals));
    return explainStep(doc_, position_, format, decimals);
}

}  // namespace backstep
