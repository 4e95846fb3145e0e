// The network document (format backstep/1): network, data and learning settings in one value.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

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
    // Top-level fields this reader does not know (from later backstep/1 revisions), kept verbatim
    // as a JSON object text so that reading then writing a document loses nothing.
    std::string extraFields = "{}";
};

// Every refusal of the engine: one line, starting with the JSON path of the first fault.
struct DocumentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses and validates; throws DocumentError with a one-line message.
Document readDocument(const std::string& json);
// Writes the document as JSON; every number round-trips exactly.
std::string writeDocument(const Document& doc, int indent = 2);

}  // namespace backstep
