#include "json_pretty.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

bool flat(const ojson& v) {
    if (!v.is_structured()) return true;
    for (const auto& item : v)
        if (item.is_structured()) return false;
    return v.dump().size() <= 72;
}

void write(const ojson& v, int indent, int depth, std::string& out) {
    if (flat(v)) {
        if (!v.is_structured() || v.empty()) {
            out += v.dump();
            return;
        }
        out += v.is_object() ? "{ " : "[";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += first ? "" : ", ";
            first = false;
            if (v.is_object()) out += ojson(it.key()).dump() + ": ";
            out += it.value().dump();
        }
        out += v.is_object() ? " }" : "]";
        return;
    }
    const std::string pad(static_cast<std::size_t>(indent * (depth + 1)), ' ');
    const bool object = v.is_object();
    out += object ? "{\n" : "[\n";
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        out += (first ? "" : ",\n") + pad;
        first = false;
        if (object) out += ojson(it.key()).dump() + ": ";
        write(it.value(), indent, depth + 1, out);
    }
    out += "\n" + std::string(static_cast<std::size_t>(indent * depth), ' ') + (object ? "}" : "]");
}

}  // namespace

std::string prettyJson(const ojson& value, int indent) {
    if (indent <= 0) return value.dump();
    std::string out;
    write(value, indent, 0, out);
    return out;
}

}  // namespace backstep
