// The command-line tool, run as a separate process: output agrees with the engine in-process,
// refusals exit 2 with one line on stderr.
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "limits.hpp"
#include "session.hpp"
#include "test_support.hpp"
#include "trace.hpp"

using nlohmann::json;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

class TempDir {
public:
    TempDir() {
        char name[] = "/tmp/backstep-cli-test-XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path_ = name;
    }
    ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
    std::string file(const std::string& name, const std::string& content) const {
        const std::string p = path_ + "/" + name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// `text` quoted for sh.
std::string q(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// Runs `command` with sh in a process group of its own; its exit status, or -1 if it was killed
// by a signal or had not finished after `seconds` (it is then killed, with all it started).
int exitStatus(const std::string& command, int seconds) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setpgid(0, 0);
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    setpgid(pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs the shell `command` (which starts the CLI) with its standard error into a file, and reads
// that; `out` is what the command wrote to dir/stdout, if it wrote there.
Run shell(const TempDir& dir, const std::string& command, int seconds = 60) {
    const std::string out = dir.path() + "/stdout", err = dir.path() + "/stderr";
    std::remove(out.c_str());
    Run r;
    r.code = exitStatus(command + " 2> " + q(err), seconds);
    INFO(command.substr(0, 300));
    REQUIRE(r.code >= 0);  // exited by itself, within `seconds`
    if (std::ifstream(out).good()) r.out = testsupport::readFile(out);
    r.err = testsupport::readFile(err);
    return r;
}

// The CLI with `args` (already shell-quoted).
std::string backstepCommand(const std::string& args) { return q(BACKSTEP_CLI) + " " + args; }

// Runs the CLI with `args` (already shell-quoted), standard input from `stdinPath` if given.
Run cli(const TempDir& dir, const std::string& args, const std::string& stdinPath = "/dev/null") {
    return shell(dir, backstepCommand(args) + " < " + q(stdinPath) + " > " + q(dir.path() + "/stdout"));
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// Redirects the CLI's standard output to dir/stdout, which shell() reads.
std::string toStdout(const TempDir& dir) { return " > " + q(dir.path() + "/stdout"); }

// True if `s` is valid UTF-8: no stray or missing continuation bytes, overlong forms, surrogates or
// values above U+10FFFF.
bool validUtf8(const std::string& s) {
    const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    for (std::size_t k = 0; k < s.size();) {
        const auto lead = static_cast<unsigned char>(s[k]);
        const std::size_t n = lead < 0x80             ? 1
                              : (lead & 0xE0) == 0xC0 ? 2
                              : (lead & 0xF0) == 0xE0 ? 3
                              : (lead & 0xF8) == 0xF0 ? 4
                                                      : 0;
        if (n == 0 || k + n > s.size()) return false;
        char32_t code = n == 1 ? lead : lead & (0x7F >> n);
        for (std::size_t i = 1; i < n; ++i) {
            const auto next = static_cast<unsigned char>(s[k + i]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < least[n] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        k += n;
    }
    return true;
}

// A message: one line starting "backstep: ", of valid UTF-8 without control characters, at most `maxBytes`.
void checkOneCleanLine(const std::string& err, std::size_t maxBytes = 400) {
    CAPTURE(err);
    CHECK(err.rfind("backstep: ", 0) == 0);
    CHECK(lines(err) == 1);
    CHECK(err.back() == '\n');
    CHECK(err.size() <= maxBytes);
    CHECK(validUtf8(err));
    const auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; };
    CHECK(std::none_of(err.begin(), err.end() - 1, control));
}

// Files in `dir` whose names start with `prefix` + "." (what a temporary file next to `prefix` would be named).
std::size_t temporaries(const TempDir& dir, const std::string& prefix) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        if (entry.path().filename().string().rfind(prefix + ".", 0) == 0) ++n;
    return n;
}

// A refused document: status 2, and stderr is exactly one line, "backstep: " + the engine's own message.
void checkRefused(const TempDir& dir, const std::string& name, const std::string& text) {
    CAPTURE(name);
    std::string expected;
    try {
        backstep::readDocument(text);
    } catch (const backstep::DocumentError& e) {
        expected = e.what();
    }
    REQUIRE(!expected.empty());
    const std::string path = dir.file(name, text);
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const Run r = cli(dir, std::string(command) + " " + q(path));
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "backstep: " + expected + "\n");
        CHECK(lines(r.err) == 1);
    }
    const Run piped = cli(dir, "train -", path);
    CHECK(piped.code == 2);
    CHECK(piped.err == "backstep: " + expected + "\n");
}

}  // namespace

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

TEST_CASE("cli: standard output that cannot be written exits 1 with one line") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    const std::string prefix = "backstep: cannot write standard output: ";
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const Run full = shell(dir, backstepCommand(std::string(command) + " " + seed) + " > /dev/full");
        CHECK(full.code == 1);
        CHECK(full.err == prefix + std::strerror(ENOSPC) + "\n");
        const Run closed = shell(dir, backstepCommand(std::string(command) + " " + seed) + " >&-");
        CHECK(closed.code == 1);
        CHECK(closed.err == prefix + std::strerror(EBADF) + "\n");
    }
    const Run help = shell(dir, backstepCommand("--help") + " > /dev/full");
    CHECK(help.code == 1);
    CHECK(help.err == prefix + std::strerror(ENOSPC) + "\n");
}

TEST_CASE("cli: -o replaces the file with the whole output, even the input file") {
    TempDir dir;
    const std::string doc = dir.file("d.json", testsupport::fixture("seed.json"));
    REQUIRE(chmod(doc.c_str(), 0640) == 0);
    const Run expected = cli(dir, "train " + q(doc) + " --epochs 3");
    REQUIRE(expected.code == 0);
    const Run inPlace = cli(dir, "train " + q(doc) + " --epochs 3 -o " + q(doc));
    CHECK(inPlace.code == 0);
    CHECK(inPlace.out.empty());
    CHECK(inPlace.err.empty());
    CHECK(testsupport::readFile(doc) == expected.out);
    struct stat status {};
    REQUIRE(stat(doc.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0640);  // the replaced file's permissions are kept
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const std::string out = dir.path() + "/out-" + command + ".txt";
        const Run toFile = cli(dir, std::string(command) + " " + q(doc) + " --output " + q(out));
        CHECK(toFile.code == 0);
        CHECK(toFile.out.empty());
        CHECK(testsupport::readFile(out) == cli(dir, std::string(command) + " " + q(doc)).out);
        CHECK(temporaries(dir, "out-" + std::string(command) + ".txt") == 0);
    }
    CHECK(temporaries(dir, "d.json") == 0);
}

TEST_CASE("cli: -o that cannot be written exits 1 with one line and leaves no file") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    const std::string missing = dir.path() + "/no-such-dir/out.json";
    const Run r = cli(dir, "train " + seed + " -o " + q(missing));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "backstep: cannot write " + missing + ": " + std::strerror(ENOENT) + "\n");
    CHECK(!std::filesystem::exists(dir.path() + "/no-such-dir"));

    REQUIRE(mkdir((dir.path() + "/sub").c_str(), 0700) == 0);  // renaming a file over a directory fails
    const Run onDirectory = cli(dir, "trace " + seed + " -o " + q(dir.path() + "/sub"));
    CHECK(onDirectory.code == 1);
    checkOneCleanLine(onDirectory.err);
    CHECK(onDirectory.err.rfind("backstep: cannot write " + dir.path() + "/sub: ", 0) == 0);
    CHECK(temporaries(dir, "sub") == 0);
    CHECK(std::filesystem::is_empty(dir.path() + "/sub"));
}

TEST_CASE("cli: a refused document or input leaves the -o file as it was") {
    TempDir dir;
    const std::string out = dir.file("out.json", "the previous contents\n");
    const std::string bad = dir.file("bad.json", "[]");
    std::string diverging = testsupport::fixture("seed.json");
    diverging.replace(diverging.find("0.05"), 4, "50");
    const std::string diverge = dir.file("diverge.json", diverging);
    const std::string runs[] = {"train " + q(bad),
                                "trace " + q(bad),
                                "explain " + q(bad),
                                "train " + q(diverge) + " --epochs 2000",
                                "train " + q(dir.path() + "/no-such-file.json"),
                                "train /dev/zero"};
    for (const std::string& args : runs) {
        CAPTURE(args);
        const Run r = cli(dir, args + " -o " + q(out));
        CHECK(r.code == 2);
        checkOneCleanLine(r.err);
        CHECK(testsupport::readFile(out) == "the previous contents\n");
        CHECK(temporaries(dir, "out.json") == 0);
    }
}

TEST_CASE("cli: input is read only up to the size limit") {
    TempDir dir;
    const std::size_t limit = backstep::limits::maxBytes;
    const std::string tooLarge =
        "backstep: document: too large: over the limit of " + std::to_string(limit) + " bytes\n";
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const Run zero = shell(dir, backstepCommand(std::string(command) + " /dev/zero") + toStdout(dir), 10);
        CHECK(zero.code == 2);
        CHECK(zero.out.empty());
        CHECK(zero.err == tooLarge);
    }
    const Run piped = shell(dir, "head -c 6291456 /dev/zero | " + backstepCommand("trace -") + toStdout(dir), 10);
    CHECK(piped.code == 2);
    CHECK(piped.err == tooLarge);

    const std::string seed = testsupport::fixture("seed.json");
    const std::string six = dir.file("six.json", seed + std::string(6 * 1024 * 1024 - seed.size(), ' '));
    CHECK(cli(dir, "train " + q(six)).err == tooLarge);
    CHECK(cli(dir, "train -", six).err == tooLarge);
    const std::string over = dir.file("over.json", seed + std::string(limit + 1 - seed.size(), ' '));
    CHECK(cli(dir, "trace " + q(over)).err == tooLarge);

    const std::string exact = dir.file("exact.json", seed + std::string(limit - seed.size(), ' '));
    REQUIRE(testsupport::readFile(exact).size() == limit);
    for (const Run& r : {cli(dir, "trace " + q(exact)), cli(dir, "trace -", exact)}) {
        CHECK(r.err.find("too large") == std::string::npos);
        CHECK(r.code == 0);
    }
}

TEST_CASE("cli: a path that cannot be read exits 2 with one line naming the reason") {
    TempDir dir;
    REQUIRE(symlink("a", (dir.path() + "/b").c_str()) == 0);
    REQUIRE(symlink("b", (dir.path() + "/a").c_str()) == 0);
    struct Case {
        std::string path;
        int error;
    };
    const Case cases[] = {{dir.path() + "/no-such-file.json", ENOENT},
                          {dir.path(), EISDIR},
                          {dir.path() + "/" + std::string(5000, 'a'), ENAMETOOLONG},
                          {dir.path() + "/a", ELOOP}};
    for (const Case& c : cases) {
        CAPTURE(c.error);
        for (const char* command : {"train", "trace", "explain"}) {
            CAPTURE(command);
            const Run r = cli(dir, std::string(command) + " " + q(c.path));
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            checkOneCleanLine(r.err, 200);
            const std::string reason = std::string(": ") + std::strerror(c.error) + "\n";
            if (c.path.size() <= 60)
                CHECK(r.err == "backstep: cannot read " + c.path + reason);
            else
                CHECK(r.err == "backstep: cannot read " + c.path.substr(0, 60) + "…" + reason);
        }
    }
}

TEST_CASE("cli: every message is one short line of valid UTF-8") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    std::string invalid;  // printf 'x\xff\xfe%.0s' {1..2000}: 6,000 bytes, not UTF-8
    for (int k = 0; k < 2000; ++k) invalid += "x\xff\xfe";
    const Run path = cli(dir, "train " + q(invalid));
    CHECK(path.code == 2);
    checkOneCleanLine(path.err);
    CHECK(path.err.rfind("backstep: cannot read x\\xFF\\xFEx\\xFF\\xFE", 0) == 0);

    const Run command = cli(dir, q("fly\n\x1b[2J\r\xc3\xa9" + std::string(1000, 'z')) + " " + seed);
    CHECK(command.code == 2);
    checkOneCleanLine(command.err);
    CHECK(command.err.rfind("backstep: unknown command \"fly\\u000A\\u001B[2J\\u000Dé", 0) == 0);

    const std::string args[] = {"train " + seed + " " + q(std::string(10000, 'y') + "\xc3"),
                                "train " + seed + " --epochs " + q(std::string(5000, '9') + "\x01"),
                                "explain " + seed + " --format " + q(std::string(5000, 'p') + "\n\xff"),
                                "train " + seed + " -o " + q(dir.path() + "/" + invalid)};
    for (const std::string& a : args) {
        CAPTURE(a.substr(0, 100));
        const Run r = cli(dir, a);
        CHECK(r.code != 0);
        checkOneCleanLine(r.err);
    }
    std::string format = testsupport::fixture("seed.json");  // the engine's message quotes the document
    format.replace(format.find("backstep/1"), 10, "\x07" + invalid);
    const Run document = cli(dir, "trace " + q(dir.file("format.json", format)));
    CHECK(document.code == 2);
    checkOneCleanLine(document.err);
}

TEST_CASE("cli: -o needs a file name") {
    TempDir dir;
    const Run r = cli(dir, "train " + q(testsupport::fixtureDir() + "/seed.json") + " -o ''");
    CHECK(r.code == 2);
    CHECK(r.err.find("-o: expected a file name") != std::string::npos);
}

TEST_CASE("cli: -o follows a symbolic link and writes a device in place") {
    TempDir dir;
    const std::string doc = dir.file("real.json", testsupport::fixture("seed.json"));
    const std::string link = dir.path() + "/link.json";
    REQUIRE(symlink("real.json", link.c_str()) == 0);
    const Run trained = cli(dir, "train " + q(doc) + " -o " + q(link));
    CHECK(trained.code == 0);
    struct stat info;
    REQUIRE(lstat(link.c_str(), &info) == 0);
    CHECK(S_ISLNK(info.st_mode));  // the link stays a link
    CHECK_REL(json::parse(testsupport::readFile(doc))["weights"][1][0][0].get<double>(), 0.1743825, 1e-12);  // replaced
    const Run toNull = cli(dir, "trace " + q(doc) + " -o /dev/null");
    CHECK(toNull.code == 0);
    REQUIRE(stat("/dev/null", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));  // written, not replaced by a file
}
