// The network document (format backstep/1): network, data and learning settings in one value.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "network.hpp"

namespace backstep {

struct Sample {
    std::vector<double> input;
    std::vector<double> target;
};

struct Document {
    std::string title;  // "" = none
    Network network;
    bool trainBiases = true;
    double learningRate = 0.0;
    std::size_t batchSize = 1;
    std::vector<Sample> samples;
    // Top-level fields this reader does not know (from later backstep/1 revisions), kept as they were read
    // so that reading then writing a document loses nothing.
    nlohmann::json extraFields = nlohmann::json::object();
};

// Parses and validates; throws EngineError with a one-line message.
Document readDocument(const std::string& json);
// Writes the document as JSON; every number round-trips exactly. Indented by `indent` spaces unless that
// text would take limits::maxBytes or more, then compact; readDocument reads back whatever this writes,
// with a newline after it.
std::string writeDocument(const Document& doc, int indent = 2);
// The most bytes writeDocument(doc, 0) can take after any training: every weight and bias counted at
// limits::maxNumberText. The reader refuses a document whose bound is not below limits::maxBytes.
std::size_t writtenSizeBound(const Document& doc);

}  // namespace backstep
