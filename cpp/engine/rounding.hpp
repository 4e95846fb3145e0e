// Rounding inside the model. The engine computes in full precision and rounds only on screen; the one exception is
// the round-2 variant (variant.hpp), which rounds the model's own values as netflow.js does, to show what that costs.
#pragma once

namespace backstep {

// x rounded to `decimals` decimals, half away from zero on the double's exact binary value (the rule of
// number_format.hpp): the double nearest that decimal. 0.125 → 0.13 (an exact tie); 2.675 → 2.67 (the double is
// 2.67499999999999982…). NaN, ±∞ and values too large to have such decimals come back as they are.
double roundToDecimals(double x, int decimals);

// How a pass rounds each value it computes: not at all (decimals < 0, every step but the round-2 variant's).
struct Rounding {
    int decimals = -1;
    bool active() const { return decimals >= 0; }
    double operator()(double x) const { return active() ? roundToDecimals(x, decimals) : x; }
};

}  // namespace backstep
