// The WebAssembly face of Session: a thin Embind wrapper. Every call returns JSON text
// {"ok":…} or {"error":"message"}; no C++ exception crosses into JavaScript.
#include <emscripten/bind.h>
#include <malloc.h>

#include <nlohmann/json.hpp>

#include "../engine/arguments.hpp"
#include "../engine/limits.hpp"
#include "../engine/message.hpp"
#include "../engine/session.hpp"

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
            session_->restore(doc,
                              backstep::wholeNumber(epoch, "position.epoch", 0, backstep::limits::maxPositionEpoch),
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
    std::string step() {
        return guarded([&] { return ok(session().step()); });
    }
    std::string train(double epochs) {
        return guarded([&] {
            session().train(
                backstep::wholeNumber(epochs, "epochs", 0, static_cast<double>(backstep::limits::maxEpochs)));
            return ok("true");
        });
    }
    std::string meanError() {
        return guarded([&] { return ok(json(session().meanError()).dump()); });
    }
    std::string explain(const std::string& format, double decimals) {
        return guarded([&] {
            const int places =
                static_cast<int>(backstep::wholeNumber(decimals, "decimals", 0, backstep::limits::maxDecimals));
            return ok(json(session().explain(backstep::explainFormatFromName(format), places)).dump());
        });
    }

private:
    Session& session() {
        if (!session_) throw backstep::EngineError("engine: no document loaded");
        return *session_;
    }
    std::unique_ptr<Session> session_;
};

// The limits JavaScript checks before handing the engine a value (the engine checks them again).
std::string limits() {
    return json{{"maxBytes", backstep::limits::maxBytes}, {"maxDecimals", backstep::limits::maxDecimals}}.dump();
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
        .function("train", &Engine::train)
        .function("meanError", &Engine::meanError)
        .function("explain", &Engine::explain);
    emscripten::function("heapInUse", &heapInUse);
    emscripten::function("limits", &limits);
}
