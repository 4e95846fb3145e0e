// The rule is in number_format.hpp. Exactness: a finite double is m · 2^e with m < 2^53 an integer, so its decimal
// expansion is finite (at most −e digits after the point), and printf's %e prints exact digits at any precision
// (glibc, and musl in the WebAssembly build). Usually 52 correctly rounded digits decide: 20 guard digits after the
// last kept one show on which side of the half the value lies. Only when they read exactly 5000… (a tie, or within
// 10^−20 of one) or 0000… (a carry may have crossed the kept digits) are all the exact digits printed. Then the digit
// string is rounded: the first dropped digit alone decides (≥ 5: away from zero). Nothing is multiplied.
#include "number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace backstep {
namespace {

// A positive value as significant digits d0 d1 d2 … (no trailing zeros) and the power of ten of d0:
// d0.d1d2… × 10^exponent.
struct Digits {
    std::string digits;
    int exponent = 0;
};

// Enough digits for any double: 53 − (−1073) = 1126 fraction digits for the smallest subnormal, 309 for the largest.
constexpr int maxPrecision = 1130;

// The exact decimal expansion of a finite a > 0.
Digits exactDigits(double a) {
    int binaryExponent = 0;
    std::frexp(a, &binaryExponent);  // a = f · 2^E, ½ ≤ f < 1, f · 2^53 an integer: a = M · 2^(E − 53)
    const int fractionDigits = std::max(0, 53 - binaryExponent);
    // %.Pe shows the digits from 10^L down to 10^(L − P), with L = ⌊log10 a⌋ < E · log10 2; so
    // P = fraction digits + max(L, 0) reaches the last fraction digit.
    const int integerDigits = binaryExponent > 0 ? binaryExponent * 30103 / 100000 + 1 : 0;
    const int precision = fractionDigits + integerDigits;
    char buf[maxPrecision + 16];
    const int length = std::snprintf(buf, sizeof buf, "%.*e", precision, a);
    if (precision > maxPrecision || length < 0 || length >= static_cast<int>(sizeof buf))
        throw std::logic_error("formatNumber: digits do not fit");
    Digits out;
    out.digits.reserve(static_cast<std::size_t>(precision) + 1);
    const char* p = buf;
    for (; *p != 'e'; ++p)
        if (*p != '.') out.digits.push_back(*p);
    out.exponent = std::atoi(p + 1);
    while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
    return out;
}

constexpr int guardDigits = 20;
constexpr int shortDigits = 52;  // the most a number needs kept (15 integer + 15 fraction digits) plus the guard

// The first shortDigits significant digits of a > 0, correctly rounded by printf (not stripped of zeros).
Digits shortDigitsOf(double a) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.*e", shortDigits - 1, a);
    Digits out;
    const char* p = buf;
    for (; *p != 'e'; ++p)
        if (*p != '.') out.digits.push_back(*p);
    out.exponent = std::atoi(p + 1);
    return out;
}

// True when the guard digits after the first `keep` decide the rounding: not 5000…0 (a tie, or too near one)
// and not 0000…0 (printf's own rounding may have carried into the kept digits).
bool decides(const Digits& d, int keep) {
    if (keep < 0 || keep + guardDigits > static_cast<int>(d.digits.size())) return false;
    const std::string guard = d.digits.substr(static_cast<std::size_t>(keep), guardDigits);
    return guard != "5" + std::string(guardDigits - 1, '0') && guard != std::string(guardDigits, '0');
}

// Keeps the first `keep` significant digits, half away from zero (digits are exact, so the first dropped one decides);
// a carry out of the first digit (9.99 → 10.0) adds a power of ten. False when the result is zero.
bool roundDigits(Digits& d, int keep) {
    if (keep < 0) return false;
    if (static_cast<std::size_t>(keep) >= d.digits.size()) return true;
    const bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
    d.digits.resize(static_cast<std::size_t>(keep));
    if (up) {
        int i = keep - 1;
        for (; i >= 0 && d.digits[static_cast<std::size_t>(i)] == '9'; --i) d.digits[static_cast<std::size_t>(i)] = '0';
        if (i >= 0) {
            ++d.digits[static_cast<std::size_t>(i)];
        } else {
            d.digits.insert(d.digits.begin(), '1');
            ++d.exponent;
        }
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    return !d.digits.empty();
}

std::string fixedText(const Digits& d) {
    if (d.exponent < 0) return "0." + std::string(static_cast<std::size_t>(-d.exponent - 1), '0') + d.digits;
    const std::size_t integerDigits = static_cast<std::size_t>(d.exponent) + 1;
    if (d.digits.size() <= integerDigits) return d.digits + std::string(integerDigits - d.digits.size(), '0');
    return d.digits.substr(0, integerDigits) + "." + d.digits.substr(integerDigits);
}

std::string scientificText(const Digits& d, const NumberStyle& style) {
    const std::string mantissa = d.digits.size() > 1 ? d.digits.substr(0, 1) + "." + d.digits.substr(1) : d.digits;
    const std::string power = (d.exponent < 0 ? std::string(style.minus) : "") + std::to_string(std::abs(d.exponent));
    return style.latexExponent ? mantissa + " \\times 10^{" + power + "}" : mantissa + "e" + power;
}

}  // namespace

std::string formatNumber(double x, const NumberStyle& style) {
    if (std::isnan(x)) return "NaN";
    if (x == 0.0) return "0";
    const std::string sign = x < 0 ? style.minus : "";
    if (std::isinf(x)) return sign + "∞";
    const double magnitude = std::fabs(x);
    const int places = std::clamp(style.decimals, 0, maxPrecision);  // beyond that no digit is ever dropped
    const Digits quick = shortDigitsOf(magnitude);
    // The digits to round: the quick ones when their guard decides, else every exact digit.
    auto digitsFor = [&](int keep) { return decides(quick, keep) ? quick : exactDigits(magnitude); };
    if (magnitude < 1e15) {
        Digits fixed = digitsFor(quick.exponent + 1 + places);
        if (roundDigits(fixed, fixed.exponent + 1 + places)) return sign + fixedText(fixed);
    }
    const int keep = 1 + std::max(places - 1, 1);
    Digits scientific = digitsFor(keep);
    roundDigits(scientific, keep);  // never zero: the first digit is not 0
    return sign + scientificText(scientific, style);
}

}  // namespace backstep
