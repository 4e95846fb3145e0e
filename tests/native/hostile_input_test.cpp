// Regression tests for what hostile testing found: every call's cost is bounded by a documented limit,
// whatever the engine writes it reads back, one divergence rule for train and trace, clean messages.
#include <sys/resource.h>

#include <chrono>
#include <functional>
#include <string>

#include "document.hpp"
#include "explain.hpp"
#include "limits.hpp"
#include "message.hpp"
#include "session.hpp"
#include "test_support.hpp"
#include "trace.hpp"
#include "training.hpp"

using nlohmann::json;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool underAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool underAddressSanitizer = true;
#else
constexpr bool underAddressSanitizer = false;
#endif
#else
constexpr bool underAddressSanitizer = false;
#endif

// A fully connected network of `sizes` (tanh hidden layers, linear output), small weights that vary, and
// `samples` samples in batches of `batch`.
json network(const std::vector<int>& sizes, int samples = 1, int batch = 1, bool bias = false) {
    json layers = json::array({{{"size", sizes[0]}}});
    json weights = json::array();
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        layers.push_back(
            {{"size", sizes[l]}, {"activation", l + 1 == sizes.size() ? "linear" : "tanh"}, {"bias", bias}});
        json rows = json::array();
        for (int j = 0; j < sizes[l]; ++j) {
            json row = json::array();
            for (int i = 0; i < sizes[l - 1]; ++i) row.push_back(((i * 7 + j * 13) % 19 - 9) / 100.0);
            rows.push_back(row);
        }
        weights.push_back(rows);
    }
    json data = json::array();
    for (int s = 0; s < samples; ++s)
        data.push_back({{"input", json(std::vector<double>(sizes.front(), 0.5 + s % 3))},
                        {"target", json(std::vector<double>(sizes.back(), 1.0))}});
    return {{"format", "backstep/1"}, {"layers", layers},   {"weights", weights},
            {"learningRate", 0.01},   {"batchSize", batch}, {"samples", data}};
}

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const backstep::EngineError& e) {
        return e.what();
    }
    return "(accepted)";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

double seconds(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("hostile: the event count of a trace is known before the step, exactly") {
    const json docs[] = {json::parse(testsupport::fixture("seed.json")),
                         json::parse(testsupport::fixture("mazur.json")), network({3, 5, 4, 2}, 7, 3, true),
                         network({2, 3, 1}, 5, 10)};
    for (const json& d : docs) {
        backstep::Document doc = backstep::readDocument(d.dump());
        backstep::Position position;
        for (int step = 0; step < 4; ++step) {  // includes the short last batch of an epoch
            const std::size_t expected = backstep::traceEventCount(doc, position);
            CHECK(backstep::traceStep(doc, position)["events"].size() == expected);
        }
    }
}

TEST_CASE("hostile: a step whose trace would exceed the event limit is refused before any work") {
    // Within every document limit (4 layers of 256), and 131,584 weights: one sample is over the limit.
    backstep::Session session(network({1, 256, 256, 256, 1}).dump());
    const std::string document = session.document(), position = session.position();
    std::string message;
    const double took = seconds([&] { message = refusal([&] { session.step(); }); });
    CHECK(contains(message, "trace: this step would have 264709 events, over the limit of 100000"));
    CHECK(contains(message, "use train"));
    CHECK(took < 1.0);  // refused up front (the trace itself would take many seconds)
    CHECK(session.document() == document);
    CHECK(session.position() == position);
    CHECK(contains(refusal([&] { session.explain(backstep::ExplainFormat::Latex, 4); }), "over the limit of 100000"));
    // The same network trains.
    session.train(1);
    CHECK(session.position() == R"({"epoch":1,"sample":0,"step":1})");
}

TEST_CASE("hostile: a batch multiplies the events of a step, and the limit counts it") {
    const json doc = network({1, 120, 120, 1}, 8, 8);  // 15,125 events per sample, 8 samples in one step
    backstep::Document d = backstep::readDocument(doc.dump());
    CHECK(backstep::traceEventCount(d, {}) == 8 * (3 + 2 * 241 + 14640) + 14640);
    backstep::Session session(doc.dump());
    CHECK(contains(refusal([&] { session.step(); }), "this step would have 135640 events"));
}

TEST_CASE("hostile: the largest trace the limits allow stays under 100 MB of memory") {
    // The longest text per event: 16-character layer names, numbers of 17 significant digits.
    json big = network({1, 220, 220, 1});
    for (auto& layer : big["layers"]) layer["name"] = "abcdefghijklmnop";
    for (auto& rows : big["weights"])
        for (auto& row : rows)
            for (auto& w : row) w = -1.2345678901234567e-5 * (1.0 + w.get<double>());
    big["learningRate"] = 0.012345678901234567;
    big["samples"][0]["input"][0] = -0.12345678901234567;
    backstep::Document doc = backstep::readDocument(big.dump());
    const std::size_t events = backstep::traceEventCount(doc, {});
    REQUIRE(events <= backstep::limits::maxTraceEvents);
    REQUIRE(events > backstep::limits::maxTraceEvents * 9 / 10);
    backstep::Position position;
    const std::string text = backstep::traceStepText(doc, position);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);  // the peak of this process so far: the document, the step and its text
    MESSAGE("trace of " << events << " events: " << text.size() / 1e6 << " MB of JSON; peak RSS "
                        << usage.ru_maxrss / 1024 << " MB");
    if (!underAddressSanitizer) CHECK(usage.ru_maxrss < 100 * 1024);  // ASan's shadow memory and quarantine inflate it
    CHECK(text.size() < 45'000'000);
    CHECK(json::parse(text)["events"].size() == events);
}

TEST_CASE("hostile: the work of one train call is bounded, refused up front with the limit named") {
    // 1-64-64-1 on 10,000 samples: 4,224 weights, 129 neurons; 1,000 epochs would be 4.4e10.
    backstep::Session session(network({1, 64, 64, 1}, 10000).dump());
    std::string message;
    const double took = seconds([&] { message = refusal([&] { session.train(1000); }); });
    CHECK(message ==
          "epochs: 1000 epochs × 10000 samples × 4369 per sample (4224 weights and biases, 129 neurons, 16) = "
          "43690000000, "
          "over the limit of 10000000000 per call; train fewer epochs per call, or a smaller network");
    CHECK(took < 1.0);
    CHECK(session.position() == R"({"epoch":0,"sample":0,"step":0})");
}

TEST_CASE("hostile: the work limit counts the cost of each sample, not only of each weight") {
    // A 1-1 network on 100,000 samples: 10,000 epochs took 37 s natively with 2 parameters per sample counted.
    backstep::Session session(network({1, 1}, 100000).dump());
    CHECK(contains(refusal([&] { session.train(10000); }), "over the limit of 10000000000"));
}

TEST_CASE("hostile: counts past 2^32 are not wrapped (size_t has 32 bits in WebAssembly)") {
    // 65,030 samples in one batch of a 1-254-254-1 network: 4,294,971,374 events, which wraps to 4,078 in 32 bits.
    const json doc = network({1, 254, 254, 1}, 65030, 100000);
    backstep::Document d = backstep::readDocument(doc.dump());
    CHECK(backstep::traceEventCount(d, {}) == 4294971374ULL);
    backstep::Session session(doc.dump());
    CHECK(contains(refusal([&] { session.step(); }), "this step would have 4294971374 events"));
    // 65,537 epochs × 65,536 samples of a 1-1 network wrapped to 1 epoch in 32 bits; it is over the work limit.
    backstep::Session big(network({1, 1}, 65536).dump());
    CHECK(contains(refusal([&] { big.train(65537); }), "65537 epochs × 65536 samples"));
}

TEST_CASE("hostile: train and trace apply one divergence rule to every value computed") {
    // z = 1e300 × 1e10 overflows; sigmoid flattens it to 1, so the weights alone look fine.
    const std::string doc = R"({"format":"backstep/1","layers":[{"size":1},{"size":1,"activation":"sigmoid"}],
        "weights":[[[1e300]]],"learningRate":0.5,"samples":[{"input":[1e10],"target":[1]}]})";
    const std::string expected =
        "training diverged in epoch 1: a value became infinite or NaN; try a smaller learningRate or smaller values "
        "(the "
        "document is unchanged)";
    backstep::Session session(doc);
    const std::string before = session.document();
    CHECK(refusal([&] { session.train(1000); }) == expected);
    CHECK(refusal([&] { session.train(1); }) == expected);
    CHECK(refusal([&] { session.step(); }) == expected);
    CHECK(refusal([&] { session.explain(backstep::ExplainFormat::Markdown, 4); }) == expected);
    CHECK(session.document() == before);
    CHECK(session.position() == R"({"epoch":0,"sample":0,"step":0})");
}

TEST_CASE("hostile: an error E that overflows diverges in train as in trace") {
    // y = 1e200 is finite, ½(y − t)² is not.
    const std::string doc = R"({"format":"backstep/1","layers":[{"size":1},{"size":1,"activation":"linear"}],
        "weights":[[[1e100]]],"learningRate":1e-300,"samples":[{"input":[1e100],"target":[0]}]})";
    backstep::Session session(doc);
    CHECK(contains(refusal([&] { session.train(1); }), "training diverged in epoch 1"));
    CHECK(contains(refusal([&] { session.step(); }), "training diverged in epoch 1"));
}

TEST_CASE("hostile: whatever the engine writes from a valid document, it reads back") {
    SUBCASE("80,000 samples of a 1-1 network: indented would exceed the limit, so compact") {
        json doc = network({1, 1}, 80000);
        for (std::size_t s = 0; s < 80000; ++s) doc["samples"][s]["input"][0] = static_cast<double>(s) / 3.0;
        const std::string text = doc.dump();
        REQUIRE(text.size() < backstep::limits::maxBytes);
        backstep::Session session(text);
        session.train(0);
        const std::string written = session.document();
        CHECK(written.size() < backstep::limits::maxBytes);  // room for the CLI's final newline
        CHECK(json::parse(written) == json::parse(backstep::Session(written + "\n").document()));
    }
    SUBCASE("an unknown field of 62-deep arrays, about 4 MiB") {
        json doc = network({1, 1});
        json leaf = json::array({1});
        for (int k = 0; k < 60; ++k) leaf = json::array({leaf});
        json future = json::array();
        const std::size_t each = leaf.dump().size() + 1;
        for (std::size_t n = 0; n < (backstep::limits::maxBytes - 1000) / each; ++n) future.push_back(leaf);
        doc["future"] = future;
        const std::string text = doc.dump();
        REQUIRE(text.size() <= backstep::limits::maxBytes);
        backstep::Session session(text);
        const std::string written = session.document();
        CHECK(written.size() <= backstep::limits::maxBytes);
        CHECK(json::parse(written)["future"] == future);
        CHECK_NOTHROW(backstep::Session{written});
    }
    SUBCASE("weights written short now may be long after training: counted at full width up front") {
        // 131,584 weights written in 5 characters are 0.8 MB now, and up to 3.2 MB trained; 197,120 would not fit.
        const json fits = network({1, 256, 256, 256, 1}), over = network({1, 256, 256, 256, 256, 1});
        CHECK(refusal([&] { backstep::readDocument(fits.dump()); }) == "(accepted)");
        CHECK(contains(refusal([&] { backstep::readDocument(over.dump()); }),
                       "document: too large to train and write back"));
        CHECK(contains(refusal([&] { backstep::readDocument(over.dump()); }), "the limit is 4194303 and a newline"));
    }
}

TEST_CASE("hostile: no double the engine writes is longer than limits::maxNumberText") {
    const double extremes[] = {-2.2250738585072014e-308, -1.2345678901234567e-300, -1.7976931348623157e308,
                               -4.9406564584124654e-324, -0.00012345678901234567,  -123456789012345.67};
    for (double x : extremes) CHECK(json(x).dump().size() <= backstep::limits::maxNumberText);
    CHECK(json(-2.2250738585072014e-308).dump().size() == backstep::limits::maxNumberText);
}

TEST_CASE("hostile: writing an unknown field with many keys is linear") {
    // 358,754 keys in 4 MiB took 162 s when each key was inserted into an ordered map; now well under a second.
    json doc = network({1, 1});
    json many = json::object();
    for (int k = 0; many.size() < 300000; ++k) many["k" + std::to_string(k)] = k % 10;
    doc["future"] = many;
    backstep::Session session(doc.dump());
    std::string written;
    const double took = seconds([&] { written = session.document(); });
    CHECK(json::parse(written)["future"] == many);
    MESSAGE("writing 300,000 keys: " << took << " s");
    CHECK(took < 10.0);  // generous: quadratic took minutes
}

TEST_CASE("hostile: messages are one bounded line of valid UTF-8") {
    CHECK(backstep::oneLine("a\xC3") == "a\\xC3");  // a cut sequence
    CHECK(backstep::oneLine("\xFF\xFE\n") == "\\xFF\\xFE\\u000A");
    CHECK(backstep::oneLine("é\xED\xA0\x80") == "é\\xED\\xA0\\x80");  // a UTF-16 surrogate is not UTF-8
    CHECK(backstep::oneLine(std::string(1000, 'x')).size() <= 400);
    CHECK(backstep::oneLine(std::string(200, 'x') + std::string(200, 'e') + "é").size() <= 400);
    CHECK(backstep::excerpt("ééé", 2) == "éé…");
    CHECK(backstep::oneLine("a\u202Eb\u2066c") == "a\\u202Eb\\u2066c");  // bidi controls cannot reorder a message
    CHECK(backstep::quote("a\\x80") == "a\\\\x80");                      // a literal backslash is not an escaped byte
    CHECK(backstep::oneLine(backstep::oneLine("a\nb\xFF")) == backstep::oneLine("a\nb\xFF"));  // idempotent
    // A deep path of long keys is shortened in its middle: the reason after it stays.
    json deep = "INNER";
    for (int k = 0; k < 40; ++k) deep = json{{std::string(30, 'k') + std::to_string(k), deep}};
    json doc = json::parse(testsupport::fixture("seed.json"));
    doc["future"] = deep;
    std::string text = doc.dump();
    text.replace(text.find("\"INNER\""), 7, R"({"x":1,"x":2})");
    const std::string deepMessage = refusal([&] { backstep::readDocument(text); });
    CHECK(deepMessage.size() < 200);
    CHECK(deepMessage.rfind("future.kkkk", 0) == 0);
    CHECK(contains(deepMessage, "k0.x: this key appears twice in the same object"));
    // The parser's own message ends inside a UTF-8 sequence: shown escaped.
    const std::string parse = refusal([] { backstep::readDocument("{\xC3\xA9}"); });
    CHECK(contains(parse, "document: invalid JSON"));
    CHECK(backstep::oneLine(parse) == parse);  // already clean
    // A repeated 2 MiB key: the message quotes an excerpt.
    const std::string key(2 * 1024 * 1024 - 100, 'k');
    const std::string repeated = R"({"format":"backstep/1",")" + key + R"(":1,")" + key + R"(":2})";
    const std::string message = refusal([&] { backstep::readDocument(repeated); });
    CHECK(contains(message, "this key appears twice"));
    CHECK(message.size() < 200);
    // An unterminated long string: the parser quotes its last token, the message stays short.
    const std::string unterminated =
        refusal([] { backstep::readDocument("{\"title\": \"" + std::string(100000, 'a')); });
    CHECK(unterminated.size() <= 400);
}

TEST_CASE("hostile: layer names and titles are escaped in LaTeX and Markdown") {
    json doc = json::parse(testsupport::fixture("seed.json"));
    doc["layers"][1]["name"] = "\\input{x}";
    doc["layers"][2]["name"] = "%&$#_^~";
    doc["title"] = "<script>alert(1)</script> *bold*";
    backstep::Session session(doc.dump());
    const std::string latex = session.explain(backstep::ExplainFormat::Latex, 4);
    CHECK(!contains(latex, "\\input{"));
    CHECK(contains(latex, "\\text{\\textbackslash{}input\\{x\\}}_{1}"));
    CHECK(contains(latex, "\\text{\\%\\&\\$\\#\\_\\textasciicircum{}\\textasciitilde{}}_{1}"));
    for (std::size_t p = latex.find('%'); p != std::string::npos; p = latex.find('%', p + 1))
        CHECK((p == 0 || latex[p - 1] == '\n' ||
               latex[p - 1] == '\\'));  // a comment starts a line; any other % is escaped
    const std::string markdown = session.explain(backstep::ExplainFormat::Markdown, 4);
    CHECK(contains(markdown, "# \\<script\\>alert\\(1\\)\\</script\\> \\*bold\\*\n"));
    CHECK(!contains(markdown, "<script>"));
    CHECK(contains(markdown, "\\\\input\\{x\\}1"));
}
