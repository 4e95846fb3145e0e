// The variant explorer: toggles that change how a training step is computed, so that a variant's step can be shown
// beside the standard one. The standard step is the spec's (document.hpp); a variant changes it in these ways, which
// combine (a comma-separated list of names):
//   output-first    each weight layer, from the output down, is updated before the deltas of the layer below are
//                   computed, which then use its new weights (the order of an early version of Mazur's script).
//                   One sample per step only.
//   round-2         every value the step computes is rounded to 2 decimals, half away from zero, as netflow.js
//                   does (TRACE.md lists which).
//   fixed-biases    the biases are not updated, whatever the document's trainBiases says;
//   trained-biases  they are (where a layer has biases).
//   batch           one update from the mean gradient of every sample of the document (the spec's batchSize = the
//                   number of samples): the step starts at the first sample, wherever the position is;
//   per-sample      one update per sample (batchSize 1), from the position's sample.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"
#include "rounding.hpp"
#include "training.hpp"

namespace backstep {

struct Variant {
    enum class Batching { Document, WholeSet, PerSample };
    bool outputFirst = false;
    Rounding rounding;                // round-2: 2 decimals
    std::optional<bool> trainBiases;  // fixed-biases (false), trained-biases (true); none: the document's
    Batching batching = Batching::Document;

    bool standard() const;
};

// Every name a variant may list, in the order names() writes them.
const std::vector<std::string>& variantNames();

// A comma-separated list of names ("" or only spaces: the standard step; spaces around a name are ignored; a name
// given twice counts once). Throws EngineError naming the first unknown name and listing the valid ones, or the two
// names that contradict each other (fixed-biases and trained-biases, batch and per-sample).
Variant parseVariant(const std::string& names);

// The variant's names, in the order of variantNames() (empty for the standard step).
std::vector<std::string> names(const Variant& variant);

// The document's settings as the variant overrides them (trainBiases, batchSize) and the position moved to the start
// of the variant's batch (the first sample for batch). The standard step changes nothing.
void applyVariant(const Variant& variant, Document& doc, Position& position);

}  // namespace backstep
