// The documented limits of the engine (README, "Limits") and the ranges of its numbers, in one place.
#pragma once
#include <cstddef>

namespace backstep::limits {

// A network document.
constexpr std::size_t maxBytes = 4 * 1024 * 1024;  // its JSON text, as read and as the engine writes it
constexpr std::size_t maxLayers = 16;              // including the input layer
constexpr std::size_t maxNeuronsPerLayer = 256;
constexpr std::size_t maxSamples = 100000;
constexpr std::size_t maxTitleLength = 200;  // characters (UTF-8 code points)
constexpr std::size_t maxNameLength = 16;    // a layer's label prefix
constexpr std::size_t maxNesting = 64;       // arrays and objects inside one another
constexpr std::size_t maxNumberText = 24;  // the longest text of a double the engine writes (-1.2345678901234567e-308)

// The work of one call.
constexpr std::size_t maxEpochs = 10000000;          // per train call
constexpr unsigned long long maxCurvePoints = 2000;  // points of a train call's loss curve (thinned beyond)
// The work of a train call: epochs × samples × (weights + biases + neurons + workPerSample), where workPerSample
// stands for the fixed cost of a sample (about 40 ns natively, as much as 16 weights); meanError counts one epoch.
// The limit is about half a minute natively.
constexpr unsigned long long maxWork = 10000000000ULL;
constexpr unsigned long long workPerSample = 16;
// Events in the trace of one step: batch × (2·neurons + weights + biases + 3) + weights + trained biases.
// The largest trace is about 40 MB of JSON text (16-character names, 17-digit numbers), 70 MB at its peak natively.
constexpr std::size_t maxTraceEvents = 100000;

// Numbers.
constexpr double exactIntegers = 9007199254740992.0;  // 2^53: every whole number below it is a double
constexpr double maxWholeNumber = exactIntegers - 1;  // a count that arrives from JavaScript as a double
constexpr int maxDecimals = 15;                       // how many decimals a number may be shown with
// A position's step count: at most 2^53 − 1, so that JavaScript holds it exactly and every position the engine
// reaches can be restored. A step or a training run that would pass it is refused (training.hpp, requireStepsLeft).
constexpr unsigned long long maxStep = 9007199254740991ULL;

}  // namespace backstep::limits
