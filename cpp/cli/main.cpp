// backstep — the command-line tool: train, trace and explain a network document, initialize its weights and
// check its gradients.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../engine/initialize.hpp"
#include "../engine/json_number.hpp"
#include "../engine/limits.hpp"
#include "../engine/message.hpp"
#include "../engine/session.hpp"
#include "io.hpp"

namespace {

std::string usage() {
    return "usage: backstep train DOC.json [--epochs N] [--curve FILE.csv] [-o FILE]\n"
           "                                                        print the document after N epochs (default 1);\n"
           "                                                        --curve writes epoch,meanError, one row an epoch\n"
           "       backstep trace DOC.json [--variant NAMES] [-o FILE]\n"
           "                                                        print the trace of the first step\n"
           "       backstep explain DOC.json [--format markdown|latex] [--decimals N] [--variant NAMES] [-o FILE]\n"
           "                                                        print the worked solution of the first step\n"
           "       backstep init DOC.json --scheme uniform|xavier|he|zeros [--seed N] [--range R] [-o FILE]\n"
           "                                                        print the document with new weights and biases\n"
           "                                                        (--seed 0 to 2^53 - 1, default 1: the same seed\n"
           "                                                        gives the same bits; --range, uniform only,\n"
           "                                                        default 0.5)\n"
           "       backstep gradcheck DOC.json [-o FILE]            print backprop's and finite differences'\n"
           "                                                        gradients of the first step, side by side\n"
           "--variant NAMES  compute the step another way: a comma-separated list, the flag repeatable, of\n"
           "                 output-first (update each layer before the deltas of the layer below; one sample\n"
           "                 per step), round-2 (round every value to 2 decimals, as netflow.js does),\n"
           "                 fixed-biases or trained-biases (override trainBiases), batch (one update from the\n"
           "                 mean gradient of every sample) or per-sample (one update per sample)\n"
           "DOC.json may be - to read standard input; a document over " +
           std::to_string(backstep::limits::maxBytes) +
           " bytes is refused (reading stops there).\n"
           "-o FILE, --output FILE  write to FILE instead of standard output: FILE is replaced only once the\n"
           "                        whole output is written, so it may be DOC.json itself.\n"
           "Exit status: 0 done; 2 invalid input or arguments, or DOC.json cannot be read;\n"
           "             1 the output cannot be written, or an internal error.\n";
}

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A short quotation of the user's text (a path, an argument) for a message.
std::string excerpt(const std::string& text) { return backstep::quote(text, 63); }  // 60 bytes and "…"

std::uint64_t parseCount(const std::string& flag, const std::string& text, std::uint64_t low, std::uint64_t high) {
    std::size_t used = 0;
    unsigned long long n = 0;
    try {
        n = std::stoull(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || text[0] == '-' || n < low || n > high)
        throw UsageError(flag + ": expected an integer from " + std::to_string(low) + " to " + std::to_string(high) +
                         ", got \"" + excerpt(text) + "\"");
    return n;
}

// A finite number greater than 0, in the JSON number syntax.
double parsePositive(const std::string& flag, const std::string& text) {
    const auto refuse = [&]() {
        return UsageError(flag + ": expected a finite number greater than 0, got \"" + excerpt(text) + "\"");
    };
    double x = 0.0;
    try {
        const nlohmann::json parsed = nlohmann::json::parse(text);
        if (!parsed.is_number()) throw refuse();
        x = parsed.get<double>();
    } catch (const nlohmann::json::exception&) {
        throw refuse();
    }
    if (!std::isfinite(x) || x <= 0.0) throw refuse();
    return x;
}

struct Options {
    std::string command, path, output, format = "markdown", curve, scheme;
    std::string variant;  // the names of every --variant, comma-separated ("": the standard step)
    std::uint64_t epochs = 1, decimals = 4, seed = 1;
    double range = 0.5;
    bool rangeGiven = false;
};

Options parseArguments(const std::vector<std::string>& args) {
    Options o;
    if (args.empty()) throw UsageError("missing command");
    o.command = args[0];
    if (o.command != "train" && o.command != "trace" && o.command != "explain" && o.command != "init" &&
        o.command != "gradcheck")
        throw UsageError("unknown command \"" + excerpt(o.command) + "\"");
    for (std::size_t k = 1; k < args.size(); ++k) {
        const std::string& a = args[k];
        auto value = [&]() -> const std::string& {
            if (k + 1 >= args.size()) throw UsageError(a + ": missing value");
            return args[++k];
        };
        if (a == "--epochs" && o.command == "train")
            o.epochs = parseCount(a, value(), 0, backstep::limits::maxEpochs);
        else if (a == "--format" && o.command == "explain") {
            o.format = value();
            try {
                backstep::explainFormatFromName(o.format);  // the engine's one list of formats
            } catch (const backstep::EngineError& e) {
                throw UsageError(std::string("--") + e.what());
            }
        } else if (a == "--decimals" && o.command == "explain")
            o.decimals = parseCount(a, value(), 0, backstep::limits::maxDecimals);
        else if (a == "--variant" && (o.command == "trace" || o.command == "explain")) {
            const std::string& names = value();
            try {
                backstep::parseVariant(names);  // the engine's one list of names
            } catch (const backstep::EngineError& e) {
                throw UsageError(std::string("--") + e.what());
            }
            o.variant += (o.variant.empty() ? "" : ",") + names;
        } else if (a == "--curve" && o.command == "train") {
            o.curve = value();
            if (o.curve.empty()) throw UsageError(a + ": expected a file name");
        } else if (a == "--scheme" && o.command == "init") {
            o.scheme = value();
            try {
                backstep::initSchemeByName(o.scheme);  // the engine's one list of schemes
            } catch (const backstep::EngineError& e) {
                throw UsageError(std::string("--") + e.what());
            }
        } else if (a == "--seed" && o.command == "init")
            o.seed = parseCount(a, value(), 0, static_cast<std::uint64_t>(backstep::limits::maxWholeNumber));
        else if (a == "--range" && o.command == "init") {
            o.range = parsePositive(a, value());
            o.rangeGiven = true;
        } else if (a == "-o" || a == "--output") {
            o.output = value();
            if (o.output.empty()) throw UsageError(a + ": expected a file name");
        } else if ((a.size() > 1 && a[0] == '-') || !o.path.empty())
            throw UsageError("unexpected argument \"" + excerpt(a) + "\"");
        else
            o.path = a;
    }
    if (o.path.empty()) throw UsageError("missing DOC.json (or - for standard input)");
    if (o.command == "init" && o.scheme.empty()) throw UsageError("--scheme: missing (uniform, xavier, he or zeros)");
    if (o.rangeGiven && o.scheme != "uniform") throw UsageError("--range: only with --scheme uniform");
    if (!o.curve.empty() && o.curve == o.output) throw UsageError("--curve: the same file as -o");
    return o;
}

// The document's text, refused at once, unread beyond the limit, if it is too large.
std::string readDocumentText(const std::string& path) {
    const std::size_t limit = backstep::limits::maxBytes;
    std::string text = backstep::cli::readAtMost(path, limit);
    if (text.size() > limit)
        throw backstep::EngineError("document: too large: over the limit of " + std::to_string(limit) + " bytes");
    return text;
}

// The loss curve as CSV: a header, then one row per epoch, numbers as the engine writes them in JSON.
std::string curveCsv(const backstep::Curve& curve) {
    std::string csv = "epoch,meanError\n";
    csv.reserve(csv.size() + curve.epochs.size() * 32);
    for (std::size_t k = 0; k < curve.epochs.size(); ++k)
        csv += std::to_string(curve.epochs[k]) + "," + backstep::jsonNumber(curve.meanErrors[k]).dump() + "\n";
    return csv;
}

struct Output {
    std::string text;   // for standard output or -o
    std::string curve;  // for --curve
};

// The command's whole output.
Output run(const Options& o) {
    backstep::Session session(readDocumentText(o.path));
    if (o.command == "train") {
        if (o.curve.empty()) {
            session.train(o.epochs);
            return {session.document() + "\n", ""};
        }
        std::string curve = curveCsv(session.trainFullCurve(o.epochs));
        return {session.document() + "\n", std::move(curve)};
    }
    const backstep::Variant variant = backstep::parseVariant(o.variant);
    if (o.command == "trace") return {(variant.standard() ? session.step() : session.traceVariant(variant)) + "\n", ""};
    if (o.command == "init") return {session.initialize(o.scheme, o.seed, o.range) + "\n", ""};
    if (o.command == "gradcheck") return {session.gradientCheck() + "\n", ""};
    return {session.explain(backstep::explainFormatFromName(o.format), static_cast<int>(o.decimals), variant), ""};
}

// Writes the output to standard output, or to the -o file.
void writeOutput(const Options& o, const std::string& text) {
    if (o.output.empty())
        backstep::cli::writeStandardOutput(text);
    else
        backstep::cli::writeFileAtomically(o.output, text);
}

// Prints `message`, then `suffix`, as one line on standard error and gives `status` back.
int fail(int status, const std::string& message, const std::string& suffix = "") {
    std::cerr << "backstep: " << backstep::oneLine(message, 300) << suffix << "\n";
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
            backstep::cli::writeStandardOutput(usage());
            return 0;
        }
        const Options options = parseArguments(args);
        const Output output = run(options);
        if (!options.curve.empty()) backstep::cli::writeFileAtomically(options.curve, output.curve);
        writeOutput(options, output.text);
        return 0;
    } catch (const UsageError& e) {
        return fail(2, e.what(), " (backstep --help shows the usage)");
    } catch (const backstep::cli::ReadError& e) {
        return fail(2, "cannot read " + excerpt(e.name) + ": " + e.what());
    } catch (const backstep::cli::WriteError& e) {
        return fail(1, "cannot write " + excerpt(e.name) + ": " + e.what());
    } catch (const backstep::EngineError& e) {
        return fail(2, e.what());
    } catch (const std::exception& e) {
        return fail(1, std::string("internal error: ") + e.what());
    }
}
