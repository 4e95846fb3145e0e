// The engine's own tanh, so that the CLI (glibc) and the page (WebAssembly, musl) compute the same bits: each C
// library's tanh is its own approximation (they differ in about one result in four), and musl's, built on expm1, was
// half the training time of a small tanh network in WebAssembly. Within 1.5 ulp of the exact value (glibc's: 2.2);
// tests/native/tanh_test.cpp measures it against long double tanhl.
//
// It is written once, for two values at a time and without a branch (GCC/Clang vector extensions: WebAssembly's
// f64x2, SSE2 natively): a layer of n neurons costs ⌈n/2⌉ calls, and no branch is mispredicted on neurons that fall
// on either side of 0.55. engineTanh is the same code on one value. Every operation is IEEE, lane by lane, in the
// order written, so both lanes, the scalar form and every platform give the same bits.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace backstep {

using DoublePair = double __attribute__((vector_size(16)));
using DoublePairBits = std::int64_t __attribute__((vector_size(16)));  // a lane's bits, or a comparison's mask

namespace tanhDetail {

inline DoublePairBits bitsOf(DoublePair x) { return reinterpret_cast<DoublePairBits>(x); }
inline DoublePair pairOf(DoublePairBits bits) { return reinterpret_cast<DoublePair>(bits); }
inline DoublePair both(double x) { return DoublePair{x, x}; }
// mask ? ifTrue : ifFalse, lane by lane (mask lanes are all ones or all zeros).
inline DoublePair select(DoublePairBits mask, DoublePair ifTrue, DoublePair ifFalse) {
    return pairOf((mask & bitsOf(ifTrue)) | (~mask & bitsOf(ifFalse)));
}

}  // namespace tanhDetail

inline DoublePair tanhPair(DoublePair x) {
    using namespace tanhDetail;
    const DoublePairBits signBit = bitsOf(both(-0.0));
    const DoublePair ax = pairOf(bitsOf(x) & ~signBit);

    // |x| < 0.55: tanh x = x + x³·P(x²), P a Chebyshev fit of (tanh x − x)/x³ on x² ∈ [0, 0.55²] (error 7.7e-18).
    const DoublePair u = x * x;
    DoublePair p = both(-0.000020602765376366341605);
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
    const DoublePair near0 = x + x * u * p;

    // From 0.55 on: tanh |x| = 1 − 2/(e^{2|x|} + 1) (tanh ≥ 0.5 there: the subtraction loses nothing), |x| taken
    // at most 40 (the result is 1.0 from 19.06 on). e^y, y = 2|x| ∈ [1.1, 80], is fdlibm's exp (exp.hpp, the exp
    // V8's Math.exp uses) on the only path it takes there: y = k·ln2 + r with k = ⌊y/ln2 + ½⌋ ≥ 2, then 2^k exactly.
    const DoublePair y = 2.0 * select(ax < 40.0, ax, both(40.0));
    const DoublePair v = 1.44269504088896338700e+00 * y + 0.5;
    const DoublePair nearest = (v + 0x1.8p52) - 0x1.8p52;                      // v rounded to an integer (v < 2^51)
    const DoublePair k = nearest - select(nearest > v, both(1.0), both(0.0));  // ⌊v⌋, as fdlibm's (int) v
    const DoublePair hi = y - k * 6.93147180369123816490e-01;  // exact: ln2's high part has 32 bits, k < 2^7
    const DoublePair lo = k * 1.90821492927058770002e-10;
    const DoublePair r = hi - lo;
    const DoublePair t = r * r;
    const DoublePair c = r - t * (1.66666666666666019037e-01 +
                                  t * (-2.77777777770155933842e-03 +
                                       t * (6.61375632143793436117e-05 +
                                            t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
    const DoublePair er = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);           // e^r
    const DoublePairBits kBits = bitsOf(k + 0x1p52) - bitsOf(both(0x1p52));  // k as an integer
    const DoublePair e = pairOf(bitsOf(er) + (kBits << 52));                 // e^r · 2^k, k ≤ 116: no overflow
    const DoublePair far = pairOf(bitsOf(1.0 - 2.0 / (e + 1.0)) | (bitsOf(x) & signBit));

    // Below 2^-28, x itself (x³/3 is under half an ulp of x; −0 stays −0); NaN stays NaN.
    const DoublePairBits same = (ax < 0x1p-28) | (ax != ax);
    return select(same, x, select(ax < 0.55, near0, far));
}

inline double engineTanh(double x) { return tanhPair(DoublePair{x, x})[0]; }

// a[j] = tanh z[j] for the n neurons of a layer, two at a time.
inline void tanhLayer(const double* z, double* a, std::size_t n) {
    std::size_t j = 0;
    for (; j + 2 <= n; j += 2) {
        DoublePair pair;
        std::memcpy(&pair, z + j, sizeof pair);
        pair = tanhPair(pair);
        std::memcpy(a + j, &pair, sizeof pair);
    }
    if (j < n) a[j] = engineTanh(z[j]);
}

}  // namespace backstep
