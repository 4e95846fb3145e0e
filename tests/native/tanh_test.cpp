// The engine's tanh (cpp/engine/tanh.hpp) against long double tanhl, exact to 2^-64 relative: the outside reference.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
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
