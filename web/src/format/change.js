// A change shown as "old → new" (an update on the graph, in its formula and sentence; the sentence of an edit): when
// both round to the same text at the chosen precision ("0.2 → 0.2"), both get the fewest extra decimals that tell
// them apart ("0.2 → 0.1996", Mazur's w2 0.2 → 0.19956143 at 3). Only that label: elsewhere (tables, gradients)
// numbers keep the chosen precision. Pure: the same rule as every other number on screen (number.js), more places.
import { formatAscii, formatNumber } from './number.js';

// Two different doubles differ within 17 significant digits; 20 decimals covers those near 1 and stops a loop on
// values that would need more (two tiny ones: their scientific text has decimals − 1 mantissa places anyway).
const MOST_DECIMALS = 20;

/** The decimals at which old and new are told apart: `decimals` if they already are (or are the same number). */
export function changeDecimals(old, value, decimals) {
  if (Object.is(old, value) || !Number.isFinite(old) || !Number.isFinite(value)) return decimals;
  for (let places = decimals; places <= MOST_DECIMALS; places += 1)
    if (formatAscii(old, places) !== formatAscii(value, places)) return places;
  return decimals;
}

/** Screen texts of a change: { old, value } at the decimals that tell them apart ("," with the French separator). */
export function formatChange(old, value, decimals, separator = '.') {
  const places = changeDecimals(old, value, decimals);
  return { old: formatNumber(old, places, separator), value: formatNumber(value, places, separator) };
}
