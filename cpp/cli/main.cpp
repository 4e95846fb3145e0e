// backstep — the command-line tool: train, trace and explain a network document.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "../engine/limits.hpp"
#include "../engine/session.hpp"

namespace {

const char* usage =
    "usage: backstep train DOC.json [--epochs N]       print the document after N epochs (default 1)\n"
    "       backstep trace DOC.json                    print the trace of the first step\n"
    "       backstep explain DOC.json [--format markdown|latex] [--decimals N]\n"
    "                                                  print the worked solution of the first step\n"
    "DOC.json may be - to read standard input. Invalid input exits with status 2.\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string readAll(const std::string& path) {
    std::ostringstream buffer;
    if (path == "-") {
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    if (std::filesystem::is_directory(path)) throw UsageError("cannot read " + path + ": it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("cannot read " + path);
    buffer << in.rdbuf();
    return buffer.str();
}

std::size_t parseCount(const std::string& flag, const std::string& text, std::size_t low, std::size_t high) {
    std::size_t used = 0;
    unsigned long long n = 0;
    try {
        n = std::stoull(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || text[0] == '-' || n < low || n > high)
        throw UsageError(flag + ": expected an integer from " + std::to_string(low) + " to " + std::to_string(high) + ", got \"" + text + "\"");
    return static_cast<std::size_t>(n);
}

struct Options {
    std::string command, path, format = "markdown";
    std::size_t epochs = 1, decimals = 4;
};

Options parseArguments(const std::vector<std::string>& args) {
    Options o;
    if (args.empty()) throw UsageError("missing command");
    o.command = args[0];
    if (o.command != "train" && o.command != "trace" && o.command != "explain") throw UsageError("unknown command \"" + o.command + "\"");
    for (std::size_t k = 1; k < args.size(); ++k) {
        const std::string& a = args[k];
        auto value = [&]() -> const std::string& {
            if (k + 1 >= args.size()) throw UsageError(a + ": missing value");
            return args[++k];
        };
        if (a == "--epochs" && o.command == "train") o.epochs = parseCount(a, value(), 0, backstep::limits::maxEpochs);
        else if (a == "--format" && o.command == "explain") {
            o.format = value();
            try {
                backstep::explainFormatFromName(o.format);  // the engine's one list of formats
            } catch (const backstep::DocumentError& e) {
                throw UsageError(std::string("--") + e.what());
            }
        } else if (a == "--decimals" && o.command == "explain") o.decimals = parseCount(a, value(), 0, 15);
        else if ((a.size() > 1 && a[0] == '-') || !o.path.empty()) throw UsageError("unexpected argument \"" + a + "\"");
        else o.path = a;
    }
    if (o.path.empty()) throw UsageError("missing DOC.json (or - for standard input)");
    return o;
}

int run(const Options& o) {
    backstep::Session session(readAll(o.path));
    if (o.command == "train") {
        session.train(o.epochs);
        std::cout << session.document() << "\n";
    } else if (o.command == "trace") {
        std::cout << session.step() << "\n";
    } else {
        std::cout << session.explain(backstep::explainFormatFromName(o.format), static_cast<int>(o.decimals));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        std::cout << usage;
        return 0;
    }
    try {
        return run(parseArguments(args));
    } catch (const UsageError& e) {
        std::cerr << "backstep: " << e.what() << " (backstep --help shows the usage)\n";
        return 2;
    } catch (const backstep::DocumentError& e) {
        std::cerr << "backstep: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "backstep: internal error: " << e.what() << "\n";
        return 1;
    }
}
