// Text from outside (a document, a parser, a path) made safe to show in one line of a message.
#pragma once
#include <cstddef>
#include <string>

namespace backstep {

// Valid UTF-8 on one line: control characters (C0, C1, line separators, bidi controls) as \uXXXX, bytes that are
// not UTF-8 as \xNN, and at most `maxBytes` bytes, cut on a character boundary and ended with "…".
// Applying it again changes nothing: every engine message passes through it (EngineError).
std::string oneLine(const std::string& text, std::size_t maxBytes = 400);

// The same for a quotation of outside text (a key, a string, a path), with every backslash doubled, so that
// a literal "\x80" in it stays apart from an escaped byte.
std::string quote(const std::string& text, std::size_t maxBytes = 400);

// The first `maxChars` characters of `text` (UTF-8), followed by "…" if there were more.
std::string excerpt(const std::string& text, std::size_t maxChars);

}  // namespace backstep
