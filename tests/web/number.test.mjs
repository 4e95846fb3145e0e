// Display rounding on the page (web/src/format/number.js) against the shared vectors in
// tests/vectors/rounding.json, which Python's decimal module computed independently
// (tests/vectors/make-rounding-vectors.py); the C++ explain is checked against the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatAscii, formatFactor, formatNumber, MINUS } from '../../web/src/format/number.js';

const cases = JSON.parse(readFileSync(new URL('../vectors/rounding.json', import.meta.url), 'utf8'));
const LARGEST = Number.MAX_VALUE;

test('formatAscii writes every shared rounding vector', () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  for (const { value, decimals, text } of cases) {
    assert.equal(formatAscii(Number(value), decimals), text, `${value} at ${decimals} decimals`);
  }
});

test('formatNumber uses the Unicode minus, in the number and in the exponent', () => {
  assert.equal(MINUS, '\u2212');
  assert.equal(formatNumber(-0.68765, 4), '−0.6876', 'the double is −0.687649999999…');
  assert.equal(formatNumber(-0.125, 2), '−0.13', 'an exact tie: away from zero');
  assert.equal(formatNumber(1.005, 2), '1', 'the double is 1.00499999999999989…');
  assert.equal(formatNumber(-0.0005, 3), '−0.001');
  assert.equal(formatNumber(-0.000438568, 3), '−4.39e−4');
  assert.equal(formatNumber(2, 15), '2');
  assert.equal(formatNumber(3e11, 4), '300000000000');
  assert.equal(formatNumber(-LARGEST, 4), '−1.798e308');
  assert.equal(formatNumber(-0, 3), '0');
  assert.equal(formatNumber(-Infinity, 3), '−∞');
  assert.equal(formatNumber(Infinity, 3), '∞');
  assert.equal(formatNumber(NaN, 3), 'NaN');
  assert.equal(formatNumber(undefined, 3), '?');
});

test('formatFactor puts negatives in parentheses', () => {
  assert.equal(formatFactor(-0.809, 3), '(−0.809)');
  assert.equal(formatFactor(0.14, 3), '0.14');
  assert.equal(formatFactor(-0.000438568, 3), '(−4.39e−4)');
  assert.equal(formatFactor(-LARGEST, 0), '(−1.8e308)');
  assert.equal(formatFactor(0, 3), '0');
});

test('the largest and smallest doubles are finite numbers at every setting', () => {
  for (const x of [LARGEST, -LARGEST, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308]) {
    for (let decimals = 0; decimals <= 15; decimals += 1) {
      for (const text of [formatAscii(x, decimals), formatNumber(x, decimals), formatFactor(x, decimals)]) {
        assert.doesNotMatch(text, /Infinity|NaN|∞|undefined/, `${x} at ${decimals}: ${text}`);
        assert.match(text, /^\(?[-−]?[1-9](\.\d+)?e[-−]?\d+\)?$/, `${x} at ${decimals}: ${text}`);
      }
    }
  }
});
