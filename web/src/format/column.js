// Numbers in a table column (the gradient check's gradients): the chosen decimals with their trailing zeros, so a
// right-aligned column of tabular digits lines up on the decimal separator ("−0.688", "0.500", "2.000"). Rounded by
// the same rule as every other number (number.js); a number written in scientific notation, or not finite, as is.
import { formatNumber } from './number.js';

export function formatColumn(x, decimals, separator = '.') {
  const text = formatNumber(x, decimals, separator);
  if (!Number.isFinite(x) || text.includes('e') || decimals <= 0) return text;
  const [whole, fraction = ''] = text.split(separator);
  return `${whole}${separator}${fraction.padEnd(decimals, '0')}`;
}
