// The WebAssembly face of Session: a thin Embind wrapper. Every call returns JSON text
// {"ok":…} or {"error":"message"}; no C++ exception crosses into JavaScript.
#include <emscripten/bind.h>
#include <malloc.h>

#include <nlohmann/json.hpp>

#include "../engine/session.hpp"

namespace {

using backstep::Session;
using nlohmann::json;

template <typename F>
std::string guarded(F&& f) {
    try {
        return f();
    } catch (const std::exception& e) {
        return json{{"error", e.what()}}.dump();
    }
}

std::string ok(const std::string& jsonValue) { return "{\"ok\":" + jsonValue + "}"; }

class Engine {
public:
    std::string load(const std::string& doc) {
        return guarded([&] {
            if (session_) session_->load(doc);
            else session_ = std::make_unique<Session>(doc);
            return ok("true");
        });
    }
    std::string restore(const std::string& doc, double epoch, double sample, double step) {
        return guarded([&] {
            if (!session_) session_ = std::make_unique<Session>(doc);
            session_->restore(doc, static_cast<std::size_t>(epoch), static_cast<std::size_t>(sample), static_cast<std::size_t>(step));
            return ok("true");
        });
    }
    std::string document() { return guarded([&] { return ok(session().document(0)); }); }
    std::string labels() { return guarded([&] { return ok(session().labels()); }); }
    std::string position() { return guarded([&] { return ok(session().position()); }); }
    std::string step() { return guarded([&] { return ok(session().step()); }); }
    std::string train(double epochs) {
        return guarded([&] {
            if (!(epochs >= 0)) throw backstep::DocumentError("epochs: expected an integer ≥ 0");
            session().train(static_cast<std::size_t>(epochs));
            return ok("true");
        });
    }
    std::string meanError() { return guarded([&] { return ok(json(session().meanError()).dump()); }); }
    std::string explain(const std::string& format, double decimals) {
        return guarded([&] {
            const auto f = format == "latex" ? backstep::ExplainFormat::Latex : backstep::ExplainFormat::Markdown;
            return ok(json(session().explain(f, static_cast<int>(decimals))).dump());
        });
    }

private:
    Session& session() {
        if (!session_) throw backstep::DocumentError("engine: no document loaded");
        return *session_;
    }
    std::unique_ptr<Session> session_;
};

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
}
