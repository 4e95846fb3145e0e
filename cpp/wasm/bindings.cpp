// The WebAssembly face of Session: a thin Embind wrapper. Every call returns JSON text
// {"ok":…} or {"error":"message"} (stepBinary: a trace in binary, or that refusal); no C++ exception crosses into
// JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <array>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "../engine/arguments.hpp"
#include "../engine/limits.hpp"
#include "../engine/message.hpp"
#include "../engine/session.hpp"
#include "../engine/variant.hpp"

namespace {

using backstep::Session;
using nlohmann::json;

// {"error": message}; the message is valid UTF-8 already (oneLine), and writing it cannot throw.
std::string refusal(const std::string& message) noexcept {
    try {
        return json{{"error", backstep::oneLine(message)}}.dump(-1, ' ', false, json::error_handler_t::replace);
    } catch (...) {
        return R"({"error":"engine: out of memory"})";
    }
}

template <typename F>
std::string guarded(F&& f) noexcept {
    try {
        return f();
    } catch (const backstep::EngineError& e) {
        return refusal(e.what());
    } catch (const std::bad_alloc&) {
        return refusal("engine: out of memory");
    } catch (const std::exception& e) {
        return refusal(std::string("engine: internal error: ") + e.what());
    } catch (...) {
        return refusal("engine: internal error");
    }
}

std::string ok(const std::string& jsonValue) { return "{\"ok\":" + jsonValue + "}"; }

class Engine {
public:
    std::string load(const std::string& doc) {
        return guarded([&] {
            if (session_)
                session_->load(doc);
            else
                session_ = std::make_unique<Session>(doc);
            return ok("true");
        });
    }
    std::string restore(const std::string& doc, double epoch, double sample, double step) {
        return guarded([&] {
            if (!session_) session_ = std::make_unique<Session>(doc);
            session_->restore(doc, backstep::wholeNumber(epoch, "position.epoch", 0, backstep::limits::maxWholeNumber),
                              backstep::wholeNumber(sample, "position.sample", 0, backstep::limits::maxWholeNumber),
                              backstep::wholeNumber(step, "position.step", 0, backstep::limits::maxWholeNumber));
            return ok("true");
        });
    }
    std::string document() {
        return guarded([&] { return ok(session().document(0)); });
    }
    std::string labels() {
        return guarded([&] { return ok(session().labels()); });
    }
    std::string position() {
        return guarded([&] { return ok(session().position()); });
    }
    // The step's trace as JSON text (the page reads stepBinary's; the tests compare the two).
    std::string step() {
        return guarded([&] { return ok(session().step()); });
    }
    // step() in binary (cpp/engine/TRACE.md, "Binary form"), in one call: a Uint32Array view of 7 words,
    // [ok, numbers, numberCount, codes, codeCount, text, textBytes] (addresses in wasm memory, valid until
    // releaseTrace()). ok = 1: the trace's doubles and codes, and as text the JSON array [table, extraStrings]
    // (table: the string table, traceStrings, when `withStrings` asks for it, else null), no text if both are
    // empty. ok = 0: the step is refused and the text is {"error": message}.
    emscripten::val stepBinary(bool withStrings) {
        bool done = false;
        text_ = guarded([&] {
            std::string table = withStrings ? session().traceStrings() : "null";  // before the step moves
            session().step(trace_);
            std::string text;
            if (withStrings || !trace_.extraStrings.empty())
                text = "[" + table + "," + json(trace_.extraStrings).dump() + "]";
            done = true;
            return text;
        });
        const auto address = [](const void* p) {
            return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
        };
        head_ = {done ? 1u : 0u,
                 address(trace_.numbers.data()),
                 static_cast<std::uint32_t>(trace_.numbers.size()),
                 address(trace_.codes.data()),
                 static_cast<std::uint32_t>(trace_.codes.size()),
                 address(text_.data()),
                 static_cast<std::uint32_t>(text_.size())};
        return emscripten::val(emscripten::typed_memory_view(head_.size(), head_.data()));
    }
    // Frees that trace once JavaScript has read it: the engine holds no memory between calls.
    void releaseTrace() {
        trace_ = backstep::TraceBinary();
        std::string().swap(text_);
    }
    // The trace of the next step as the variant `names` (comma-separated, variant.hpp) computes it; the session
    // does not move.
    std::string traceVariant(const std::string& names) {
        return guarded([&] { return ok(session().traceVariant(backstep::parseVariant(names))); });
    }
    std::string train(double epochs) {
        return guarded([&] {
            session().train(
                backstep::wholeNumber(epochs, "epochs", 0, static_cast<double>(backstep::limits::maxEpochs)));
            return ok("true");
        });
    }
    std::string trainCurve(double epochs, double stopBelow) {
        return guarded([&] {
            const auto count =
                backstep::wholeNumber(epochs, "epochs", 0, static_cast<double>(backstep::limits::maxEpochs));
            // The page's runs keep to whole epochs (finishEpoch), so each point of their curve is one.
            return ok(session().trainCurve(count, stopBelow, backstep::limits::maxCurvePoints, true));
        });
    }
    std::string initialize(const std::string& scheme, double seed, double range) {
        return guarded([&] {
            const auto whole = backstep::wholeNumber(seed, "seed", 0, backstep::limits::maxWholeNumber);
            return ok(json(session().initialize(scheme, whole, range)).dump());
        });
    }
    std::string gradientCheck() {
        return guarded([&] { return ok(session().gradientCheck()); });
    }
    std::string editShape(const std::string& edit, double layer, double index, const std::string& activation,
                          bool bias) {
        return guarded([&] {
            const auto l = backstep::wholeNumber(layer, "layer", 0, backstep::limits::maxLayers);
            const auto i = backstep::wholeNumber(index, "index", 0, backstep::limits::maxNeuronsPerLayer);
            return ok(json(session().editShape(edit, l, i, activation, bias)).dump());
        });
    }
    std::string meanError() {
        return guarded([&] { return ok(json(session().meanError()).dump()); });
    }
    std::string explain(const std::string& format, double decimals, const std::string& variant) {
        return guarded([&] {
            const int places =
                static_cast<int>(backstep::wholeNumber(decimals, "decimals", 0, backstep::limits::maxDecimals));
            const auto parsed = backstep::parseVariant(variant);
            return ok(json(session().explain(backstep::explainFormatFromName(format), places, parsed)).dump());
        });
    }

private:
    Session& session() {
        if (!session_) throw backstep::EngineError("engine: no document loaded");
        return *session_;
    }
    std::unique_ptr<Session> session_;
    backstep::TraceBinary trace_;          // the last stepBinary()'s trace, until releaseTrace()
    std::string text_;                     // and its text
    std::array<std::uint32_t, 7> head_{};  // and where they are
};

// The limits JavaScript checks before handing the engine a value (the engine checks them again).
std::string limits() {
    namespace l = backstep::limits;
    return json{{"maxBytes", l::maxBytes},
                {"maxDecimals", l::maxDecimals},
                {"maxLayers", l::maxLayers},
                {"maxNeuronsPerLayer", l::maxNeuronsPerLayer},
                {"maxSamples", l::maxSamples},
                {"maxEpochs", l::maxEpochs},
                {"maxWholeNumber", l::maxWholeNumber}}
        .dump();
}

// Bytes the C++ heap has handed out: lets tests prove that nothing leaks.
double heapInUse() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(backstep) {
    emscripten::class_<Engine>("Engine")
        .constructor<>()
        .function("load", &Engine::load)
        .function("restore", &Engine::restore)
        .function("document", &Engine::document)
        .function("labels", &Engine::labels)
        .function("position", &Engine::position)
        .function("step", &Engine::step)
        .function("stepBinary", &Engine::stepBinary)
        .function("releaseTrace", &Engine::releaseTrace)
        .function("traceVariant", &Engine::traceVariant)
        .function("train", &Engine::train)
        .function("trainCurve", &Engine::trainCurve)
        .function("initialize", &Engine::initialize)
        .function("gradientCheck", &Engine::gradientCheck)
        .function("editShape", &Engine::editShape)
        .function("meanError", &Engine::meanError)
        .function("explain", &Engine::explain);
    emscripten::function("heapInUse", &heapInUse);
    emscripten::function("limits", &limits);
}
