#include "number_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace backstep {
namespace {

void dropTrailingZeros(std::string& s) {
    if (s.find('.') == std::string::npos) return;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
}

// × (1 + ε): a product within an ulp of a half (1.005 × 100 = 100.49999999999999) is the half a person
// reads, and rounds away from zero — as in JavaScript (web/src/format/number.js).
constexpr double nudge = 1.0 + std::numeric_limits<double>::epsilon();

std::string scientific(double magnitude, const NumberStyle& style) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", style.decimals > 1 ? style.decimals - 1 : 1, magnitude * nudge);
    std::string text = buf;
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    dropTrailingZeros(mantissa);
    const int exponent = std::atoi(text.c_str() + e + 1);
    const std::string power = (exponent < 0 ? std::string(style.minus) : "") + std::to_string(std::abs(exponent));
    return style.latexExponent ? mantissa + " \\times 10^{" + power + "}" : mantissa + "e" + power;
}

}  // namespace

std::string formatNumber(double x, const NumberStyle& style) {
    if (std::isnan(x)) return "NaN";
    if (x == 0.0) return "0";
    const double magnitude = std::fabs(x);
    const std::string sign = x < 0 ? style.minus : "";
    if (std::isinf(x)) return sign + "∞";
    const double scale = std::pow(10.0, style.decimals);
    if (magnitude >= 1e15 || magnitude < 0.5 / scale) return sign + scientific(magnitude, style);
    char buf[64];
    const double rounded = std::round(magnitude * scale * nudge) / scale;
    std::snprintf(buf, sizeof buf, "%.*f", style.decimals, rounded);
    std::string text = buf;
    dropTrailingZeros(text);
    return text == "0" ? "0" : sign + text;
}

}  // namespace backstep
