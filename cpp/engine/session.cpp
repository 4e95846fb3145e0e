#include "session.hpp"

#include <cmath>

#include "trace.hpp"

namespace backstep {

Session::Session(const std::string& documentJson) : doc_(readDocument(documentJson)) {}

void Session::load(const std::string& documentJson) {
    doc_ = readDocument(documentJson);
    position_ = Position{};
}

void Session::restore(const std::string& documentJson, std::size_t epoch, std::size_t sample, std::size_t step) {
    Document doc = readDocument(documentJson);
    if (sample >= doc.samples.size())
        throw DocumentError("position.sample: expected a sample index below " + std::to_string(doc.samples.size()) + ", got " +
                            std::to_string(sample));
    doc_ = std::move(doc);
    position_ = Position{epoch, sample, step};
}

std::string Session::document(int indent) const { return writeDocument(doc_, indent); }

std::string Session::labels() const { return backstep::labels(doc_.network).dump(); }

std::string Session::position() const {
    return nlohmann::ordered_json{{"epoch", position_.epoch}, {"sample", position_.sample}, {"step", position_.step}}.dump();
}

std::string Session::step() {
    const Network before = doc_.network;  // the samples stay put: only parameters and position can change
    const Position at = position_;
    std::string trace = traceStep(doc_, position_).dump();
    if (!allFinite(doc_.network)) {
        doc_.network = before;
        position_ = at;
        throw DocumentError("training diverged: a weight became infinite or NaN; try a smaller learningRate (the document is unchanged)");
    }
    return trace;
}

void Session::train(std::size_t epochs) { backstep::train(doc_, position_, epochs); }

double Session::meanError() const { return backstep::meanError(doc_); }

}  // namespace backstep

namespace backstep {

std::string Session::explain(ExplainFormat format, int decimals) const { return explainStep(doc_, position_, format, decimals); }

}  // namespace backstep
