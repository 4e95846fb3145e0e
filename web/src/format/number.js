// Numbers on screen. Computation is never rounded; only display is, with the rule of the C++
// `explain` (cpp/engine/number_format.hpp; both are checked against tests/vectors/rounding.json):
// NaN → "NaN"; ±∞ → "∞" / "−∞"; 0 and −0 → "0". |x| ≥ 1e15 → scientific: mantissa with
// max(d − 1, 1) decimals, trailing zeros stripped, exponent without "+" or leading zeros ("1.3e15",
// "4.39e−4"); a carry moves to the next exponent (9.9999e15 at 4 → "1e16"). Otherwise d decimals,
// trailing zeros stripped, and scientific when that rounds to zero (too small to show at d places).
// All rounding is half away from zero on the double's exact binary value, never on a product or
// on its shortest decimal text: 0.125 at 2 → "0.13" (an exact tie), 2.675 at 2 → "2.67" (the
// double is 2.67499999999999982…), −0.68765 at 4 → "−0.6876" (the double is −0.687649999999…).
// toFixed and toExponential are specified exactly so (ECMAScript: the integer n nearest the exact
// value, the larger n on a tie), so they are used on the magnitude, with no nudge and no product.
// Negatives use the Unicode minus sign on screen.

export const MINUS = '\u2212';
export const DECIMAL_CHOICES = [2, 3, 4, 5, 6];

const stripZeros = (text) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/** "4.39e-4" for a magnitude: `decimals − 1` (at least 1) mantissa places, trailing zeros stripped. */
function scientific(magnitude, decimals) {
  const [mantissa, exponent] = magnitude.toExponential(Math.max(decimals - 1, 1)).split('e');
  return `${stripZeros(mantissa)}e${Number(exponent)}`;
}

/** ASCII text ("-0.809", "-4.39e-4"): for TeX, where KaTeX draws the minus sign itself. */
export function formatAscii(x, decimals) {
  if (typeof x !== 'number') return '?';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const sign = x < 0 ? '-' : '';
  const magnitude = Math.abs(x);
  if (magnitude < 1e15) {
    const fixed = stripZeros(magnitude.toFixed(decimals));
    if (fixed !== '0') return sign + fixed;
  }
  return sign + scientific(magnitude, decimals);
}

/** Screen text ("−0.809", "−4.39e−4"; "−0,809" with the separator ","): never in formulas, which keep ".". */
export function formatNumber(x, decimals, separator = '.') {
  const text = formatAscii(x, decimals).replaceAll('-', MINUS);
  return separator === '.' ? text : text.replace('.', separator);
}

/** A relative difference (gradient check): tiny when all is well, so two significant digits ("3.2e−9"). */
export function formatRelative(x, separator = '.') {
  return formatNumber(x, 1, separator);
}

/** A factor in a product: negatives in parentheses ("(−0.809)"). */
export function formatFactor(x, decimals, separator = '.') {
  const text = formatNumber(x, decimals, separator);
  return text.startsWith(MINUS) ? `(${text})` : text;
}

/** One-based counter text for a zero-based engine index. */
export function ordinal(index) {
  return String(index + 1);
}
