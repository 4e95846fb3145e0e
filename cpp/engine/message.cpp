#include "message.hpp"

namespace backstep {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there are not one.
std::size_t sequenceLength(const std::string& s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte (no overlongs, no surrogates)
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

std::string hexEscape(const char* prefix, unsigned char c) {
    const char* hex = "0123456789ABCDEF";
    return std::string(prefix) + hex[c >> 4] + hex[c & 0xF];
}

// C0 and C1 controls, DEL, the line and paragraph separators U+2028 and U+2029, and the bidirectional
// controls U+202A … U+202E and U+2066 … U+2069 (which could make a message read backwards).
bool isControl(const std::string& s, std::size_t i, std::size_t n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1) return c < 0x20 || c == 0x7F;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (n == 2) return c == 0xC2 && c1 < 0xA0;  // U+0080 … U+009F
    if (n != 3 || c != 0xE2) return false;
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    return (c1 == 0x80 && c2 >= 0xA8 && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9);
}

// \u followed by the four hex digits of the code point (all controls are below U+10000).
std::string unicodeEscape(const std::string& s, std::size_t i, std::size_t n) {
    unsigned code = static_cast<unsigned char>(s[i]) & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (n == 1) code = static_cast<unsigned char>(s[i]);
    const char* hex = "0123456789ABCDEF";
    return std::string("\\u") + hex[(code >> 12) & 0xF] + hex[(code >> 8) & 0xF] + hex[(code >> 4) & 0xF] +
           hex[code & 0xF];
}

}  // namespace

namespace {

std::string clean(const std::string& text, std::size_t maxBytes, bool doubleBackslash) {
    static const std::string more = "…";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t n = sequenceLength(text, i);
        std::string piece;
        if (n == 0)
            piece = hexEscape("\\x", c);
        else if (c == '\\' && doubleBackslash)
            piece = "\\\\";
        else if (isControl(text, i, n))
            piece = unicodeEscape(text, i, n);
        else
            piece = text.substr(i, n);
        i += n == 0 ? 1 : n;
        const std::size_t reserve = i < text.size() ? more.size() : 0;  // room for "…" unless this is the end
        if (out.size() + piece.size() + reserve > maxBytes) return out + more;
        out += piece;
    }
    return out;
}

}  // namespace

std::string oneLine(const std::string& text, std::size_t maxBytes) { return clean(text, maxBytes, false); }

std::string quote(const std::string& text, std::size_t maxBytes) { return clean(text, maxBytes, true); }

std::string excerpt(const std::string& text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars++ == maxChars) return text.substr(0, i) + "…";
    }
    return text;
}

}  // namespace backstep
