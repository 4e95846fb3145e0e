// How a number is rounded for a reader (explain; the page's web/src/format/number.js follows the same rule):
// 0 → "0"; |x| ≥ 1e15 or 0 < |x| < ½·10^−d → scientific with max(d − 1, 1) mantissa decimals ("4.39e-4");
// otherwise d decimals, half away from zero on the decimal value (−0.68765 → −0.6877), trailing zeros dropped.
#pragma once
#include <string>

namespace backstep {

struct NumberStyle {
    int decimals = 4;
    const char* minus = "-";         // "−" (U+2212) for people, "-" for LaTeX
    bool latexExponent = false;      // 1.2 \times 10^{30} instead of 1.2e30
};

std::string formatNumber(double x, const NumberStyle& style);

}  // namespace backstep
