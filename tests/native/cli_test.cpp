// The command-line tool, run as a separate process: output agrees with the engine in-process,
// refusals exit 2 with one line on stderr.
#include "cli_support.hpp"

using namespace clisupport;

TEST_CASE("cli: train prints the document train() gives in-process") {
    TempDir dir;
    for (const char* fixture : {"seed.json", "mazur.json"}) {
        CAPTURE(fixture);
        const std::string text = testsupport::fixture(fixture);
        const std::string path = std::string(BACKSTEP_FIXTURES) + "/" + fixture;
        for (std::size_t epochs : {0, 1, 3}) {
            CAPTURE(epochs);
            backstep::Document doc = backstep::readDocument(text);
            backstep::Position position;
            backstep::train(doc, position, epochs);
            const Run r = epochs == 1 ? cli(dir, "train " + q(path))
                                      : cli(dir, "train " + q(path) + " --epochs " + std::to_string(epochs));
            CHECK(r.code == 0);
            CHECK(r.err.empty());
            const backstep::Document printed = backstep::readDocument(r.out);
            CHECK(printed.network.weights == doc.network.weights);  // exact: the text round-trips every double
            CHECK(printed.network.biases == doc.network.biases);
            CHECK(r.out == backstep::writeDocument(doc) + "\n");
            if (epochs == 0) CHECK(printed.network.weights == backstep::readDocument(text).network.weights);
            if (epochs > 0) CHECK(printed.network.weights != backstep::readDocument(text).network.weights);
        }
    }
}

TEST_CASE("cli: trace prints the first step's trace") {
    TempDir dir;
    const std::string seed = std::string(BACKSTEP_FIXTURES) + "/seed.json";
    const Run r = cli(dir, "trace " + q(seed));
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    const json trace = json::parse(r.out);
    CHECK(trace.at("format") == "backstep-trace/1");
    backstep::Document doc = backstep::readDocument(testsupport::fixture("seed.json"));
    backstep::Position position;
    CHECK(trace == json::parse(backstep::traceStep(doc, position).dump()));
    CHECK(testsupport::closeRel(testsupport::event(nlohmann::ordered_json::parse(r.out), "result", "kind", "result")
                                    .at("prediction")[0]
                                    .get<double>(),
                                0.255746, 1e-6 / 0.255746));
}

TEST_CASE("cli: explain shows the seed post's numbers") {
    TempDir dir;
    const std::string seed = std::string(BACKSTEP_FIXTURES) + "/seed.json";
    const Run r = cli(dir, "explain " + q(seed));
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    const std::string& s = r.out;
    auto shows = [&](const std::string& text) {
        INFO("looking for " << text);
        CHECK(s.find(text) != std::string::npos);
    };
    shows("= 0.191\n");   // prediction
    shows("= 0.3272\n");  // error, 0.3272405
    shows("= −0.809\n");  // Δ
    // The double −0.809 × 0.85 is −0.68764999999999998…: exact rounding shows −0.6876 at 4 decimals.
    shows("∂E/∂w5 = δ_o1·h1 = (−0.809) × 0.85 = −0.6876\n");
    shows("∂E/∂w6 = δ_o1·h2 = (−0.809) × 0.48 = −0.3883\n");
    for (const char* g : {"−0.2265\n", "−0.3398\n", "−0.2427\n", "−0.364\n"}) shows(std::string("= ") + g);
    shows("w1 ← w1 − η·∂E/∂w1 = 0.11 − 0.05 × (−0.2265) = 0.1213\n");
    for (const char* w : {"0.227\n", "0.1321\n", "0.0982\n", "0.1744\n", "0.1694\n"}) shows(std::string("= ") + w);
    shows("new prediction = 0.2557\n");
    CHECK(s.find("w6 ← ") != std::string::npos);
    CHECK(s.find("w7") == std::string::npos);

    const Run latex = cli(dir, "explain " + q(seed) + " --format latex");
    CHECK(latex.code == 0);
    const std::string& t = latex.out;
    const auto begins = [&](const std::string& needle) {
        std::size_t n = 0;
        for (std::size_t p = t.find(needle); p != std::string::npos; p = t.find(needle, p + 1)) ++n;
        return n;
    };
    CHECK(begins("\\begin{align*}") >= 1);
    CHECK(begins("\\begin{align*}") == begins("\\end{align*}"));
    CHECK(t.find("-0.6876") != std::string::npos);
    CHECK(t.find("−") == std::string::npos);  // LaTeX gets an ASCII minus
    CHECK(t.find("\\begin{align*}") < t.find("\\end{align*}"));

    const Run two = cli(dir, "explain " + q(seed) + " --decimals 2");
    CHECK(two.code == 0);
    CHECK(two.out.find("new prediction = 0.26\n") != std::string::npos);  // the post's 0.26
}

TEST_CASE("cli: - reads standard input") {
    TempDir dir;
    const std::string mazur = std::string(BACKSTEP_FIXTURES) + "/mazur.json";
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const Run fromFile = cli(dir, std::string(command) + " " + q(mazur));
        const Run fromStdin = cli(dir, std::string(command) + " -", mazur);
        CHECK(fromFile.code == 0);
        CHECK(fromStdin.code == 0);
        CHECK(!fromStdin.out.empty());
        CHECK(fromStdin.out == fromFile.out);
    }
    const Run epochs = cli(dir, "train --epochs 2 -", mazur);
    CHECK(epochs.code == 0);
    CHECK(epochs.out == cli(dir, "train " + q(mazur) + " --epochs 2").out);
}

TEST_CASE("cli: refused documents exit 2 with one line") {
    TempDir dir;
    const std::string seed = testsupport::fixture("seed.json");
    checkRefused(dir, "empty.json", "");
    checkRefused(dir, "malformed.json", "{\"format\": \"backstep/1\", }");
    checkRefused(dir, "truncated.json", seed.substr(0, seed.size() / 2));
    std::string shaped = seed;
    shaped.replace(shaped.find("[0.14, 0.15]"), 12, "[0.14, 0.15, 0.16]");
    checkRefused(dir, "shape.json", shaped);
    std::string infinite = seed;
    infinite.replace(infinite.find("0.14"), 4, "1e999");
    checkRefused(dir, "infinite.json", infinite);
    std::string nested = seed;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    nested.insert(nested.find("\"title\""), "\"deep\": " + deep + ",\n  ");
    checkRefused(dir, "nested.json", nested);
    checkRefused(dir, "array.json", "[]");

    const Run missing = cli(dir, "train " + q(dir.path() + "/no-such-file.json"));
    CHECK(missing.code == 2);
    CHECK(missing.err.rfind("backstep: cannot read ", 0) == 0);
}

TEST_CASE("cli: training that diverges exits 2 with one line") {
    TempDir dir;
    std::string text = testsupport::fixture("seed.json");
    text.replace(text.find("0.05"), 4, "50");
    const Run r = cli(dir, "train " + q(dir.file("diverge.json", text)) + " --epochs 2000");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("backstep: training diverged", 0) == 0);
    CHECK(lines(r.err) == 1);
}

TEST_CASE("cli: bad arguments exit 2") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    const std::string cases[] = {"",
                                 "fly " + seed,
                                 "train",
                                 "train " + seed + " --epochs",
                                 "train " + seed + " --epochs abc",
                                 "train " + seed + " --epochs -1",
                                 "train " + seed + " --epochs 3x",
                                 "train " + seed + " --epochs 10000001",
                                 "train " + seed + " --frobnicate",
                                 "train " + seed + " " + seed,
                                 "trace " + seed + " --epochs 3",
                                 "explain " + seed + " --format pdf",
                                 "explain " + seed + " --decimals 16",
                                 "explain " + seed + " --decimals"};
    for (const std::string& args : cases) {
        CAPTURE(args);
        const Run r = cli(dir, args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("backstep: ", 0) == 0);
        CHECK(r.err.find("(backstep --help shows the usage)\n") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
    }
    const Run directory = cli(dir, "train /tmp");
    CHECK(directory.code == 2);
    CHECK(directory.err == std::string("backstep: cannot read /tmp: ") + std::strerror(EISDIR) + "\n");
    const Run help = cli(dir, "--help");
    CHECK(help.code == 0);
    CHECK(help.out.rfind("usage: backstep", 0) == 0);
}
