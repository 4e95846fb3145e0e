// The engine's tanh (cpp/engine/tanh.hpp) against long double tanhl, exact to 2^-64 relative: the outside reference.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "tanh.hpp"

namespace {

// |got − exact| in units in the last place of the double nearest the exact value.
double ulpError(double got, long double exact) {
    const double nearest = static_cast<double>(exact);
    const double ulp = std::nextafter(std::fabs(nearest), INFINITY) - std::fabs(nearest);
    return static_cast<double>(std::fabs(static_cast<long double>(got) - exact) / ulp);
}

}  // namespace

TEST_CASE("tanh: within 1.5 ulp of tanhl on random points of every range the branches cover") {
    std::mt19937_64 random(20261127);
    double worst = 0.0, worstAt = 0.0;
    for (double range : {1e-9, 1e-4, 0.1, 0.5, 0.55, 0.6, 1.0, 2.0, 5.0, 19.0, 25.0, 400.0}) {
        std::uniform_real_distribution<double> uniform(-range, range);
        for (int k = 0; k < 40000; ++k) {
            const double x = uniform(random);
            const double error = ulpError(backstep::engineTanh(x), tanhl(static_cast<long double>(x)));
            if (error > worst) worst = error, worstAt = x;
        }
    }
    INFO("worst error: " << worst << " ulp, at x = " << worstAt);
    CHECK(worst <= 1.5);
    CHECK(worst > 0.5);  // the measurement sees rounding at all
}

TEST_CASE("tanh: odd, exact at the ends, and the special values") {
    for (double x : {1e-300, 3e-9, 0.25, 0.549999, 0.55, 0.7, 3.0, 18.0, 30.0})
        CHECK(backstep::engineTanh(-x) == -backstep::engineTanh(x));
    CHECK(backstep::engineTanh(0.0) == 0.0);
    CHECK(std::signbit(backstep::engineTanh(-0.0)));
    CHECK(backstep::engineTanh(1e-20) == 1e-20);
    CHECK(backstep::engineTanh(25.0) == 1.0);
    CHECK(backstep::engineTanh(-1e300) == -1.0);
    CHECK(backstep::engineTanh(INFINITY) == 1.0);
    CHECK(backstep::engineTanh(-INFINITY) == -1.0);
    CHECK(std::isnan(backstep::engineTanh(NAN)));
    // Published values: tanh 0.5 = 0.46211715726000974, tanh 1 = 0.76159415595576489 (correctly rounded).
    CHECK(backstep::engineTanh(0.5) == 0.46211715726000974);
    CHECK(backstep::engineTanh(1.0) == 0.76159415595576489);
}

TEST_CASE("tanh: a layer, two neurons per call, gives each neuron the bits of the one-value form") {
    // Neighbours on either side of every boundary (2^-28, 0.55, 19.06, 40), so the two lanes of a call take
    // different paths; an odd count leaves the last neuron to the one-value form.
    const double z[] = {0.3,   2.0,      -1e-30, 0.55, 0.5499999999999999, -19.1, 40.0, -45.0,
                        -0.0,  INFINITY, NAN,    7.0,  -0x1p-28,           1e-9,  0.6,  -3.0,
                        1e300, 0.0375};
    constexpr std::size_t n = sizeof z / sizeof z[0];
    for (std::size_t count : {n, n - 1, std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        double a[n];
        backstep::tanhLayer(z, a, count);
        for (std::size_t j = 0; j < count; ++j) {
            CAPTURE(count);
            CAPTURE(j);
            const double one = backstep::engineTanh(z[j]);
            CHECK(std::memcmp(&a[j], &one, sizeof one) == 0);
            if (!std::isnan(z[j])) CHECK(ulpError(a[j], tanhl(static_cast<long double>(z[j]))) <= 1.5);
        }
    }
}
