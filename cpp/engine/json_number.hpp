// How the engine writes a double into JSON: shortest text that round-trips exactly; integral values as integers.
// JSON has no infinity or NaN: a value that overflowed means the step diverged, and is refused.
#pragma once
#include <cmath>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "limits.hpp"

namespace backstep {

inline nlohmann::ordered_json jsonNumber(double x) {
    if (!std::isfinite(x))
        throw EngineError(
            "training diverged: a value became infinite or NaN; try a smaller learningRate or smaller values (the "
            "document is unchanged)");
    if (x == std::floor(x) && std::fabs(x) < limits::exactIntegers && !(x == 0.0 && std::signbit(x)))
        return static_cast<long long>(x);
    return x;
}

}  // namespace backstep
