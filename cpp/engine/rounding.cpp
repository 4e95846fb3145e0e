#include "rounding.hpp"

#include <cmath>

namespace backstep {

// a · 10^d as p + e exactly (p the product as rounded, e its error: fma computes it exactly); p is a tie
// (k + ½) only if the exact product is near one, and then e says on which side it lies. Below 2^52 every
// k + ½ is a double, so any other p rounds exactly as the exact product does.
double roundToDecimals(double x, int decimals) {
    if (!std::isfinite(x) || decimals < 0 || decimals > 22) return x;  // 10^22 is the last exact power of ten
    double scale = 1.0;
    for (int d = 0; d < decimals; ++d) scale *= 10.0;  // exact up to 10^22
    const double a = std::fabs(x), p = a * scale;
    if (p >= 4503599627370496.0) return x;  // 2^52: no digit to drop at this scale
    const double e = std::fma(a, scale, -p), k = std::floor(p), fraction = p - k;
    const bool up = fraction > 0.5 || (fraction == 0.5 && e >= 0.0);
    const double rounded = (up ? k + 1.0 : k) / scale;
    return rounded == 0.0 ? 0.0 : std::copysign(rounded, x);  // −0.001 → 0, not −0
}

}  // namespace backstep
