// JSON text for people: nested structure indented, arrays of numbers and small flat objects on one line;
// or compact. Linear in the size of the value, whatever its shape.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace backstep {

// Appends `value` to `out`: compact when indent ≤ 0, else indented as if nested `depth` levels deep.
// Stops and returns false as soon as `out` grows past `maxBytes` (`out` is then incomplete).
template <class Json>
bool appendJson(std::string& out, const Json& value, int indent, int depth, std::size_t maxBytes);

// `"key": ` (or `"key":` when compact), with the key escaped.
void appendKey(std::string& out, const std::string& key, int indent);

// A line break and the indentation of `depth` levels (nothing when compact).
void appendBreak(std::string& out, int indent, int depth);

}  // namespace backstep
