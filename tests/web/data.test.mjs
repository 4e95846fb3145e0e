// Training data as CSV (web/src/data/csv.js): separators, decimal commas, quotes, headers, blank lines and the
// line numbers of refusals, limits, and an exact round trip of the written text; and the table's strings in both
// languages (the catalogs' data.* strings). The table itself needs a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { formatSamples, MAX_SAMPLES, parseSamples, splitFields } from '../../web/src/data/csv.js';
import allEn from '../../web/src/i18n/en.js';
import allFr from '../../web/src/i18n/fr.js';

const only = (table) => Object.fromEntries(Object.entries(table).filter(([key]) => key.startsWith('data.')));
const en = only(allEn);
const fr = only(allFr);

const xorSize = { inputs: 2, outputs: 1 };
const xor = [
  { input: [0, 0], target: [0] },
  { input: [0, 1], target: [1] },
  { input: [1, 0], target: [1] },
  { input: [1, 1], target: [0] },
];

test('XOR with a header x1,x2,y: the header is skipped, four samples', () => {
  const result = parseSamples('x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n', xorSize);
  assert.deepEqual(result, { ok: true, samples: xor, header: true });
});

test('without a header, the first line is a sample', () => {
  const result = parseSamples('0,0,0\n0,1,1\n1,0,1\n1,1,0', xorSize);
  assert.deepEqual(result, { ok: true, samples: xor, header: false });
});

test('header detection: names, quoted names, a half-named line; an empty field is not a header', () => {
  assert.equal(parseSamples('"x1","x2","y"\n1,2,3', xorSize).header, true);
  assert.equal(parseSamples('input 1;input 2;target\n1;2;3', xorSize).header, true);
  assert.equal(parseSamples('x1,2,3\n1,2,3', xorSize).header, true, 'not all numbers: a header');
  assert.equal(parseSamples('\n\n  x1\tx2\ty\n1\t2\t3', xorSize).header, true, 'the first non-blank line');
  assert.deepEqual(parseSamples('1,,3\n1,2,3', xorSize), { ok: false, line: 1, reason: 'number', detail: '' });
});

test('a header in one separator, data in another: the data line decides', () => {
  const result = parseSamples('x1,x2,y\n0,5;1;2', xorSize);
  assert.deepEqual(result.samples, [{ input: [0.5, 1], target: [2] }]);
});

test('";" with decimal commas (a French spreadsheet)', () => {
  const text = 'x1;x2;y\n0,5;-1,25;1\n−0,75 ; 2 ; 0,125\n';
  const result = parseSamples(text, { ...xorSize, decimalSeparator: ',' });
  assert.deepEqual(result, {
    ok: true,
    header: true,
    samples: [
      { input: [0.5, -1.25], target: [1] },
      { input: [-0.75, 2], target: [0.125] },
    ],
  });
});

test('tabs (pasted from a spreadsheet), with decimal commas or points', () => {
  const result = parseSamples('x1\tx2\ty\r\n0,5\t1.5\t2\r\n 3 \t 4\t5e-1\r\n', xorSize);
  assert.deepEqual(result.samples, [
    { input: [0.5, 1.5], target: [2] },
    { input: [3, 4], target: [0.5] },
  ]);
  assert.deepEqual(
    parseSamples('a\tb\tc\n1;2\t3\t4', xorSize),
    { ok: false, line: 2, reason: 'number', detail: '1;2' },
    'a tab wins over ";"',
  );
});

test('commas: a line without tab or ";" is comma-separated, so "0,5" there is two fields', () => {
  assert.deepEqual(parseSamples('0,5,1', xorSize).samples, [{ input: [0, 5], target: [1] }]);
  assert.deepEqual(parseSamples('0.5, 1 ,  2', xorSize).samples, [{ input: [0.5, 1], target: [2] }]);
});

test('quoted fields: quotes and spaces trimmed; a quoted field may hold the separator', () => {
  assert.deepEqual(parseSamples('"1", "2" ,"3"', xorSize).samples, [{ input: [1, 2], target: [3] }]);
  assert.deepEqual(parseSamples('"0,5","1,5",2', xorSize).samples, [{ input: [0.5, 1.5], target: [2] }]);
  assert.deepEqual(parseSamples('" 0,5 ";1;2', xorSize).samples, [{ input: [0.5, 1], target: [2] }]);
  assert.deepEqual(splitFields('"a ""b""",c', ','), ['a "b"', 'c']);
  assert.deepEqual(splitFields('1,2,', ','), ['1', '2', '']);
  assert.equal(parseSamples('"x",1,2\n1,2,3', xorSize).header, true);
});

test('blank lines (and empty spreadsheet rows) are skipped but counted in line numbers', () => {
  const text = '\nx1,x2,y\n\n0,0,0\n   \n,,\n0,1,oops\n';
  assert.deepEqual(parseSamples(text, xorSize), { ok: false, line: 7, reason: 'number', detail: 'oops' });
  const good = parseSamples('\n\n1,2,3\n\n\n4,5,6\n\n', xorSize);
  assert.deepEqual(good.samples, [
    { input: [1, 2], target: [3] },
    { input: [4, 5], target: [6] },
  ]);
});

test('a bad third row: line 3, reason number, the field as detail', () => {
  assert.deepEqual(parseSamples('0,0,0\n0,1,1\n1,abc,1\n1,1,0', xorSize), {
    ok: false,
    line: 3,
    reason: 'number',
    detail: 'abc',
  });
  assert.deepEqual(parseSamples('x1,x2,y\n0,0,0\n1,1e999,1', xorSize), {
    ok: false,
    line: 3,
    reason: 'number',
    detail: '1e999',
  });
  assert.equal(parseSamples('1,2,3\n1,2,1e-400', xorSize).reason, 'number', 'underflow to zero is refused');
});

test('wrong number of columns: reason columns, with its line and the line as detail', () => {
  assert.deepEqual(parseSamples('x1,x2,y\n0,0,0\n0,1\n', xorSize), {
    ok: false,
    line: 3,
    reason: 'columns',
    detail: '0,1',
  });
  assert.deepEqual(parseSamples('0,0,0,0', xorSize), { ok: false, line: 1, reason: 'columns', detail: '0,0,0,0' });
  assert.equal(parseSamples('1,2,3,', xorSize).reason, 'columns', 'a trailing separator is one field more');
  assert.equal(parseSamples('1;2;3\n1,2,3', xorSize).reason, 'columns', 'the separator of the first line holds');
});

test('the detail is cut to 40 characters', () => {
  const long = `${'1,'.repeat(30)}1`;
  const result = parseSamples(long, xorSize);
  assert.equal(result.reason, 'columns');
  assert.equal([...result.detail].length, 40);
  assert.ok(result.detail.endsWith('…'));
  assert.equal(parseSamples(`1,2,3\n1,2,${'x'.repeat(100)}`, xorSize).detail.length, 40);
});

test('empty: no text, only blank lines, or only a header', () => {
  for (const text of ['', '\n\n  \n', 'x1,x2,y\n', '\uFEFF']) {
    const result = parseSamples(text, xorSize);
    assert.equal(result.ok, false, JSON.stringify(text));
    assert.equal(result.reason, 'empty');
    assert.equal(result.detail, '');
  }
  assert.equal(parseSamples('x1,x2,y\n', xorSize).line, 2);
});

test('a byte-order mark does not hide the header', () => {
  assert.deepEqual(parseSamples('\uFEFFx1,x2,y\n1,2,3', xorSize), {
    ok: true,
    header: true,
    samples: [{ input: [1, 2], target: [3] }],
  });
});

test('tooMany: more than maxSamples, at the line of the first sample too many', () => {
  assert.deepEqual(parseSamples('x,y\n1,2\n3,4\n\n5,6\n', { inputs: 1, outputs: 1, maxSamples: 2 }), {
    ok: false,
    line: 5,
    reason: 'tooMany',
    detail: '5,6',
  });
  assert.equal(parseSamples('1,2\n3,4', { inputs: 1, outputs: 1, maxSamples: 2 }).ok, true, 'exactly the limit');
  assert.equal(MAX_SAMPLES, 100000);
  const lines = Array.from({ length: MAX_SAMPLES + 1 }, (_, i) => `${i},${i % 2}`);
  const over = parseSamples(lines.join('\n'), { inputs: 1, outputs: 1 });
  assert.deepEqual([over.ok, over.line, over.reason], [false, MAX_SAMPLES + 1, 'tooMany']);
  assert.equal(parseSamples(lines.slice(1).join('\n'), { inputs: 1, outputs: 1 }).samples.length, MAX_SAMPLES);
});

test('several inputs and outputs: inputs first, then targets', () => {
  const result = parseSamples('0.05,0.1,0.01,0.99', { inputs: 2, outputs: 2 });
  assert.deepEqual(result.samples, [{ input: [0.05, 0.1], target: [0.01, 0.99] }]);
});

test('formatSamples: a header of the names, then String(x) for each number', () => {
  const text = formatSamples(xor, { inputNames: ['i1', 'i2'], outputNames: ['o1'] });
  assert.equal(text, 'i1,i2,o1\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
  assert.deepEqual(parseSamples(text, xorSize), { ok: true, samples: xor, header: true });
  assert.equal(formatSamples([], { inputNames: ['a,b', 'c"'], outputNames: [' d'] }), '"a,b","c"""," d"\n');
});

test('round trip of awkward doubles: exactly the same numbers back (−0 reads as 0, as everywhere on the page)', () => {
  const awkward = [
    0.1,
    1e-7,
    -0,
    123456789.123,
    2 ** -1074,
    -(2 ** -1074),
    Number.MAX_VALUE,
    0.1 + 0.2,
    1e21,
    -1.5e-300,
  ];
  const samples = awkward.map((x, i) => ({ input: [x, awkward[(i + 1) % awkward.length]], target: [-x] }));
  const text = formatSamples(samples, { inputNames: ['i1', 'i2'], outputNames: ['o1'] });
  const result = parseSamples(text, xorSize);
  assert.equal(result.ok, true);
  assert.equal(result.header, true);
  assert.equal(result.samples.length, samples.length);
  result.samples.forEach((sample, i) => {
    [...sample.input, ...sample.target].forEach((value, k) => {
      const expected = [...samples[i].input, ...samples[i].target][k];
      assert.ok(value === expected && !Object.is(value, -0), `${value} for ${expected}`);
    });
  });
  assert.ok(text.includes('5e-324'), '2^-1074 written as its shortest text');
  assert.ok(text.includes('\n0.1,1e-7,-0.1\n'));
  assert.ok(text.includes('123456789.123'));
});

test('the strings: same keys in English and French, all prefixed data., same placeholders', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, text] of Object.entries(en)) {
    assert.ok(key.startsWith('data.'), key);
    assert.deepEqual(placeholders(fr[key]), placeholders(text), key);
  }
  for (const reason of ['empty', 'notNumber', 'notFinite', 'tooSmall']) assert.ok(en[`data.cell.refused.${reason}`]);
  for (const reason of ['columns', 'number', 'empty', 'tooMany']) assert.ok(en[`data.csv.${reason}`]);
});
