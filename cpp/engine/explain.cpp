// Renders a step's trace as a worked solution in Markdown or LaTeX. Numbers come from the trace;
// they are only rounded here, for the reader.
#include "explain.hpp"

#include <cctype>
#include <cmath>
#include <cstring>
#include <string>

#include "number_format.hpp"
#include "trace.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

// Markdown: ASCII punctuation that could start markup in a name or title, backslash-escaped (CommonMark).
std::string markdownText(const std::string& raw) {
    std::string out;
    for (char c : raw) {
        if (std::strchr("\\`*_{}[]<>()#+!|~&$%^\"'", c) && c != '\0') out += '\\';
        out += c;
    }
    return out;
}

// LaTeX: a layer's own name prefix inside \text{}, its special characters escaped; i, h, o as they are.
std::string latexLabel(const std::string& prefix) {
    bool plain = true;
    for (char c : prefix) plain = plain && std::isalpha(static_cast<unsigned char>(c));
    if (plain) return prefix;
    std::string out = "\\text{";
    for (char c : prefix) {
        switch (c) {
            case '\\':
                out += "\\textbackslash{}";
                break;
            case '^':
                out += "\\textasciicircum{}";
                break;
            case '~':
                out += "\\textasciitilde{}";
                break;
            case '{':
            case '}':
            case '_':
            case '#':
            case '$':
            case '%':
            case '&':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    return out + "}";
}

struct Style {
    bool latex;
    int decimals;

    std::string num(double x) const { return formatNumber(x, {decimals, latex ? "-" : "−", latex}); }
    std::string num(const ojson& v) const {
        return v.is_null() ? (latex ? "\\text{overflow}" : "overflow") : num(v.get<double>());
    }
    std::string factor(double x) const { return x < 0 ? "(" + num(x) + ")" : num(x); }  // a number inside a product
    // A neuron or parameter name: h1 → h_{1} in LaTeX (a custom prefix escaped), escaped in Markdown.
    std::string name(const std::string& n) const {
        if (!latex) return markdownText(n);
        const std::size_t p = numberStart(n);
        return p == n.size() || p == 0 ? latexLabel(n) : latexLabel(n.substr(0, p)) + "_{" + n.substr(p) + "}";
    }
    // The same name inside a subscript: h1 stays h1 (δ_{h1}).
    std::string label(const std::string& n) const {
        if (!latex) return markdownText(n);
        const std::size_t p = numberStart(n);
        return latexLabel(n.substr(0, p)) + n.substr(p);
    }
    static std::size_t numberStart(const std::string& n) {  // h1.2 → 1
        std::size_t p = n.size();
        while (p > 0 && (std::isdigit(static_cast<unsigned char>(n[p - 1])) || n[p - 1] == '.')) --p;
        return p;
    }
    std::string times() const { return latex ? " \\times " : " × "; }
    std::string dot() const { return latex ? " \\cdot " : "·"; }
    std::string eq() const { return latex ? " &= " : " = "; }
    std::string delta(const std::string& n) const { return latex ? "\\delta_{" + label(n) + "}" : "δ_" + label(n); }
    std::string partial(const std::string& p) const {
        return latex ? "\\frac{\\partial E}{\\partial " + name(p) + "}" : "∂E/∂" + p;
    }
    std::string target(const std::string& n) const { return latex ? "t_{" + label(n) + "}" : "t_" + label(n); }
    std::string z(const std::string& n) const { return latex ? "z_{" + label(n) + "}" : "z_" + label(n); }
    std::string difference(const std::string& n) const {
        return latex ? "\\Delta_{" + label(n) + "}" : "Δ_" + label(n);
    }
    std::string eta() const { return latex ? "\\eta" : "η"; }
    std::string arrow() const { return latex ? " &\\leftarrow " : " ← "; }
    std::string minus() const { return latex ? " - " : " − "; }
    std::string fprime(const std::string& act, const std::string& n) const {
        return (latex ? "f'_{\\text{" + act + "}}(" + z(n) + ")" : "f′(" + z(n) + ")");
    }
    std::string line(const std::string& s) const { return latex ? "  " + s + " \\\\\n" : "- " + s + "\n"; }
    std::string heading(const std::string& s) const {
        return latex ? "\\end{align*}\n\\paragraph{" + s + "}\n\\begin{align*}\n" : "\n## " + s + "\n\n";
    }
};

double d(const ojson& v) { return v.get<double>(); }

std::string forwardLine(const Style& st, const ojson& e) {
    std::string symbolic, numbers;
    for (const auto& t : e["terms"]) {
        const std::string sep = symbolic.empty() ? "" : " + ";
        symbolic += sep + st.name(t["weight"]) + st.dot() + st.name(t["source"]);
        numbers += sep + st.num(d(t["w"])) + st.times() + st.factor(d(t["a"]));
    }
    if (!e["bias"].is_null()) {
        symbolic += " + " + st.name(e["bias"]["name"]);
        numbers += " + " + st.factor(d(e["bias"]["value"]));
    }
    const std::string n = st.name(e["name"]), act = e["activation"];
    if (act == "linear") return st.line(n + st.eq() + symbolic + " = " + numbers + " = " + st.num(d(e["z"])));
    const std::string z = st.z(e["name"]);
    const std::string f = st.latex ? "\\operatorname{" + act + "}" : act;
    return st.line(z + st.eq() + symbolic + " = " + numbers + " = " + st.num(d(e["z"]))) +
           st.line(n + st.eq() + f + "(" + z + ") = " + f + "(" + st.num(d(e["z"])) + ") = " + st.num(d(e["a"])));
}

std::string errorLines(const Style& st, const ojson& e) {
    std::string out;
    const bool one = e["outputs"].size() == 1;
    for (const auto& o : e["outputs"]) {
        const std::string n = st.name(o["name"]);
        const std::string diff = one ? (st.latex ? "\\Delta" : "Δ") : st.difference(o["name"]);
        out += st.line(diff + st.eq() + n + st.minus() + st.target(o["name"]) + " = " + st.num(d(o["prediction"])) +
                       st.minus() + st.factor(d(o["target"])) + " = " + st.num(d(o["difference"])));
    }
    std::string symbolic = st.latex ? "\\tfrac{1}{2}\\textstyle\\sum (y - t)^2" : "½ Σ (y − t)²";
    if (one) symbolic = st.latex ? "\\tfrac{1}{2}(y - t)^2" : "½ (y − t)²";
    std::string numbers;
    for (const auto& o : e["outputs"])
        numbers += (numbers.empty() ? "" : " + ") + std::string(st.latex ? "\\tfrac{1}{2}" : "½") + "(" +
                   st.num(d(o["difference"])) + ")^2";
    if (!st.latex) {
        std::string u;
        for (std::size_t p = 0; p < numbers.size(); ++p)
            u += numbers.compare(p, 2, ")^") == 0 ? (p += 2, ")²") : std::string(1, numbers[p]);
        numbers = u;
    }
    return out + st.line("E" + st.eq() + symbolic + " = " + numbers + " = " + st.num(d(e["total"])));
}

std::string deltaLine(const Style& st, const ojson& e) {
    const std::string n = e["name"], act = e["activation"];
    const double fp = d(e["derivative"]);
    std::string lhs = st.delta(n) + st.eq();
    if (e["output"].get<bool>()) {
        const std::string y = st.name(n);
        return st.line(lhs + "(" + y + st.minus() + st.target(n) + ")" + st.dot() + st.fprime(act, n) + " = " +
                       st.factor(d(e["difference"])) + st.times() + st.num(fp) + " = " + st.num(d(e["delta"])));
    }
    std::string symbolic, numbers;
    for (const auto& t : e["terms"]) {
        const std::string sep = symbolic.empty() ? "" : " + ";
        symbolic += sep + st.name(t["weight"]) + st.dot() + st.delta(t["dest"]);
        numbers += sep + st.num(d(t["w"])) + st.times() + st.factor(d(t["delta"]));
    }
    return st.line(lhs + st.fprime(act, n) + st.dot() + "(" + symbolic + ") = " + st.num(fp) + st.times() + "(" +
                   numbers + ") = " + st.num(d(e["delta"])));
}

std::string gradientLine(const Style& st, const ojson& e) {
    const std::string p = e["parameter"], dest = e["destName"];
    if (e["type"] == "bias")
        return st.line(st.partial(p) + st.eq() + st.delta(dest) + " = " + st.num(d(e["gradient"])));
    return st.line(st.partial(p) + st.eq() + st.delta(dest) + st.dot() + st.name(e["sourceName"]) + " = " +
                   st.factor(d(e["delta"])) + st.times() + st.factor(d(e["a"])) + " = " + st.num(d(e["gradient"])));
}

std::string updateLine(const Style& st, const ojson& e) {
    const std::string p = e["parameter"];
    return st.line(st.name(p) + st.arrow() + st.name(p) + st.minus() + st.eta() + st.dot() + st.partial(p) + " = " +
                   st.num(d(e["old"])) + st.minus() + st.num(d(e["learningRate"])) + st.times() +
                   st.factor(d(e["gradient"])) + " = " + st.num(d(e["new"])));
}

std::string describeNetwork(const Document& doc) {
    const Network& net = doc.network;
    std::string shape, acts;
    bool biases = false;
    for (std::size_t k = 0; k < net.layers.size(); ++k) {
        shape += (k ? "-" : "") + std::to_string(net.layers[k].size);
        if (k) acts += std::string(k > 1 ? ", " : "") + activationName(net.layers[k].activation);
        biases = biases || (k && net.layers[k].bias);
    }
    return "Network " + shape + " (" + acts + "), " +
           (biases ? (doc.trainBiases ? "with biases" : "with fixed biases") : "no biases");
}

}  // namespace

ExplainFormat explainFormatFromName(const std::string& name) {
    if (name == "markdown") return ExplainFormat::Markdown;
    if (name == "latex") return ExplainFormat::Latex;
    throw EngineError("format: expected \"markdown\" or \"latex\", got \"" + name + "\"");
}

namespace {

// Writes each event of the trace as the lines of the worked solution, as the trace is made.
class SolutionWriter : public TraceSink {
public:
    SolutionWriter(const Style& style, std::string& out) : st_(style), out_(out) {}
    void header(std::string_view) override {}
    void event(std::string_view text) override {
        const ojson e = ojson::parse(text);  // explain is not a hot path: it reads the trace as the page does
        const std::string kind = e["kind"];
        const std::string next = kind == "input"     ? "Sample " + std::to_string(e["sample"].get<std::size_t>() + 1)
                                 : kind == "forward" ? "Forward pass"
                                 : kind == "error"   ? "Error"
                                 : kind == "update"  ? "Update"
                                 : kind == "result"  ? "Result"
                                                     : "Backward pass";
        if (next != phase_) out_ += st_.heading(phase_ = next);
        if (kind == "input") {
            for (const auto& i : e["inputs"]) out_ += st_.line(st_.name(i["name"]) + st_.eq() + st_.num(d(i["value"])));
            for (const auto& t : e["targets"])
                out_ += st_.line(st_.target(t["name"]) + st_.eq() + st_.num(d(t["value"])));
        } else if (kind == "forward")
            out_ += forwardLine(st_, e);
        else if (kind == "error")
            out_ += errorLines(st_, e);
        else if (kind == "delta")
            out_ += deltaLine(st_, e);
        else if (kind == "gradient")
            out_ += gradientLine(st_, e);
        else if (kind == "update")
            out_ += updateLine(st_, e);
        else if (kind == "result") {
            std::string ys;
            for (const auto& y : e["prediction"]) ys += (ys.empty() ? "" : ", ") + st_.num(y);
            out_ += st_.line(std::string(st_.latex ? "\\text{new prediction}" : "new prediction") + st_.eq() + ys) +
                    st_.line("E" + st_.eq() + st_.num(e["error"]));
        }
    }

private:
    const Style& st_;
    std::string& out_;
    std::string phase_;
};

// LaTeX: drops the empty align* that the first heading closes, and the line break before each \end{align*}.
std::string tidyLatex(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    const std::string empty = "\\begin{align*}\n\\end{align*}\n", lastBreak = " \\\\\n\\end{align*}";
    for (std::size_t p = 0; p < s.size();) {
        if (s.compare(p, empty.size(), empty) == 0)
            p += empty.size();
        else if (s.compare(p, lastBreak.size(), lastBreak) == 0)
            out += "\n\\end{align*}", p += lastBreak.size();
        else
            out += s[p++];
    }
    return out;
}

}  // namespace

std::string explainStep(const Document& original, const Position& position, ExplainFormat format, int decimals,
                        const Variant& variant) {
    const Style st{format == ExplainFormat::Latex, decimals};
    Document doc = original;
    Position at = position;
    applyVariant(variant, doc, at);  // the network described as the variant's step has it (trainBiases)
    std::string out;                 // no std::ostringstream: iostreams and locales would weigh on every page's .wasm
    const std::string title = doc.title.empty() ? "One step of backpropagation" : doc.title;
    const std::string about = describeNetwork(doc);
    std::string variantList;
    for (const std::string& name : names(variant)) variantList += (variantList.empty() ? "" : ", ") + name;
    if (st.latex) {
        out += "% " + title + "\n% " + about + ", learning rate " + st.num(doc.learningRate) + "\n";
        if (!variantList.empty()) out += "% Variant: " + variantList + "\n";
    } else {
        out += "# " + markdownText(title) + "\n\n" + about + ", learning rate η = " + st.num(doc.learningRate) + ".\n";
        if (!variantList.empty()) out += "\nVariant: " + variantList + ".\n";
    }
    if (st.latex) out += "\\begin{align*}\n";
    SolutionWriter writer(st, out);
    traceStep(doc, at, writer, variant);
    if (st.latex) out += "\\end{align*}\n";
    return st.latex ? tidyLatex(out) : out;
}

}  // namespace backstep
