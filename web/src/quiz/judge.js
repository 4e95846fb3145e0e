// Judging a typed answer against the engine's number, at the precision it is shown with.
// Right when either
//   - the answer rounds to the same text as the engine's number at those decimals (format/number.js: 0.853 and
//     0.85 are both "0.85" at 2 decimals), or
//   - it lies within half a unit of the last shown decimal of the engine's number (at 3 decimals, ±0.0005; for a
//     number shown in scientific notation, half a unit of its mantissa's last place: 4.39e−4 at 3, ±0.005e−4),
//     so an answer rounded the other way at a tie is not refused.
// A learner who types more digits than shown is right as long as they round to what the page would show.
// The text is read by edit/parse.js: "0,85" (a decimal comma), "−0.11", "-0.11", ".5", "1e-3".
import { parseNumber } from '../edit/parse.js';
import { formatAscii } from '../format/number.js';

/** Half a unit of the last decimal `value` is shown with at `decimals`. */
export function tolerance(value, decimals) {
  const shown = formatAscii(value, decimals);
  const exponent = /e(-?\d+)$/.exec(shown);
  if (!exponent) return 0.5 * 10 ** -decimals;
  return 0.5 * 10 ** (Number(exponent[1]) - Math.max(decimals - 1, 1));
}

/** True when `answer` (a number) counts as the engine's `value` shown at `decimals`. */
export function isRight(answer, value, decimals) {
  if (formatAscii(answer, decimals) === formatAscii(value, decimals)) return true;
  return Math.abs(answer - value) <= tolerance(value, decimals) * (1 + 1e-9);
}

/**
 * A typed answer judged: { ok: true, right, answer } or { ok: false, reason } (the text is not a number:
 * edit/parse.js's reasons, 'empty', 'notNumber' …).
 */
export function judge(text, question) {
  const parsed = parseNumber(text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, answer: parsed.value, right: isRight(parsed.value, question.value, question.decimals) };
}
