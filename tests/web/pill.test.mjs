// A weight's label rows (graph/pill.js), with the gradient check on the graph: the estimate and the relative
// difference under the gradient ('row'), or a mark after it ('mark'), only once the gradient is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { pillRows } from '../../web/src/graph/pill.js';
import { formatNumber, formatRelative } from '../../web/src/format/number.js';

const format = (value) => formatNumber(value, 3);
const texts = (rows) => rows.map((row) => row.map((part) => part.text).join(' '));
// The seed step's w5 (worked example): ∂E/∂w5 = −0.688; a finite-difference estimate and its relative difference.
const w5 = { name: 'w5', value: 0.14, updated: null, gradient: -0.68845, check: null };
const check = { numeric: -0.6884500000032, relativeDifference: 4.7e-12 };

test('the check row reads the estimate and the relative difference, under the gradient', () => {
  const rows = pillRows({ ...w5, check }, { mode: 'inline', checkMode: 'row', format, relative: formatRelative });
  assert.deepEqual(texts(rows), ['w5 0.14', '∂ −0.688', '≈ −0.688 · 4.7e−12']);
});

test('where a row would hide labels, a mark after the gradient: ✓ when they agree, ≠ when not', () => {
  const options = { mode: 'stacked', checkMode: 'mark', format, relative: formatRelative };
  assert.deepEqual(texts(pillRows({ ...w5, check }, options)), ['w5 0.14', '∂ −0.688 ✓']);
  const off = { numeric: -0.5, relativeDifference: 0.27 };
  assert.deepEqual(texts(pillRows({ ...w5, check: off }, options)), ['w5 0.14', '∂ −0.688 ≠']);
});

test('no gradient yet (the forward pass), or no check: no check row', () => {
  const options = { mode: 'inline', checkMode: 'row', format, relative: formatRelative };
  assert.deepEqual(texts(pillRows({ ...w5, gradient: null, check }, options)), ['w5 0.14']);
  assert.deepEqual(texts(pillRows(w5, options)), ['w5 0.14', '∂ −0.688']);
});
