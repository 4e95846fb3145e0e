// Numbers on screen. Computation is never rounded; only display is, with the C++ `explain`
// convention: round half away from zero on the decimal value, strip trailing zeros,
// and write negatives with the Unicode minus sign. Magnitudes ≥ 1e15, or too small to show
// at `decimals` places, are written in scientific notation ("1.2e30", "4.39e−4").

export const MINUS = '\u2212';
export const DECIMAL_CHOICES = [2, 3, 4, 5, 6];

// × (1 + ε), as in C++: a product within an ulp of a half (1.005 × 100 = 100.49999999999999)
// is the half a person reads, so it rounds away from zero.
const NUDGE = 1 + Number.EPSILON;

/** The value shown at `decimals` places (display only). */
export function roundForDisplay(x, decimals) {
  const scale = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * scale * NUDGE)) / scale;
}

const stripZeros = (text) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/** True when `x` is written in scientific notation. 0.5 / 10 ** d, not 0.5 * 10 ** -d:
 * 10 ** -4 is not the double nearest 1e-4 in JavaScript, and C++ computes 0.5 / pow(10, d). */
function isScientific(x, decimals) {
  const a = Math.abs(x);
  return a >= 1e15 || a < 0.5 / 10 ** decimals;
}

/** "-4.39e-4": mantissa with `decimals − 1` (at least 1) places, trailing zeros stripped. */
function scientific(x, decimals) {
  const [mantissa, exponent] = (x * NUDGE).toExponential(Math.max(decimals - 1, 1)).split('e');
  return `${stripZeros(mantissa)}e${Number(exponent)}`;
}

/** ASCII text ("-0.809", "-4.39e-4"): for TeX, where KaTeX draws the minus sign itself. */
export function formatAscii(x, decimals) {
  if (typeof x !== 'number' || Number.isNaN(x)) return '?';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  if (isScientific(x, decimals)) return scientific(x, decimals);
  const text = stripZeros(roundForDisplay(x, decimals).toFixed(decimals));
  return text === '-0' ? '0' : text;
}

/** Screen text ("−0.809", "−4.39e−4"). */
export function formatNumber(x, decimals) {
  return formatAscii(x, decimals).replaceAll('-', MINUS);
}

/** A factor in a product: negatives in parentheses ("(−0.809)"). */
export function formatFactor(x, decimals) {
  const text = formatNumber(x, decimals);
  return text.startsWith(MINUS) ? `(${text})` : text;
}

/** One-based counter text for a zero-based engine index. */
export function ordinal(index) {
  return String(index + 1);
}
