// Numbers on screen. Computation is never rounded; only display is, with the C++ `explain`
// convention: round half away from zero on the decimal value, strip trailing zeros,
// and write negatives with the Unicode minus sign.

export const MINUS = '\u2212';
export const DECIMAL_CHOICES = [2, 3, 4, 5, 6];

/** The value shown at `decimals` places (display only). */
export function roundForDisplay(x, decimals) {
  const scale = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
}

/** ASCII text ("-0.809"): for TeX, where KaTeX draws the minus sign itself. */
export function formatAscii(x, decimals) {
  if (typeof x !== 'number' || Number.isNaN(x)) return '?';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  let text = roundForDisplay(x, decimals).toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** Screen text ("−0.809"). */
export function formatNumber(x, decimals) {
  return formatAscii(x, decimals).replace('-', MINUS);
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
