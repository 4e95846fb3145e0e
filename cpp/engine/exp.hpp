// The engine's own exp: fdlibm's e_exp.c, the exp V8 uses for Math.exp (the same bits), within 1 ulp. The C
// libraries differ: glibc's (ARM's optimized-routines, FMA on x86-64) and Emscripten's musl disagree in the last
// digits, and Emscripten 3.1.6's exp is off by up to several ulp; the engine computes the same bits natively and in
// WebAssembly. tests/native/exp_test.cpp measures it against long double expl.
//
// fdlibm's notice, preserved as it asks:
// ====================================================
// Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
//
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace backstep {

inline double engineExp(double x) {
    constexpr double overflowAbove = 7.09782712893383973096e+02, underflowBelow = -7.45133219101941108420e+02;
    constexpr double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10;
    constexpr double invLn2 = 1.44269504088896338700e+00, twoToMinus1000 = 9.33263618503218878990e-302;
    constexpr double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
                     P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08;
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    const std::uint32_t high = static_cast<std::uint32_t>(bits >> 32) & 0x7fffffff;
    const bool negative = (bits >> 63) != 0;
    if (high >= 0x40862E42) {  // |x| ≥ 709.78: overflow, underflow, ∞ or NaN
        if (std::isnan(x)) return x;
        if (std::isinf(x)) return negative ? 0.0 : x;
        if (x > overflowAbove) return std::numeric_limits<double>::infinity();
        if (x < underflowBelow) return 0.0;
    }
    // x = k·ln2 + r, |r| ≤ ln2/2, r held as hi − lo.
    double hi = 0.0, lo = 0.0;
    int k = 0;
    if (high > 0x3fd62e42) {      // |x| > ln2/2
        if (high < 0x3FF0A2B2) {  // and |x| < 1.5·ln2
            if (x == 1.0)
                return 2.718281828459045;  // e, correctly rounded (as V8 does: the steps below give 1 ulp more)
            hi = negative ? x + ln2Hi : x - ln2Hi;
            lo = negative ? -ln2Lo : ln2Lo;
            k = negative ? -1 : 1;
        } else {
            k = static_cast<int>(invLn2 * x + (negative ? -0.5 : 0.5));
            const double t = k;
            hi = x - t * ln2Hi;  // exact: ln2Hi has 32 bits, k at most 11
            lo = t * ln2Lo;
        }
        x = hi - lo;
    } else if (high < 0x3e300000) {  // |x| < 2^-28
        return 1.0 + x;
    }
    // exp(r) = 1 + 2r/(2 − c) with c = r − r²·P(r²), a Remez fit of degree 5 in r².
    const double t = x * x;
    const double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
    double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    // y · 2^k, by adding k to y's exponent (twice, through 2^-1000, below the normal range).
    const bool subnormal = k < -1021;
    std::uint64_t ybits;
    std::memcpy(&ybits, &y, sizeof ybits);
    ybits += static_cast<std::uint64_t>(static_cast<std::int64_t>(subnormal ? k + 1000 : k)) << 52;
    std::memcpy(&y, &ybits, sizeof y);
    return subnormal ? y * twoToMinus1000 : y;
}

}  // namespace backstep
