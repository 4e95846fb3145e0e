// Counts that arrive from JavaScript as doubles (epochs, decimals, a position): whole and in range, or refused by name.
#pragma once
#include <cstddef>
#include <string>

namespace backstep {

std::size_t wholeNumber(double value, const std::string& name, double low, double high);

}  // namespace backstep
