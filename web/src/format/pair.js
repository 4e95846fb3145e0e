// Two numbers shown side by side (a step beside a variant's): enough decimals that they read differently. At the
// page's decimals when that already shows the difference; else the first decimal where they differ, and EXTRA_DIGITS
// more, so the size of the gap reads too (0.29102777369 and 0.29102792391 first differ at the 7th decimal: shown with
// 11). Equal numbers keep the page's decimals. Display only: the numbers themselves are never rounded.
import { formatAscii, formatNumber } from './number.js';

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
 * The first decimal at which the two read differently (0 for the units, 1 for tenths …), from their digits alone;
 * null for two equal numbers or ones that are not both finite. 0.29102777369 and 0.29102792391: 7.
 */
export function firstDifferingDecimal(a, b) {
  if (!comparable(a) || !comparable(b) || a === b) return null;
  for (let k = 0; k <= MAX_PAIR_DECIMALS; k += 1) if (a.toFixed(k) !== b.toFixed(k)) return k; // fixed point, never e-notation
  return MAX_PAIR_DECIMALS;
}
