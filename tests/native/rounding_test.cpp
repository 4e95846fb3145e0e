// roundToDecimals (the round-2 variant's rounding) against the shared rounding vectors, computed with Python's decimal
// module (tests/vectors/make-rounding-vectors.py): rounding inside the model follows the rule of rounding on screen.
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "rounding.hpp"
#include "test_support.hpp"

TEST_CASE("rounding: the shared vectors, wherever they are written with fixed decimals") {
    const std::string path = std::string(BACKSTEP_FIXTURES) + "/../vectors/rounding.json";
    const auto cases = nlohmann::json::parse(testsupport::readFile(path));
    int checked = 0;
    for (const auto& c : cases) {
        const std::string value = c.at("value").get<std::string>(), text = c.at("text").get<std::string>();
        if (text.find_first_not_of("-0123456789.") != std::string::npos) continue;  // scientific, ∞, NaN
        const int decimals = c.at("decimals").get<int>();
        INFO(value << " at " << decimals << " decimals → " << text);
        CHECK(backstep::roundToDecimals(std::strtod(value.c_str(), nullptr), decimals) ==
              std::strtod(text.c_str(), nullptr));
        ++checked;
    }
    CHECK(checked >= 30);
}

TEST_CASE("rounding: half away from zero on the double's exact value, at 2 decimals") {
    using backstep::roundToDecimals;
    CHECK(roundToDecimals(0.125, 2) == 0.13);    // an exact tie: away from zero
    CHECK(roundToDecimals(-0.125, 2) == -0.13);  // the same below zero
    CHECK(roundToDecimals(2.675, 2) == 2.67);    // the double is 2.67499999999999982…
    CHECK(roundToDecimals(1.005, 2) == 1.0);     // the double is 1.00499999999999989…
    CHECK(roundToDecimals(0.1745, 2) == 0.17);
    CHECK(roundToDecimals(0.191, 2) == 0.19);
    CHECK(roundToDecimals(-0.6885, 2) == -0.69);
    CHECK(roundToDecimals(0.2533, 2) == 0.25);
    CHECK(roundToDecimals(0.995, 2) == 0.99);  // the double is 0.99499999999999999555…
    CHECK(roundToDecimals(0.375, 2) == 0.38);  // exact
    const double minusZero = roundToDecimals(-0.001, 2);
    CHECK(minusZero == 0.0);
    CHECK_FALSE(std::signbit(minusZero));  // 0, not −0
    CHECK(roundToDecimals(1e300, 2) == 1e300);
    CHECK(std::isnan(roundToDecimals(std::numeric_limits<double>::quiet_NaN(), 2)));
    CHECK(roundToDecimals(-std::numeric_limits<double>::infinity(), 2) == -std::numeric_limits<double>::infinity());
    CHECK(backstep::Rounding{}(0.123456) == 0.123456);  // no rounding: every step but round-2's
    CHECK(backstep::Rounding{2}(0.123456) == 0.12);
}
