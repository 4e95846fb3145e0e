#include "json_pretty.hpp"

namespace backstep {
namespace {

constexpr std::size_t flatWidth = 72;  // a structure of scalars up to this many characters stays on one line

// True for scalars, empty structures, and structures of scalars whose compact text is short (stops counting early).
template <class Json>
bool flat(const Json& v) {
    if (!v.is_structured()) return true;
    std::size_t width = 1;  // the compact text's length: brackets, commas, keys and values
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it->is_structured()) return false;
        width += 1 + it->dump().size() + (v.is_object() ? nlohmann::json(it.key()).dump().size() + 1 : 0);
        if (width > flatWidth) return false;
    }
    return true;
}

template <class Json>
void appendFlat(std::string& out, const Json& v) {
    if (!v.is_structured() || v.empty()) {
        out += v.dump();
        return;
    }
    out += v.is_object() ? "{ " : "[";
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        out += first ? "" : ", ";
        first = false;
        if (v.is_object()) appendKey(out, it.key(), 1);
        out += it->dump();
    }
    out += v.is_object() ? " }" : "]";
}

}  // namespace

void appendKey(std::string& out, const std::string& key, int indent) {
    out += nlohmann::json(key).dump();
    out += indent > 0 ? ": " : ":";
}

void appendBreak(std::string& out, int indent, int depth) {
    if (indent <= 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * depth), ' ');
}

template <class Json>
bool appendJson(std::string& out, const Json& v, int indent, int depth, std::size_t maxBytes) {
    if (indent <= 0) {
        out += v.dump();
        return out.size() <= maxBytes;
    }
    if (flat(v)) {
        appendFlat(out, v);
        return out.size() <= maxBytes;
    }
    const bool object = v.is_object();
    out += object ? "{" : "[";
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        out += first ? "" : ",";
        first = false;
        appendBreak(out, indent, depth + 1);
        if (object) appendKey(out, it.key(), indent);
        if (!appendJson(out, *it, indent, depth + 1, maxBytes)) return false;
    }
    appendBreak(out, indent, depth);
    out += object ? "}" : "]";
    return out.size() <= maxBytes;
}

template bool appendJson(std::string&, const nlohmann::json&, int, int, std::size_t);
template bool appendJson(std::string&, const nlohmann::ordered_json&, int, int, std::size_t);

}  // namespace backstep
