// Reading then writing a document loses nothing: doubles come back bit for bit, unknown fields stay,
// integers stay integers.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <regex>
#include <vector>

#include "document.hpp"
#include "test_support.hpp"

using nlohmann::json;

namespace {

std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Random finite doubles of every magnitude and sign (uniform bit patterns), plus the awkward ones.
std::vector<double> awkwardDoubles(std::size_t n, unsigned seed) {
    std::vector<double> out = {0.0,
                               -0.0,
                               0.1,
                               -1.0 / 3.0,
                               std::numeric_limits<double>::denorm_min(),
                               -std::numeric_limits<double>::denorm_min(),
                               std::numeric_limits<double>::min(),
                               std::numeric_limits<double>::max(),
                               -std::numeric_limits<double>::max(),
                               std::nextafter(1.0, 2.0),
                               9007199254740991.0,  // 2^53 − 1
                               9007199254740992.0,  // 2^53
                               9007199254740994.0,  // 2^53 + 2
                               1e22,
                               -123456789.0,
                               5e-324 * 3,
                               1.7976931348623157e308 / 3};
    std::mt19937_64 rng(seed);
    while (out.size() < n) {
        const std::uint64_t b = rng();
        double x;
        std::memcpy(&x, &b, sizeof x);
        if (std::isfinite(x)) out.push_back(x);
    }
    return out;
}

}  // namespace

TEST_CASE("round trip: every double comes back bit for bit") {
    for (unsigned seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        const std::vector<double> values = awkwardDoubles(4 * 5 + 5 * 3 + 5 + 3 + 3 * (4 + 3), seed);
        std::size_t next = 0;
        auto take = [&](std::size_t n) {
            json a = json::array();
            for (std::size_t k = 0; k < n; ++k) a.push_back(values[next++]);
            return a;
        };
        // 4-5-3: sigmoid hidden layer with biases, linear output with biases.
        json doc = {{"format", "backstep/1"},
                    {"layers", json::parse(R"([{"size": 4}, {"size": 5, "activation": "sigmoid", "bias": true},
                                                {"size": 3, "activation": "linear", "bias": true}])")}};
        json w0 = json::array(), w1 = json::array();
        for (int j = 0; j < 5; ++j) w0.push_back(take(4));
        for (int j = 0; j < 3; ++j) w1.push_back(take(5));
        doc["weights"] = {w0, w1};
        doc["biases"] = {take(5), take(3)};
        doc["samples"] = json::array();
        for (int s = 0; s < 3; ++s) doc["samples"].push_back({{"input", take(4)}, {"target", take(3)}});
        doc["learningRate"] = std::fabs(values[seed + 20]) > 0 ? std::fabs(values[seed + 20]) : 0.5;
        REQUIRE(next == values.size());

        const std::string text = doc.dump();  // nlohmann writes the shortest text that reads back exactly
        const backstep::Document first = backstep::readDocument(text);
        const std::string written = backstep::writeDocument(first);
        const backstep::Document second = backstep::readDocument(written);
        const json reread = json::parse(written);

        // Every number of the written text is the number of the original text, bit for bit.
        const json original = json::parse(text);
        for (const char* key : {"weights", "biases", "samples", "learningRate"}) {
            CAPTURE(key);
            const json a = original[key].flatten(), b = reread[key].flatten();
            REQUIRE(a.size() == b.size());
            for (auto it = a.begin(); it != a.end(); ++it) {
                CAPTURE(it.key());
                CHECK(bits(it.value().get<double>()) == bits(b.at(it.key()).get<double>()));
            }
        }
        // And the parsed parameters are equal bit for bit.
        for (std::size_t l = 0; l < 2; ++l) {
            for (std::size_t k = 0; k < first.network.weights[l].size(); ++k)
                CHECK(bits(first.network.weights[l][k]) == bits(second.network.weights[l][k]));
            for (std::size_t j = 0; j < first.network.biases[l].size(); ++j)
                CHECK(bits(first.network.biases[l][j]) == bits(second.network.biases[l][j]));
        }
        CHECK(bits(first.network.weights[0][1]) == bits(values[1]));  // -0.0 keeps its sign
        CHECK(bits(first.learningRate) == bits(second.learningRate));
        CHECK(backstep::writeDocument(second) == written);  // a fixed point
    }
}

TEST_CASE("round trip: fields the reader does not know are kept") {
    json doc = json::parse(testsupport::fixture("seed.json"));
    doc["future"] = json::parse(R"({"b": [1, 2.5, "s", null, true, {"deep": [[[]]]}], "a": {}})");
    doc["zeta"] = "text with \"quotes\" and é";
    doc["note"] = -3;
    const backstep::Document d = backstep::readDocument(doc.dump());
    const json written = json::parse(backstep::writeDocument(d));
    CHECK(written.at("future") == doc.at("future"));
    CHECK(written.at("zeta") == doc.at("zeta"));
    CHECK(written.at("note") == -3);
    CHECK(written.at("title") == "Backpropagation step by step");
    const json again = json::parse(backstep::writeDocument(backstep::readDocument(written.dump())));
    CHECK(again == written);
    // A document without extra fields gains none.
    const json seed = json::parse(testsupport::fixture("seed.json"));
    const json plain = json::parse(backstep::writeDocument(backstep::readDocument(seed.dump())));
    for (auto it = plain.begin(); it != plain.end(); ++it) {
        CAPTURE(it.key());
        CHECK((seed.contains(it.key()) || it.key() == "batchSize"));  // batchSize: the default, written out
    }
}

TEST_CASE("round trip: integers are written as integers") {
    json doc = json::parse(testsupport::fixture("seed.json"));
    doc["learningRate"] = 2.0;  // written by nlohmann as 2.0
    doc["samples"][0]["input"] = {-3.0, 1e15};
    doc["weights"][1][0] = {0.5, 1e300};
    const std::string written = backstep::writeDocument(backstep::readDocument(doc.dump()));
    const json w = json::parse(written);
    CHECK(w["learningRate"].is_number_integer());
    CHECK(w["learningRate"] == 2);
    CHECK(w["batchSize"].is_number_integer());
    CHECK(w["layers"][1]["size"].is_number_integer());
    CHECK(w["samples"][0]["input"][0].is_number_integer());
    CHECK(w["samples"][0]["input"][1].is_number_integer());
    CHECK(w["samples"][0]["target"][0].is_number_integer());
    CHECK(w["weights"][1][0][0].is_number_float());
    CHECK(w["weights"][1][0][1].is_number_float());  // beyond 2^53: not an exact integer type
    CHECK(written.find("\"learningRate\": 2,") != std::string::npos);
    CHECK(written.find("[-3, 1000000000000000]") != std::string::npos);
    CHECK(written.find("\"target\": [1]") != std::string::npos);
    CHECK_FALSE(std::regex_search(written, std::regex("\\.0[^0-9]")));  // no 2.0, -3.0 …
}
