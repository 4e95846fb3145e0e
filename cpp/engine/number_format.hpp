// How a number is rounded for a reader (explain; the page's web/src/format/number.js follows the same rule,
// and both are checked against the shared vectors in tests/vectors/rounding.json):
// NaN → "NaN"; ±∞ → "∞" / "−∞"; 0 and −0 → "0".
// |x| ≥ 1e15 → scientific: mantissa with max(d − 1, 1) decimals, trailing zeros dropped, exponent without "+" or
// leading zeros ("1.3e15", "4.39e-4"; LaTeX 4.39 \times 10^{-4}); a carry moves to the next exponent (9.995 → "1e1").
// Otherwise d decimals, trailing zeros dropped ("0.26"); a value that rounds to zero there is written scientific.
// All rounding is half away from zero on the double's exact binary value, never on a product or on its shortest
// decimal text: 0.125 → "0.13" (an exact tie), 2.675 → "2.67" (the double is 2.67499999999999982…), −0.68765 at 4
// → "−0.6876" (the double is −0.68764999999999998…). Every finite double is written as a finite number.
#pragma once
#include <string>

namespace backstep {

struct NumberStyle {
    int decimals = 4;            // d; negative counts as 0
    const char* minus = "-";     // "−" (U+2212) for people, "-" for LaTeX
    bool latexExponent = false;  // 1.2 \times 10^{30} instead of 1.2e30
};

std::string formatNumber(double x, const NumberStyle& style);

}  // namespace backstep
