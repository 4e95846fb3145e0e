// Counts that arrive from JavaScript as doubles (epochs, decimals, a position): whole and in range, or refused by name.
#pragma once
#include <cstdint>
#include <string>

namespace backstep {

std::uint64_t wholeNumber(double value, const std::string& name, double low, double high);

// A number as argument messages show it: whole numbers without ".0", words for infinities and NaN.
std::string numberText(double x);

}  // namespace backstep
