// A value as JavaScript source: JSON's data plus what JSON cannot write, so that a generated module gives back the
// same numbers bit for bit: −0, NaN and ±Infinity. Numbers are written as String(x) writes them (the shortest text
// that reads back as the same double).

/** The source text of `value` (null, booleans, numbers, strings, arrays and plain objects). */
export function jsLiteral(value) {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${jsLiteral(item)}`)
      .join(',')}}`;
  throw new TypeError(`jsLiteral: cannot write ${typeof value === 'object' ? value.constructor?.name : typeof value}`);
}
