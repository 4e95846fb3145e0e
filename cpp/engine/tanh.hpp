// The engine's own tanh, so that the CLI (glibc) and the page (WebAssembly, musl) compute the same bits: each C
// library's tanh is its own approximation (they differ in about one result in four), and musl's, built on expm1, was
// half the training time of a small tanh network in WebAssembly. Within 1.5 ulp of the exact value (glibc's: 2.2);
// tests/native/tanh_test.cpp measures it against long double tanhl.
#pragma once
#include <cmath>

#include "exp.hpp"

namespace backstep {

inline double engineTanh(double x) {
    const double ax = std::fabs(x);
    if (ax < 0x1p-28) return x;  // tanh x = x − x³/3 + …: x³/3 is below half an ulp of x (and −0 stays −0)
    if (ax < 0.55) {
        // tanh x = x + x³·P(x²), P a Chebyshev fit of (tanh x − x)/x³ on x² ∈ [0, 0.55²] (error 7.7e-18).
        const double u = x * x;
        double p = -0.000020602765376366341605;
        p = p * u + 0.000085113136855776715155;
        p = p * u - 0.00023463474108872371445;
        p = p * u + 0.00058893605200740577697;
        p = p * u - 0.0014556618301007160336;
        p = p * u + 0.0035921103786890238773;
        p = p * u - 0.0088632343978143548378;
        p = p * u + 0.021869488493666941903;
        p = p * u - 0.053968253967434014504;
        p = p * u + 0.13333333333332714826;
        p = p * u - 0.33333333333333332561;
        return x + x * u * p;
    }
    // tanh |x| = 1 − 2/(e^{2|x|} + 1): from 0.55 on, tanh ≥ 0.5, so the subtraction loses nothing. The exp
    // overflows to ∞ past |x| ≈ 355, giving 1.
    return std::copysign(1.0 - 2.0 / (engineExp(2.0 * ax) + 1.0), x);
}

}  // namespace backstep
