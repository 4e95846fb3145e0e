// JSON text for people: nested structure indented, arrays of numbers and small flat objects on one line.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace backstep {

std::string prettyJson(const nlohmann::ordered_json& value, int indent = 2);

}  // namespace backstep
