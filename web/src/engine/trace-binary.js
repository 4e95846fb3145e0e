// The trace of a step from its binary form (cpp/engine/TRACE.md, "Binary form"; TraceBinary in
// cpp/engine/trace.hpp): codes describing the JSON value, its numbers as doubles in order, its strings as indices
// into a string table. The value built here is the one JSON.parse gives for the engine's JSON text of the same step.

// The codes below `STRING`; a code STRING + k is string k of the table.
const BEGIN_OBJECT = 0;
const END_OBJECT = 1;
const BEGIN_ARRAY = 2;
const END_ARRAY = 3;
const NUMBER = 4;
const TRUE = 5;
const FALSE = 6;
const NULL = 7;
const STRING = 8;

/**
 * The value the codes describe.
 * @param {Uint32Array} codes
 * @param {Float64Array} numbers the numbers, in the order of the codes that take one
 * @param {string[]} strings the string table (and any strings after it)
 */
export function decodeTrace(codes, numbers, strings) {
  const stack = [];
  let root = null;
  let container = null; // the object or array being filled
  let inArray = false;
  let key = null; // in an object: the key read, waiting for its value
  let n = 0;
  for (let p = 0; p < codes.length; p += 1) {
    const code = codes[p];
    let value;
    if (code >= STRING) {
      value = strings[code - STRING];
      if (!inArray && key === null) {
        key = value;
        continue;
      }
    } else if (code === NUMBER) {
      value = numbers[n];
      n += 1;
    } else if (code === BEGIN_OBJECT || code === BEGIN_ARRAY) {
      value = code === BEGIN_OBJECT ? {} : [];
      if (container === null) root = value;
      else if (inArray) container.push(value);
      else {
        container[key] = value;
        key = null;
      }
      stack.push(container);
      container = value;
      inArray = code === BEGIN_ARRAY;
      continue;
    } else if (code === END_OBJECT || code === END_ARRAY) {
      container = stack.pop();
      inArray = Array.isArray(container);
      continue;
    } else if (code === NULL) value = null;
    else if (code === TRUE || code === FALSE) value = code === TRUE;
    else throw new Error(`trace: unknown code ${code} at ${p}`);
    if (inArray) container.push(value);
    else {
      container[key] = value;
      key = null;
    }
  }
  return root;
}
