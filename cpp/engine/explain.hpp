// The worked solution of one step, formula and numbers, the way the seed post presents it.
#pragma once
#include <string>

#include "document.hpp"
#include "training.hpp"
#include "variant.hpp"

namespace backstep {

enum class ExplainFormat { Markdown, Latex };
// "markdown" or "latex"; anything else is refused with a EngineError naming it.
ExplainFormat explainFormatFromName(const std::string& name);

// Explains the step at `position` of `doc` (neither is changed), as `variant` computes it (variant.hpp).
// `decimals`: how numbers are rounded on the page.
std::string explainStep(const Document& doc, const Position& position, ExplainFormat format, int decimals = 4,
                        const Variant& variant = {});

}  // namespace backstep
