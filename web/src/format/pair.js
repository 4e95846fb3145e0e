// Two numbers shown side by side (a step beside a variant's): enough decimals that they read differently. At the
// page's decimals when that already shows the difference; else the first decimal where they differ, and EXTRA_DIGITS
// more, so the size of the gap reads too (0.29102777369 and 0.29102792391 first differ at the 7th decimal: shown with
// 11). Equal numbers keep the page's decimals. Display only: the numbers themselves are never rounded.
import { MINUS, formatAscii, formatNumber } from './number.js';

export const EXTRA_DIGITS = 4;
export const MAX_PAIR_DECIMALS = 17; // a double's 17 significant digits: two different doubles differ by then

const comparable = (x) => typeof x === 'number' && Number.isFinite(x);

/** The decimals to show `a` and `b` with, from the page's `decimals`. */
export function pairDecimals(a, b, decimals) {
  if (!comparable(a) || !comparable(b) || a === b) return decimals;
  if (formatAscii(a, decimals) !== formatAscii(b, decimals)) return decimals;
  for (let k = decimals + 1; k <= MAX_PAIR_DECIMALS; k += 1)
    if (formatAscii(a, k) !== formatAscii(b, k)) return Math.min(k + EXTRA_DIGITS, MAX_PAIR_DECIMALS);
  return MAX_PAIR_DECIMALS;
}

/** The screen texts of both and the decimals used: { a, b, decimals }. */
export function formatPair(a, b, decimals, separator = '.') {
  const used = pairDecimals(a, b, decimals);
  return { a: formatNumber(a, used, separator), b: formatNumber(b, used, separator), decimals: used };
}

/**
 * A signed gap at those decimals ("−0.006"); where it is tiny, the same digits in scientific form ("+1.5021e−7" for
 * 0.00000015021: the text rounded at those decimals, rewritten, never rounded again); "0" for none.
 */
export function formatGap(x, decimals, separator = '.') {
  const fixed = formatAscii(Math.abs(x), decimals);
  const tiny = /^0\.(0{3,})(\d+)$/.exec(fixed); // below 0.001: three zeros or more after the point
  const digits = tiny?.[2];
  const magnitude = tiny
    ? `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e-${tiny[1].length + 1}`
    : fixed;
  const sign = x > 0 ? '+' : x < 0 ? '-' : '';
  const text = (sign + magnitude).replaceAll('-', MINUS);
  return separator === '.' ? text : text.replace('.', separator);
}
