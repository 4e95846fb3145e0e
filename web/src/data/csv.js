// Training data as CSV text, both ways; pure (no DOM). Each non-blank line is one sample: the inputs, then the
// targets. Fields are separated by a tab, a semicolon or a comma, chosen from the first data line (a tab if it
// has one, else ";" if it has one, else ","), so a spreadsheet's export reads as it is, French ones included
// ("0,5;1" with ";": the comma is a decimal comma). Numbers are read as a learner's typed numbers are
// (parseNumber: "0,5", "−2", "1e-3"), surrounding spaces and double quotes are trimmed ("0,5" quoted in a
// comma-separated file is one field), a first line that is not all numbers is a header and is skipped.
// Numbers are written with String(x), the shortest text that reads back to the same double.
import { parseNumber } from '../edit/parse.js';

/** The most samples a document may hold (docs/network-document.md). */
export const MAX_SAMPLES = 100000;
const DETAIL_LENGTH = 40;

/** `text` cut to 40 characters (an ellipsis marks the cut). */
function cut(text) {
  const chars = [...text];
  return chars.length > DETAIL_LENGTH ? `${chars.slice(0, DETAIL_LENGTH - 1).join('')}…` : text;
}

const detectSeparator = (line) => (line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',');

/** A line with nothing but spaces and separators (",,," is how a spreadsheet writes an empty row). */
const isBlank = (line) => /^[\s,;]*$/.test(line);

/** The fields of one line, trimmed; a field in double quotes may hold the separator ("" is a quote in it). */
export function splitFields(line, separator) {
  const fields = [];
  let start = 0;
  for (;;) {
    let at = start;
    while (line[at] === ' ' || (line[at] === '\t' && separator !== '\t')) at += 1;
    let field;
    let end;
    if (line[at] === '"') {
      let text = '';
      let next = at + 1;
      for (;;) {
        const quote = line.indexOf('"', next);
        if (quote < 0) {
          text += line.slice(next);
          next = line.length;
          break;
        }
        text += line.slice(next, quote);
        if (line[quote + 1] === '"') {
          text += '"';
          next = quote + 2;
        } else {
          next = quote + 1;
          break;
        }
      }
      end = line.indexOf(separator, next);
      if (end < 0) end = line.length;
      field = text + line.slice(next, end);
    } else {
      end = line.indexOf(separator, start);
      if (end < 0) end = line.length;
      field = line.slice(start, end);
    }
    fields.push(field.trim());
    if (end >= line.length) return fields;
    start = end + 1;
  }
}

/**
 * A header is a first line with a field that is not a number (an empty field does not count: "1,,2" is a data
 * line with a missing number, reported as such, not a header that silently drops a sample).
 */
function isHeader(line) {
  return splitFields(line, detectSeparator(line)).some((field) => field !== '' && !parseNumber(field).ok);
}

/**
 * CSV text → samples for a network of `inputs` inputs and `outputs` outputs.
 * { ok: true, samples: [{ input, target }], header } or { ok: false, line, reason, detail }: `line` is 1-based in
 * the text (the header and blank lines count), `reason` one of 'columns' (not inputs + outputs fields), 'number'
 * (a field that is not a number; `detail` is the field), 'empty' (no sample) and 'tooMany' (more than
 * `maxSamples`); `detail` is the offending text, cut to 40 characters.
 * The option `decimalSeparator` (the learner's decimal mark, '.' or ',') is accepted but changes nothing:
 * parseNumber reads "0.5" and "0,5" alike wherever a comma is not the field separator, and a line with neither a
 * tab nor ";" is comma-separated whatever the language (its comma cannot be told from a decimal comma).
 */
export function parseSamples(text, { inputs, outputs, maxSamples = MAX_SAMPLES }) {
  const width = inputs + outputs;
  const lines = String(text ?? '')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/);
  const samples = [];
  let header = false;
  let first = true;
  let separator = null;
  const fail = (index, reason, detail) => ({ ok: false, line: index + 1, reason, detail: cut(detail) });
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (isBlank(line)) continue;
    if (first) {
      first = false;
      if (isHeader(line)) {
        header = true;
        continue;
      }
    }
    separator ??= detectSeparator(line);
    if (samples.length >= maxSamples) return fail(index, 'tooMany', line.trim());
    const fields = splitFields(line, separator);
    if (fields.length !== width) return fail(index, 'columns', line.trim());
    const values = [];
    for (const field of fields) {
      const number = parseNumber(field);
      if (!number.ok) return fail(index, 'number', field);
      values.push(number.value);
    }
    samples.push({ input: values.slice(0, inputs), target: values.slice(inputs) });
  }
  if (samples.length === 0) return fail(lines.length - 1, 'empty', '');
  return { ok: true, samples, header };
}

/** A name as a CSV field: quoted when it holds a separator, a quote or surrounding spaces. */
const nameField = (name) =>
  /[",;\t\r\n]/.test(name) || name !== name.trim() ? `"${name.replaceAll('"', '""')}"` : name;

/** Samples → CSV text: a header line of the names ("i1,i2,o1"), then one line per sample, numbers as String(x). */
export function formatSamples(samples, { inputNames, outputNames }) {
  const lines = [[...inputNames, ...outputNames].map((name) => nameField(String(name))).join(',')];
  for (const { input, target } of samples) lines.push([...input, ...target].map(String).join(','));
  return `${lines.join('\n')}\n`;
}
