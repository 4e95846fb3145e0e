// Text typed by a learner → a number, or the reason it is refused. Only plain decimal or
// scientific notation is accepted ("0.5", "-2", ".5", "1e-3", "−0.2", "0,5"); the result
// must be a finite double ("1e999" is refused, not turned into Infinity) and not underflow
// to zero ("1e-400" is refused; "0" and "-0" are 0).

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function parseNumber(text) {
  const cleaned = String(text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  if (!NUMBER.test(cleaned)) return { ok: false, reason: 'notNumber' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, reason: 'notFinite' };
  if (value === 0 && /[1-9]/.test(cleaned.split(/e/i)[0])) return { ok: false, reason: 'tooSmall' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
