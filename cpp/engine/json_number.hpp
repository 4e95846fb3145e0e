// How the engine writes a double into JSON: shortest text that round-trips exactly; integral values as integers.
// JSON has no infinity or NaN: a value that overflowed means the step diverged, and is refused.
#pragma once
#include <charconv>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "limits.hpp"

namespace backstep {

// The rule, once: refuses a value that is not finite; true when x is written as an integer.
inline bool writtenAsInteger(double x) {
    if (!std::isfinite(x))
        throw EngineError(
            "training diverged: a value became infinite or NaN; try a smaller learningRate or smaller values (the "
            "document is unchanged)");
    return x == std::floor(x) && std::fabs(x) < limits::exactIntegers && !(x == 0.0 && std::signbit(x));
}

inline nlohmann::ordered_json jsonNumber(double x) {
    if (writtenAsInteger(x)) return static_cast<long long>(x);
    return x;
}

// Appends the text jsonNumber(x).dump() would write, without building a JSON value: an integer's digits, or the
// shortest round-trip digits from nlohmann's own double writer (the one dump() calls), so both write the same bytes.
inline void appendJsonNumber(std::string& out, double x) {
    char buffer[64];  // nlohmann's serializer uses the same size
    char* end = writtenAsInteger(x) ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(x)).ptr
                                    : nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
    out.append(buffer, end);
}

}  // namespace backstep
