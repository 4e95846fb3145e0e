// The command-line tool, run as a separate process: output agrees with the engine in-process,
// refusals exit 2 with one line on stderr.
#include "cli_support.hpp"
#include "initialize.hpp"
#include "json_number.hpp"

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

TEST_CASE("cli: init prints the document with new weights, the same for the same seed") {
    TempDir dir;
    const std::string mazur = std::string(BACKSTEP_FIXTURES) + "/mazur.json";
    const Run first = cli(dir, "init " + q(mazur) + " --scheme xavier --seed 7");
    CHECK(first.code == 0);
    CHECK(first.err.empty());
    const Run again = cli(dir, "init --seed 7 " + q(mazur) + " --scheme xavier");
    CHECK(again.code == 0);
    CHECK(again.out == first.out);  // byte for byte
    const Run other = cli(dir, "init " + q(mazur) + " --scheme xavier --seed 8");
    CHECK(other.code == 0);
    CHECK(other.out != first.out);
    // The engine's initialize, as in-process; the rest of the document is kept.
    backstep::Document doc = backstep::readDocument(testsupport::fixture("mazur.json"));
    backstep::initialize(doc.network, {backstep::InitScheme::Xavier, 7, 0.5});
    CHECK(first.out == backstep::writeDocument(doc) + "\n");
    // --seed defaults to 1; --range for uniform; the seed's range is 0 to 2^53 − 1.
    CHECK(cli(dir, "init " + q(mazur) + " --scheme he").out ==
          cli(dir, "init " + q(mazur) + " --scheme he --seed 1").out);
    const Run uniform = cli(dir, "init " + q(mazur) + " --scheme uniform --range 0.01 --seed 9007199254740991");
    CHECK(uniform.code == 0);
    for (const auto& w : backstep::readDocument(uniform.out).network.weights)
        for (double x : w) CHECK(std::fabs(x) <= 0.01);
    CHECK(cli(dir, "init " + q(mazur) + " --scheme zeros --seed 0").code == 0);
    // -o and standard input, like the other commands.
    const std::string out = dir.path() + "/init.json";
    CHECK(cli(dir, "init - --scheme xavier --seed 7 -o " + q(out), mazur).code == 0);
    CHECK(testsupport::readFile(out) == first.out);
}

TEST_CASE("cli: init refuses a bad --scheme, --seed or --range with exit 2") {
    TempDir dir;
    const std::string mazur = q(std::string(BACKSTEP_FIXTURES) + "/mazur.json");
    const Run unknown = cli(dir, "init " + mazur + " --scheme gaussian --seed 1");
    CHECK(unknown.code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err.rfind("backstep: --scheme: ", 0) == 0);
    checkOneCleanLine(unknown.err);
    const std::pair<std::string, std::string> cases[] = {
        {"init " + mazur, "--scheme"},
        {"init " + mazur + " --scheme", "--scheme"},
        {"init " + mazur + " --scheme he --seed -1", "--seed"},
        {"init " + mazur + " --scheme he --seed 9007199254740992", "--seed"},
        {"init " + mazur + " --scheme he --seed 1.5", "--seed"},
        {"init " + mazur + " --scheme uniform --range 0", "--range"},
        {"init " + mazur + " --scheme uniform --range -1", "--range"},
        {"init " + mazur + " --scheme uniform --range 1e999", "--range"},
        {"init " + mazur + " --scheme uniform --range abc", "--range"},
        {"init " + mazur + " --scheme xavier --range 0.1", "--range"},
        {"init " + mazur + " --scheme he --epochs 3", "--epochs"},
        {"train " + mazur + " --seed 3", "--seed"},
        {"gradcheck " + mazur + " --scheme he", "--scheme"},
        {"trace " + mazur + " --curve c.csv", "--curve"}};
    for (const auto& [command, flag] : cases) {
        const std::string& args = command;  // clang 14 cannot capture a structured binding (CAPTURE's lambda)
        CAPTURE(args);
        const Run r = cli(dir, args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(flag) != std::string::npos);
        CHECK(r.err.find("(backstep --help shows the usage)\n") != std::string::npos);
        checkOneCleanLine(r.err);
    }
}

TEST_CASE("cli: gradcheck on the seed: six weights, backprop and finite differences agree") {
    TempDir dir;
    const std::string seed = std::string(BACKSTEP_FIXTURES) + "/seed.json";
    const Run r = cli(dir, "gradcheck " + q(seed));
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(lines(r.out) == 1);
    const nlohmann::ordered_json check = nlohmann::ordered_json::parse(r.out);
    const auto& parameters = check.at("parameters");
    REQUIRE(parameters.size() == 6);
    for (std::size_t k = 0; k < 6; ++k) {
        CAPTURE(k);
        CHECK(parameters[k].at("name") == "w" + std::to_string(k + 1));
        CHECK(parameters[k].at("relativeDifference").get<double>() < 1e-6);
    }
    CHECK_REL(parameters[4].at("backprop").get<double>(), -0.68765, 1e-12);
    CHECK_REL(parameters[5].at("backprop").get<double>(), -0.38832, 1e-12);
    CHECK(r.out == backstep::Session(testsupport::fixture("seed.json")).gradientCheck() + "\n");
    CHECK(cli(dir, "gradcheck -", seed).out == r.out);
    // Mazur's network has biases: checked after the weights, though not trained.
    const Run mazur = cli(dir, "gradcheck " + q(std::string(BACKSTEP_FIXTURES) + "/mazur.json"));
    CHECK(mazur.code == 0);
    const auto mazurParameters = nlohmann::json::parse(mazur.out).at("parameters");
    REQUIRE(mazurParameters.size() == 12);
    CHECK(mazurParameters[8].at("name") == "b1");
    CHECK(mazurParameters[11].at("name") == "b4");
}

TEST_CASE("cli: train --curve writes epoch,meanError, one row an epoch") {
    TempDir dir;
    // A full batch: the first epoch's mean error is the initial document's.
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(testsupport::fixture("mazur.json"));
    doc["samples"] = nlohmann::ordered_json::parse(
        R"([{"input": [0.05, 0.1], "target": [0.01, 0.99]}, {"input": [0.3, -0.2], "target": [0.5, 0.2]},
            {"input": [-1, 1], "target": [0.9, 0.1]}])");
    doc["batchSize"] = 3;
    const std::string text = doc.dump(2), path = dir.file("full.json", text), csv = dir.path() + "/curve.csv";
    const std::size_t epochs = 5;
    const Run r = cli(dir, "train " + q(path) + " --epochs " + std::to_string(epochs) + " --curve " + q(csv));
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == cli(dir, "train " + q(path) + " --epochs " + std::to_string(epochs)).out);  // the same document
    const std::string curve = testsupport::readFile(csv);
    CHECK(lines(curve) == epochs + 1);
    const std::vector<std::string> rows = splitLines(curve);
    REQUIRE(rows.size() == epochs + 1);
    CHECK(rows[0] == "epoch,meanError");
    backstep::Document trained = backstep::readDocument(text);
    backstep::Position position;
    backstep::Curve expected;
    backstep::train(trained, position, epochs, backstep::TrainOptions{&expected});
    for (std::size_t k = 1; k <= epochs; ++k) {
        CAPTURE(rows[k]);
        const std::size_t comma = rows[k].find(',');
        REQUIRE(comma != std::string::npos);
        CHECK(rows[k].substr(0, comma) == std::to_string(k));
        const std::string number = rows[k].substr(comma + 1);
        CHECK(number == backstep::jsonNumber(expected.meanErrors[k - 1]).dump());  // shortest round-trip text
        CHECK(std::stod(number) == expected.meanErrors[k - 1]);
    }
    const double initial = backstep::meanError(backstep::readDocument(text));
    CHECK(rows[1] == "1," + backstep::jsonNumber(initial).dump());
    CHECK(temporaries(dir, "curve.csv") == 0);

    // No thinning: every epoch of a long run.
    const std::string seed = std::string(BACKSTEP_FIXTURES) + "/seed.json", long_ = dir.path() + "/long.csv";
    CHECK(cli(dir, "train " + q(seed) + " --epochs 4001 --curve " + q(long_)).code == 0);
    const std::vector<std::string> longRows = splitLines(testsupport::readFile(long_));
    REQUIRE(longRows.size() == 4002);
    CHECK(longRows[4001].rfind("4001,", 0) == 0);

    // A curve that cannot be written: exit 1, and no document printed.
    const Run unwritable = cli(dir, "train " + q(path) + " --curve " + q(dir.path() + "/no-such-dir/c.csv"));
    CHECK(unwritable.code == 1);
    CHECK(unwritable.out.empty());
    CHECK(unwritable.err.rfind("backstep: cannot write ", 0) == 0);
    // Training that diverges writes no curve.
    std::string diverging = testsupport::fixture("seed.json");
    diverging.replace(diverging.find("0.05"), 4, "50");
    const std::string never = dir.path() + "/never.csv";
    const Run diverged =
        cli(dir, "train " + q(dir.file("diverge.json", diverging)) + " --epochs 2000 --curve " + q(never));
    CHECK(diverged.code == 2);
    CHECK(!std::ifstream(never).good());
    // --curve and -o name different files.
    CHECK(cli(dir, "train " + q(path) + " --curve " + q(csv) + " -o " + q(csv)).code == 2);
}
