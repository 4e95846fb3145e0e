// The documented limits of the engine (README, "Limits"), in one place.
#pragma once
#include <cstddef>

namespace backstep::limits {

// A network document.
constexpr std::size_t maxBytes = 4 * 1024 * 1024;  // its JSON text, as read and as the engine writes it
constexpr std::size_t maxLayers = 16;               // including the input layer
constexpr std::size_t maxNeuronsPerLayer = 256;
constexpr std::size_t maxSamples = 100000;
constexpr std::size_t maxTitleLength = 200;  // characters (UTF-8 code points)
constexpr std::size_t maxNameLength = 16;    // a layer's label prefix
constexpr std::size_t maxNesting = 64;       // arrays and objects inside one another
constexpr std::size_t maxNumberText = 24;    // the longest text of a double the engine writes (-1.2345678901234567e-308)

// The work of one call.
constexpr std::size_t maxEpochs = 10000000;  // per train call
// epochs × samples × (weights + biases) per train call (meanError counts one epoch): about half a minute natively.
constexpr unsigned long long maxWork = 10000000000ULL;
// Events in the trace of one step: batch × (2·neurons + weights + biases + 3) + weights + trained biases.
// Keeps the largest trace near 25 MB of JSON text.
constexpr std::size_t maxTraceEvents = 100000;

// Display.
constexpr int maxDecimals = 15;

}  // namespace backstep::limits
