// Compact JSON text written straight into a string: the bytes nlohmann's dump() writes for the same value, without
// building the value first (the trace's hot path: a tree of small allocations cost far more than the text).
// Keys are the engine's own ASCII literals; string values are escaped as dump() escapes them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json_number.hpp"

namespace backstep {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& key(std::string_view name) {
        separate();
        out_ += '"';
        out_ += name;
        out_ += "\":";
        return *this;
    }
    JsonWriter& beginObject() { return open('{'); }
    JsonWriter& endObject() { return close('}'); }
    JsonWriter& beginArray() { return open('['); }
    JsonWriter& endArray() { return close(']'); }
    JsonWriter& number(double x) {  // jsonNumber's rule (refuses a value that is not finite)
        separate();
        appendJsonNumber(out_, x);
        return done();
    }
    JsonWriter& whole(std::uint64_t n) {
        separate();
        out_ += std::to_string(n);
        return done();
    }
    JsonWriter& boolean(bool b) {
        separate();
        out_ += b ? "true" : "false";
        return done();
    }
    JsonWriter& null() {
        separate();
        out_ += "null";
        return done();
    }
    JsonWriter& string(std::string_view s) {
        separate();
        if (plain(s)) {
            out_ += '"';
            out_ += s;
            out_ += '"';
        } else {  // escapes, and UTF-8 checks, exactly as dump() does them
            out_ += nlohmann::ordered_json(std::string(s)).dump();
        }
        return done();
    }

private:
    // Printable ASCII without a quote or backslash: written as it is.
    static bool plain(std::string_view s) {
        for (unsigned char c : s)
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return false;
        return true;
    }
    void separate() {
        if (comma_) out_ += ',';
        comma_ = false;
    }
    JsonWriter& done() {
        comma_ = true;
        return *this;
    }
    JsonWriter& open(char c) {
        separate();
        out_ += c;
        return *this;
    }
    JsonWriter& close(char c) {
        out_ += c;
        return done();
    }

    std::string& out_;
    bool comma_ = false;  // a value was written at this level: the next one needs a comma
};

}  // namespace backstep
