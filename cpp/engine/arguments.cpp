#include "arguments.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "limits.hpp"

namespace backstep {
std::string numberText(double x) {
    if (std::isnan(x)) return "no number";
    if (std::isinf(x)) return x > 0 ? "infinity" : "-infinity";
    if (std::floor(x) == x && std::fabs(x) < limits::exactIntegers) return std::to_string(static_cast<long long>(x));
    return nlohmann::json(x).dump();
}

std::uint64_t wholeNumber(double value, const std::string& name, double low, double high) {
    if (!(value >= low && value <= high && std::floor(value) == value))
        throw EngineError(name + ": expected a whole number from " + numberText(low) + " to " + numberText(high) +
                          ", got " + numberText(value));
    return static_cast<std::uint64_t>(value);
}

}  // namespace backstep
