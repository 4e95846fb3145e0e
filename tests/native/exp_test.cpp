// The engine's exp (cpp/engine/exp.hpp) against long double expl, exact to 2^-64 relative: the outside reference.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

#include "exp.hpp"

namespace {

// |got − exact| in units in the last place of the double nearest the exact value (normal results only).
double ulpError(double got, long double exact) {
    const double nearest = static_cast<double>(exact);
    const double ulp = std::nextafter(nearest, INFINITY) - nearest;
    return static_cast<double>(std::fabs(static_cast<long double>(got) - exact) / ulp);
}

}  // namespace

TEST_CASE("exp: within 1 ulp of expl on random points of every range the reduction covers") {
    std::mt19937_64 random(20261127);
    double worst = 0.0, worstAt = 0.0;
    for (double range : {1e-9, 0.3, 0.4, 1.0, 1.1, 5.0, 50.0, 700.0}) {
        std::uniform_real_distribution<double> uniform(-range, range);
        for (int k = 0; k < 40000; ++k) {
            const double x = uniform(random);
            const double error = ulpError(backstep::engineExp(x), expl(static_cast<long double>(x)));
            if (error > worst) worst = error, worstAt = x;
        }
    }
    INFO("worst error: " << worst << " ulp, at x = " << worstAt);
    CHECK(worst < 1.0);
    CHECK(worst > 0.5);  // the measurement sees rounding at all
}

TEST_CASE("exp: exact values, the ends of the range and the special values") {
    CHECK(backstep::engineExp(0.0) == 1.0);
    CHECK(backstep::engineExp(-0.0) == 1.0);
    CHECK(backstep::engineExp(1.0) == 2.718281828459045);  // e, correctly rounded
    CHECK(backstep::engineExp(std::log(2.0)) == doctest::Approx(2.0).epsilon(1e-15));
    CHECK(backstep::engineExp(709.78) == doctest::Approx(1.7928227943945155e308).epsilon(1e-15));
    CHECK(std::isinf(backstep::engineExp(709.8)));
    CHECK(std::isinf(backstep::engineExp(INFINITY)));
    CHECK(backstep::engineExp(-INFINITY) == 0.0);
    CHECK(backstep::engineExp(-746.0) == 0.0);
    CHECK(std::isnan(backstep::engineExp(NAN)));
    // Below the normal range (through 2^-1000): e^-740 = 4.1995579896506e-322, a subnormal.
    CHECK(backstep::engineExp(-740.0) == doctest::Approx(4.1995579896506e-322).epsilon(1e-2));
    CHECK(backstep::engineExp(-740.0) > 0.0);
}
