// How the engine writes a double into JSON: shortest text that round-trips exactly; integral values as integers.
#pragma once
#include <cmath>

#include <nlohmann/json.hpp>

namespace backstep {

inline nlohmann::ordered_json jsonNumber(double x) {
    constexpr double exactIntegers = 9007199254740992.0;  // 2^53
    if (x == std::floor(x) && std::fabs(x) < exactIntegers && !(x == 0.0 && std::signbit(x)))
        return static_cast<long long>(x);
    return x;
}

}  // namespace backstep
