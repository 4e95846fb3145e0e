// Rounding for readers (explain): the shared vectors in tests/vectors/rounding.json are computed by
// tests/vectors/make-rounding-vectors.py with Python's decimal module, independently of this code;
// web/src/format/number.js is checked against the same file (tests/web/number.test.mjs).
#include <doctest/doctest.h>

#include <cstdlib>
#include <limits>
#include <string>

#include "number_format.hpp"
#include "test_support.hpp"

namespace {

std::string shown(double x, int decimals) { return backstep::formatNumber(x, {decimals, "−", false}); }
std::string ascii(double x, int decimals) { return backstep::formatNumber(x, {decimals, "-", false}); }
std::string latex(double x, int decimals) { return backstep::formatNumber(x, {decimals, "-", true}); }

constexpr double largest = std::numeric_limits<double>::max();

}  // namespace

TEST_CASE("number format: the shared rounding vectors") {
    const std::string path = std::string(BACKSTEP_FIXTURES) + "/../vectors/rounding.json";
    const auto cases = nlohmann::json::parse(testsupport::readFile(path));
    REQUIRE(cases.size() >= 40);
    for (const auto& c : cases) {
        const std::string value = c.at("value").get<std::string>();
        const int decimals = c.at("decimals").get<int>();
        INFO(value << " at " << decimals << " decimals");
        CHECK(ascii(std::strtod(value.c_str(), nullptr), decimals) == c.at("text").get<std::string>());
    }
}

TEST_CASE("number format: fixed decimals, half away from zero on the double's exact value") {
    CHECK(shown(0.191, 3) == "0.191");
    CHECK(shown(0.3272405, 4) == "0.3272");
    CHECK(shown(-0.68765, 4) == "−0.6876");  // the double is −0.687649999999999983…
    CHECK(shown(0.68765, 4) == "0.6876");
    CHECK(shown(1.005, 2) == "1");     // the double is 1.00499999999999989…
    CHECK(shown(0.125, 2) == "0.13");  // an exact tie: away from zero
    CHECK(shown(-0.125, 2) == "−0.13");
    CHECK(shown(0.2557, 2) == "0.26");
    CHECK(shown(0.14, 3) == "0.14");
    CHECK(shown(2.0, 3) == "2");
    CHECK(shown(2.0, 15) == "2");
    CHECK(shown(3e11, 4) == "300000000000");
    CHECK(shown(0.0, 3) == "0");
    CHECK(shown(-0.0, 3) == "0");
    CHECK(shown(123456.789, 2) == "123456.79");
    CHECK(shown(-0.0005, 3) == "−0.001");  // the double is 5.00000000000000010408…e−4
}

TEST_CASE("number format: very large and very small values in scientific notation") {
    CHECK(shown(1.2e30, 3) == "1.2e30");
    CHECK(shown(1e100, 3) == "1e100");
    CHECK(shown(-1e305, 3) == "−1e305");
    CHECK(shown(1e15, 4) == "1e15");
    CHECK(shown(1.25e15, 2) == "1.3e15");       // an exact tie rounds away from zero, as in JavaScript
    CHECK(shown(9.9999e15, 4) == "1e16");       // the carry moves to the next exponent
    CHECK(shown(0.000438568, 3) == "4.39e−4");  // Mazur's ∂E/∂w1 is not "0"
    CHECK(shown(3.5102e-5, 4) == "3.51e−5");
    CHECK(shown(0.0004, 3) == "4e−4");
    CHECK(shown(0.00049999, 3) == "5e−4");  // rounds to 0 at 3 places; 4.9999 → 5.00 in the mantissa
    CHECK(shown(0.0005, 3) == "0.001");
    CHECK(shown(largest, 4) == "1.798e308");
    CHECK(shown(-largest, 4) == "−1.798e308");
    CHECK(shown(std::numeric_limits<double>::denorm_min(), 4) == "4.941e−324");
}

TEST_CASE("number format: LaTeX exponents") {
    CHECK(latex(-2.5e-7, 3) == "-2.5 \\times 10^{-7}");
    CHECK(latex(0.000438568, 3) == "4.39 \\times 10^{-4}");
    CHECK(latex(largest, 4) == "1.798 \\times 10^{308}");
    CHECK(latex(-largest, 0) == "-1.8 \\times 10^{308}");
    CHECK(latex(0.191, 3) == "0.191");
}

TEST_CASE("number format: NaN, infinities, and every finite double as a finite number") {
    CHECK(shown(std::numeric_limits<double>::quiet_NaN(), 3) == "NaN");
    CHECK(shown(std::numeric_limits<double>::infinity(), 3) == "∞");
    CHECK(shown(-std::numeric_limits<double>::infinity(), 3) == "−∞");
    const double tiny = std::numeric_limits<double>::denorm_min(), normal = std::numeric_limits<double>::min();
    for (const double x : {largest, -largest, normal, tiny, -tiny, 1e15, 999999999999999.9}) {
        for (int d = 0; d <= 15; ++d) {
            for (const std::string& text : {ascii(x, d), latex(x, d)}) {
                INFO(text << " at " << d << " decimals");
                CHECK(text.find("inf") == std::string::npos);
                CHECK(text.find("nan") == std::string::npos);
                CHECK(text.find("∞") == std::string::npos);
                CHECK(text.find_first_of("123456789") != std::string::npos);
            }
        }
    }
}
