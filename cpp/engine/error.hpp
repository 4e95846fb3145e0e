// The one error type of the engine: every refusal — a document, an argument, a limit, a step that diverged, a call
// with no document — is an EngineError.
#pragma once
#include <stdexcept>
#include <string>

#include "message.hpp"

namespace backstep {

// One line of valid UTF-8, at most a few hundred bytes (oneLine), starting with the JSON path of the first fault or
// the name of the argument or limit.
struct EngineError : std::runtime_error {
    explicit EngineError(const std::string& message) : std::runtime_error(oneLine(message)) {}
};

}  // namespace backstep
