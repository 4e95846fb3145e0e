#include "variant.hpp"

#include <algorithm>

#include "error.hpp"
#include "message.hpp"

namespace backstep {

bool Variant::standard() const {
    return !outputFirst && !rounding.active() && !trainBiases && batching == Batching::Document;
}

const std::vector<std::string>& variantNames() {
    static const std::vector<std::string> all = {"output-first",   "round-2", "fixed-biases",
                                                 "trained-biases", "batch",   "per-sample"};
    return all;
}

namespace {

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::string validNames() {
    std::string list;
    for (const std::string& name : variantNames()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

void contradiction(const std::string& a, const std::string& b) {
    throw EngineError("variant: " + a + " and " + b + " contradict each other; give one of them");
}

}  // namespace

Variant parseVariant(const std::string& list) {
    Variant v;
    if (trimmed(list).empty()) return v;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = list.find(',', start);
        const std::string name =
            trimmed(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (name == "output-first")
            v.outputFirst = true;
        else if (name == "round-2")
            v.rounding = Rounding{2};
        else if (name == "fixed-biases" || name == "trained-biases") {
            const bool trained = name == "trained-biases";
            if (v.trainBiases && *v.trainBiases != trained) contradiction("fixed-biases", "trained-biases");
            v.trainBiases = trained;
        } else if (name == "batch" || name == "per-sample") {
            const auto batching = name == "batch" ? Variant::Batching::WholeSet : Variant::Batching::PerSample;
            if (v.batching != Variant::Batching::Document && v.batching != batching)
                contradiction("batch", "per-sample");
            v.batching = batching;
        } else
            throw EngineError("variant: unknown name \"" + quote(excerpt(name, 40)) + "\"; expected " + validNames() +
                              " (a comma-separated list)");
        if (comma == std::string::npos) return v;
        start = comma + 1;
    }
}

std::vector<std::string> names(const Variant& v) {
    std::vector<std::string> out;
    if (v.outputFirst) out.push_back("output-first");
    if (v.rounding.active()) out.push_back("round-2");
    if (v.trainBiases) out.push_back(*v.trainBiases ? "trained-biases" : "fixed-biases");
    if (v.batching == Variant::Batching::WholeSet) out.push_back("batch");
    if (v.batching == Variant::Batching::PerSample) out.push_back("per-sample");
    return out;
}

void applyVariant(const Variant& v, Document& doc, Position& position) {
    if (v.trainBiases) doc.trainBiases = *v.trainBiases;
    if (v.batching == Variant::Batching::WholeSet) {
        doc.batchSize = doc.samples.size();
        position.sample = 0;
    }
    if (v.batching == Variant::Batching::PerSample) doc.batchSize = 1;
}

}  // namespace backstep
