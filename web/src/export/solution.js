// What the Export dialog's worked solution of the step on screen is: none while the quiz still has a question of the
// step to ask (the solution holds every number of the step: quiz/state.js's stepQuestionsLeft), else the engine's
// explain, as the chosen variants compute it (the Variants tab's state.variants) unless the learner asks for the
// standard step. Pure: the dialog (controls/share-dialog.js) only shows it.
import { EngineError } from '../engine/engine.js';
import { stepQuestionsLeft } from '../quiz/state.js';
import { VARIANT_GROUPS } from '../state/variants.js';

/**
 * { withheld, offered, variants }: withheld while the step has questions left; offered when variants are chosen (the dialog
 * then lets the learner pick 'variant', the default, or 'standard'); variants: the names explain computes with.
 */
export function solutionPlan(state, choice = 'variant') {
  const offered = state.variants.length > 0;
  const variants = offered && choice !== 'standard' ? state.variants : [];
  return { withheld: stepQuestionsLeft(state), offered, variants };
}

/** A variant's name as the Variants tab writes it ("Biases: Fixed" for one of a pair). */
export function variantLabel(name, t) {
  const group = Object.entries(VARIANT_GROUPS).find(([, names]) => names.includes(name))?.[0];
  return group
    ? t('export.variantPair', { group: t(`variants.${group}`), choice: t(`variants.${name}`) })
    : t(`variants.${name}`);
}

/**
 * The text of the solution: { ok: true, text } or { ok: false, message } (the engine refuses the variant here, e.g.
 * output-first on a batch). `explain(format, decimals, variants)` is the engine's.
 */
export function solutionText(explain, plan, format, decimals) {
  if (plan.withheld) return { ok: false, message: null };
  try {
    return { ok: true, text: explain(format, decimals, plan.variants) };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { ok: false, message: error.message };
  }
}
