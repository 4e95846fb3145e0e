// The documented limits of a network document (README, "Limits").
#pragma once
#include <cstddef>

namespace backstep::limits {

constexpr std::size_t maxBytes = 4 * 1024 * 1024;  // size of the JSON text
constexpr std::size_t maxLayers = 16;               // including the input layer
constexpr std::size_t maxNeuronsPerLayer = 256;
constexpr std::size_t maxSamples = 100000;
constexpr std::size_t maxTitleLength = 200;  // characters (UTF-8 code points)
constexpr std::size_t maxNameLength = 16;    // a layer's label prefix
constexpr std::size_t maxEpochs = 10000000;  // per train call
constexpr std::size_t maxNesting = 64;       // arrays and objects inside one another

}  // namespace backstep::limits
