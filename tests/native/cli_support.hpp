// Helpers of the command-line tool's tests: a temporary folder, running the CLI as a separate process with a
// time limit, and checks that a message is one clean line.
#pragma once
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
#include <vector>

#include "limits.hpp"
#include "session.hpp"
#include "test_support.hpp"
#include "trace.hpp"

namespace clisupport {

using nlohmann::json;

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
inline std::string q(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// Runs `command` with sh in a process group of its own; its exit status, or -1 if it was killed
// by a signal or had not finished after `seconds` (it is then killed, with all it started).
inline int exitStatus(const std::string& command, int seconds) {
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
inline Run shell(const TempDir& dir, const std::string& command, int seconds = 60) {
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
inline std::string backstepCommand(const std::string& args) { return q(BACKSTEP_CLI) + " " + args; }

// Runs the CLI with `args` (already shell-quoted), standard input from `stdinPath` if given.
inline Run cli(const TempDir& dir, const std::string& args, const std::string& stdinPath = "/dev/null") {
    return shell(dir, backstepCommand(args) + " < " + q(stdinPath) + " > " + q(dir.path() + "/stdout"));
}

inline std::size_t lines(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// The lines of `s`, each without its '\n' (a last line without one counts too).
inline std::vector<std::string> splitLines(const std::string& s) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start < s.size()) {
        const std::size_t end = s.find('\n', start);
        result.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return result;
}

// Redirects the CLI's standard output to dir/stdout, which shell() reads.
inline std::string toStdout(const TempDir& dir) { return " > " + q(dir.path() + "/stdout"); }

// True if `s` is valid UTF-8: no stray or missing continuation bytes, overlong forms, surrogates or
// values above U+10FFFF.
inline bool validUtf8(const std::string& s) {
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
inline void checkOneCleanLine(const std::string& err, std::size_t maxBytes = 400) {
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
inline std::size_t temporaries(const TempDir& dir, const std::string& prefix) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        if (entry.path().filename().string().rfind(prefix + ".", 0) == 0) ++n;
    return n;
}

// A refused document: status 2, and stderr is exactly one line, "backstep: " + the engine's own message.
inline void checkRefused(const TempDir& dir, const std::string& name, const std::string& text) {
    CAPTURE(name);
    std::string expected;
    try {
        backstep::readDocument(text);
    } catch (const backstep::EngineError& e) {
        expected = e.what();
    }
    REQUIRE(!expected.empty());
    const std::string path = dir.file(name, text);
    for (const char* command : {"train", "trace", "explain", "gradcheck", "init --scheme he"}) {
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

}  // namespace clisupport
