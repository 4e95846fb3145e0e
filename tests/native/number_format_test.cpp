// Rounding for readers (explain): the values below are worked out by hand from the rule in
// number_format.hpp; web/src/format/number.js is tested against the same rule.
#include <doctest/doctest.h>

#include "number_format.hpp"

namespace {

std::string shown(double x, int decimals) { return backstep::formatNumber(x, {decimals, "−", false}); }

}  // namespace

TEST_CASE("number format: fixed decimals, half away from zero on the decimal value") {
    CHECK(shown(0.191, 3) == "0.191");
    CHECK(shown(0.3272405, 4) == "0.3272");
    CHECK(shown(-0.68765, 4) == "−0.6877");
    CHECK(shown(0.68765, 4) == "0.6877");
    CHECK(shown(1.005, 2) == "1.01");
    CHECK(shown(0.2557, 2) == "0.26");
    CHECK(shown(0.14, 3) == "0.14");
    CHECK(shown(2.0, 3) == "2");
    CHECK(shown(0.0, 3) == "0");
    CHECK(shown(-0.0, 3) == "0");
    CHECK(shown(123456.789, 2) == "123456.79");
}

TEST_CASE("number format: very large and very small values in scientific notation") {
    CHECK(shown(1.2e30, 3) == "1.2e30");
    CHECK(shown(1e100, 3) == "1e100");
    CHECK(shown(-1e305, 3) == "−1e305");
    CHECK(shown(1e15, 4) == "1e15");
    CHECK(shown(1.25e15, 2) == "1.3e15");  // a tie rounds away from zero, as in JavaScript
    CHECK(shown(0.000438568, 3) == "4.39e−4");  // Mazur's ∂E/∂w1 is not "0"
    CHECK(shown(3.5102e-5, 4) == "3.51e−5");
    CHECK(shown(0.0004, 3) == "4e−4");
    CHECK(shown(0.0005, 3) == "0.001");  // from ½·10^−d on, fixed decimals
    CHECK(backstep::formatNumber(-2.5e-7, {3, "-", true}) == "-2.5 \\times 10^{-7}");
}
