// Renders a step's trace as a worked solution in Markdown or LaTeX. Numbers come from the trace;
// they are only rounded here, for the reader.
#include "explain.hpp"

#include <cmath>
#include <sstream>

#include "number_format.hpp"
#include "trace.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

struct Style {
    bool latex;
    int decimals;

    std::string num(double x) const { return formatNumber(x, {decimals, latex ? "-" : "−", latex}); }
    std::string factor(double x) const { return x < 0 ? "(" + num(x) + ")" : num(x); }  // a number inside a product
    std::string name(const std::string& n) const {                                      // h1 → h_{1} in LaTeX
        if (!latex) return n;
        std::size_t p = 0;
        while (p < n.size() && !std::isdigit(static_cast<unsigned char>(n[p]))) ++p;
        return p == n.size() || p == 0 ? n : n.substr(0, p) + "_{" + n.substr(p) + "}";
    }
    std::string times() const { return latex ? " \\times " : " × "; }
    std::string dot() const { return latex ? " \\cdot " : "·"; }
    std::string eq() const { return latex ? " &= " : " = "; }
    std::string delta(const std::string& n) const { return latex ? "\\delta_{" + n + "}" : "δ_" + n; }
    std::string partial(const std::string& p) const {
        return latex ? "\\frac{\\partial E}{\\partial " + name(p) + "}" : "∂E/∂" + p;
    }
    std::string target(const std::string& n) const { return latex ? "t_{" + n + "}" : "t_" + n; }
    std::string eta() const { return latex ? "\\eta" : "η"; }
    std::string arrow() const { return latex ? " &\\leftarrow " : " ← "; }
    std::string minus() const { return latex ? " - " : " − "; }
    std::string fprime(const std::string& act, const std::string& n) const {
        return (latex ? "f'_{\\text{" + act + "}}(z_{" + n + "})" : "f′(z_" + n + ")");
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
    const std::string z = st.latex ? "z_{" + e["name"].get<std::string>() + "}" : "z_" + e["name"].get<std::string>();
    const std::string f = st.latex ? "\\operatorname{" + act + "}" : act;
    return st.line(z + st.eq() + symbolic + " = " + numbers + " = " + st.num(d(e["z"]))) +
           st.line(n + st.eq() + f + "(" + z + ") = " + f + "(" + st.num(d(e["z"])) + ") = " + st.num(d(e["a"])));
}

std::string errorLines(const Style& st, const ojson& e) {
    std::string out;
    const bool one = e["outputs"].size() == 1;
    for (const auto& o : e["outputs"]) {
        const std::string n = st.name(o["name"]);
        const std::string diff = one ? (st.latex ? "\\Delta" : "Δ") : (st.latex ? "\\Delta_{" + o["name"].get<std::string>() + "}" : "Δ_" + o["name"].get<std::string>());
        out += st.line(diff + st.eq() + n + st.minus() + st.target(o["name"]) + " = " + st.num(d(o["prediction"])) + st.minus() + st.factor(d(o["target"])) +
                       " = " + st.num(d(o["difference"])));
    }
    std::string symbolic = st.latex ? "\\tfrac{1}{2}\\textstyle\\sum (y - t)^2" : "½ Σ (y − t)²";
    if (one) symbolic = st.latex ? "\\tfrac{1}{2}(y - t)^2" : "½ (y − t)²";
    std::string numbers;
    for (const auto& o : e["outputs"])
        numbers += (numbers.empty() ? "" : " + ") + std::string(st.latex ? "\\tfrac{1}{2}" : "½") + "(" + st.num(d(o["difference"])) + ")^2";
    if (!st.latex) {
        std::string u;
        for (std::size_t p = 0; p < numbers.size(); ++p) u += numbers.compare(p, 2, ")^") == 0 ? (p += 2, ")²") : std::string(1, numbers[p]);
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
        return st.line(lhs + "(" + y + st.minus() + st.target(n) + ")" + st.dot() + st.fprime(act, n) + " = " + st.factor(d(e["difference"])) +
                       st.times() + st.num(fp) + " = " + st.num(d(e["delta"])));
    }
    std::string symbolic, numbers;
    for (const auto& t : e["terms"]) {
        const std::string sep = symbolic.empty() ? "" : " + ";
        symbolic += sep + st.name(t["weight"]) + st.dot() + st.delta(t["dest"]);
        numbers += sep + st.num(d(t["w"])) + st.times() + st.factor(d(t["delta"]));
    }
    return st.line(lhs + st.fprime(act, n) + st.dot() + "(" + symbolic + ") = " + st.num(fp) + st.times() + "(" + numbers +
                   ") = " + st.num(d(e["delta"])));
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
                   st.num(d(e["old"])) + st.minus() + st.num(d(e["learningRate"])) + st.times() + st.factor(d(e["gradient"])) +
                   " = " + st.num(d(e["new"])));
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
    return "Network " + shape + " (" + acts + "), " + (biases ? (doc.trainBiases ? "with biases" : "with fixed biases") : "no biases");
}

}  // namespace

ExplainFormat explainFormatFromName(const std::string& name) {
    if (name == "markdown") return ExplainFormat::Markdown;
    if (name == "latex") return ExplainFormat::Latex;
    throw DocumentError("format: expected \"markdown\" or \"latex\", got \"" + name + "\"");
}

std::string explainStep(const Document& original, const Position& position, ExplainFormat format, int decimals) {
    Document doc = original;
    Position at = position;
    const ojson trace = traceStep(doc, at);
    const Style st{format == ExplainFormat::Latex, decimals};
    std::ostringstream out;
    const std::string title = original.title.empty() ? "One step of backpropagation" : original.title;
    if (st.latex) out << "% " << title << "\n% " << describeNetwork(original) << ", learning rate " << st.num(original.learningRate) << "\n";
    else out << "# " << title << "\n\n" << describeNetwork(original) << ", learning rate η = " << st.num(original.learningRate) << ".\n";
    if (st.latex) out << "\\begin{align*}\n";
    std::string phase;
    for (const auto& e : trace["events"]) {
        const std::string kind = e["kind"];
        const std::string next = kind == "input" ? "Sample " + std::to_string(e["sample"].get<std::size_t>() + 1)
                                 : kind == "forward" ? "Forward pass" : kind == "error" ? "Error"
                                 : kind == "update" ? "Update" : kind == "result" ? "Result" : "Backward pass";
        if (next != phase) out << st.heading(phase = next);
        if (kind == "input") {
            for (const auto& i : e["inputs"]) out << st.line(st.name(i["name"]) + st.eq() + st.num(d(i["value"])));
            for (const auto& t : e["targets"]) out << st.line(st.target(t["name"]) + st.eq() + st.num(d(t["value"])));
        } else if (kind == "forward") out << forwardLine(st, e);
        else if (kind == "error") out << errorLines(st, e);
        else if (kind == "delta") out << deltaLine(st, e);
        else if (kind == "gradient") out << gradientLine(st, e);
        else if (kind == "update") out << updateLine(st, e);
        else if (kind == "result") {
            std::string ys;
            for (const auto& y : e["prediction"]) ys += (ys.empty() ? "" : ", ") + st.num(d(y));
            out << st.line(std::string(st.latex ? "\\text{new prediction}" : "new prediction") + st.eq() + ys) +
                       st.line("E" + st.eq() + st.num(d(e["error"])));
        }
    }
    if (st.latex) out << "\\end{align*}\n";
    std::string s = out.str();
    if (st.latex) {  // drop the empty align* that the first heading closes
        const std::string empty = "\\begin{align*}\n\\end{align*}\n";
        auto p = s.find(empty);
        if (p != std::string::npos) s.erase(p, empty.size());
        const std::string lastBreak = " \\\\\n\\end{align*}", end = "\n\\end{align*}";
        for (p = s.find(lastBreak); p != std::string::npos; p = s.find(lastBreak)) s.replace(p, lastBreak.size(), end);
    }
    return s;
}

}  // namespace backstep
