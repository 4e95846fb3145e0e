// Helpers shared by the native tests: fixtures, tolerant comparison, trace lookup.
#pragma once
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace testsupport {

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline std::string fixtureDir() { return BACKSTEP_FIXTURES; }

inline std::string fixture(const std::string& name) { return readFile(std::string(BACKSTEP_FIXTURES) + "/" + name); }

// |actual − expected| ≤ rel · max(|actual|, |expected|)
inline bool closeRel(double actual, double expected, double rel) {
    return std::fabs(actual - expected) <= rel * std::max(std::fabs(actual), std::fabs(expected));
}

// Asserts with a message that shows both values at full precision.
#define CHECK_REL(actual, expected, rel)                                                                          \
    do {                                                                                                          \
        const double a_ = (actual), e_ = (expected);                                                              \
        INFO(#actual << " = " << std::setprecision(17) << a_ << ", expected " << e_ << " (rel " << (rel) << ")"); \
        CHECK(testsupport::closeRel(a_, e_, (rel)));                                                              \
    } while (0)

#define CHECK_ABS(actual, expected, tol)                                                                          \
    do {                                                                                                          \
        const double a_ = (actual), e_ = (expected);                                                              \
        INFO(#actual << " = " << std::setprecision(17) << a_ << ", expected " << e_ << " (abs " << (tol) << ")"); \
        CHECK(std::fabs(a_ - e_) <= (tol));                                                                       \
    } while (0)

// The first event of `kind` whose `key` equals `value` (e.g. kind "forward", key "name", value "h1").
inline const nlohmann::ordered_json& event(const nlohmann::ordered_json& trace, const std::string& kind,
                                           const std::string& key, const std::string& value) {
    for (const auto& e : trace.at("events"))
        if (e.at("kind") == kind && e.contains(key) && e.at(key) == value) return e;
    throw std::runtime_error("no " + kind + " event with " + key + " = " + value);
}

}  // namespace testsupport
