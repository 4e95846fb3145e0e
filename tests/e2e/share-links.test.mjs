// Share links: the address restores the network, the frame, the options and the language; hand-written
// #json= links open any document; links written today keep opening; broken or hostile links open the
// default network with a message, and nothing in them runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editValue, formulaText, text, usePage } from './harness.mjs';
import mazur from '../fixtures/mazur.json' with { type: 'json' };

const app = usePage();
const SEED_TITLE = 'Backpropagation step by step';

/** What a learner reads of the current frame: the counter, the caption, the formula and the graph's numbers. */
async function screen(page) {
  const testIds = [
    'counter',
    'formula-caption',
    'card-error',
    'card-difference-o1',
    'weight-w1',
    'weight-w6',
    'neuron-h1-value',
    'neuron-h1-delta',
  ];
  const values = {};
  for (const id of testIds) values[id] = (await page.getByTestId(id).first().textContent())?.trim();
  values.result = await formulaText(page, 'result');
  values.lang = await page.locator('.backstep').getAttribute('lang');
  return values;
}

test('share round trip: two edited weights, step 2, backward pass at δh1 — the link opens the same frame', async () => {
  const { page, errors } = await app.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await editValue(page, 'weight-w1', '0.5');
  await editValue(page, 'weight-w6', '-0.2');
  await page.getByTestId('precision').selectOption('4');
  await page.getByTestId('doc-title').click();
  await page.keyboard.press('End'); // the end of step 1
  await page.keyboard.press('ArrowRight'); // step 2 begins
  await page.getByTestId('phase-backward').click();
  for (let k = 0; k < 3 && (await text(page, 'formula-caption')) !== 'Hidden delta δh1'; k += 1)
    await page.keyboard.press('ArrowRight');
  assert.equal(await text(page, 'formula-caption'), 'Hidden delta δh1');
  assert.match(await text(page, 'counter'), /Step\s*2/);
  const before = await screen(page);

  await page.getByTestId('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v=1&shape=2-2-1&act=linear&w=/);
  assert.match(await text(page, 'status-text'), /Link copied/);
  await page.waitForFunction((expected) => window.location.href === expected, link); // the address bar follows

  const { page: opened, errors: openedErrors } = await app.open({ query: link.slice(link.indexOf('#')) });
  assert.deepEqual(await screen(opened), before);
  assert.deepEqual(errors, []);
  assert.deepEqual(openedErrors, []);
});

test('a hand-written #json= link with Mazur’s example shows E_total 0.298371 after the forward pass', async () => {
  const { page, errors } = await app.open({ query: `#json=${encodeURIComponent(JSON.stringify(mazur))}&dec=6` });
  await page.getByTestId('phase-error').click();
  assert.equal(await text(page, 'card-error'), '0.298371');
  assert.equal(await text(page, 'doc-title'), mazur.title);
  assert.deepEqual(errors, []);
});

test('a link of a 2-3-1 tanh network draws three hidden neurons', async () => {
  const { page } = await app.open({
    query: '#v=1&shape=2-3-1&act=tanh&w=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9&lr=0.1&data=1,2:0.5',
  });
  assert.equal(await page.locator('[data-testid^="neuron-h"][data-testid$="-value"]').count(), 3);
  assert.equal(await page.getByTestId('neuron-h3').count(), 1);
});

// Written on 2026-11-27; they must open with the same numbers in every later version.
const FIXED_LINKS = [
  {
    link: '#v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&title=Backpropagation%20step%20by%20step&pos=1.0.1&at=8&dec=4&lang=en',
    expect: {
      counter: /Epoch\s*2.*Step\s*2/s,
      'formula-caption': 'Hidden delta δh1',
      'card-error': '0.3272',
      'neuron-h1-value': '0.85',
      'neuron-h1-delta': 'δ −0.1133',
    },
  },
  {
    link: '#v=1&z=jY-xbsMwDER_RbiZcSW3AQqN_YSuhgYmoR0hiuVScoo0yL8XSoF27cQj-I7k3TBmPXOFx473p1JleXIg1FiTwOON96dF88IT15hn0wCzuz4qCImvogV-uKHEL4Hv7_QrCbyv8fIwwiPFWVhB2EUu8COnIn-0-w8dCJ8Sp2NtJ4fBds6R7XoXqOmebGdfQ6DH5IVs57YhBELKpcDjyGnclI-VVQ4bUc1tfRLWOc7TO1eBt53dEgqflyQ_seK8rBV-6Ok5ECrrJK11oT0zrnVVgb9hzs0ONmOUdDCj5rNhk7iKGpVLLC3V_f4N&at=3&lang=en',
    expect: {
      'doc-title': SEED_TITLE,
      'neuron-h1-value': '0.85',
      'neuron-h2-value': '0.48',
      'neuron-o1-value': '0.191',
    },
  },
  {
    link: '#v=1&shape=2-2-2&act=sigmoid&bias=1,1&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&fixb=1&lr=0.5&data=0.05,0.1:0.01,0.99&at=8&dec=6',
    expect: { 'card-error': '0.298371', 'neuron-o1-value': '0.751365', 'neuron-o2-value': '0.772928' },
  },
];

test('links written today keep opening with the same numbers', async () => {
  for (const { link, expect } of FIXED_LINKS) {
    const { page, errors } = await app.open({ query: link });
    for (const [id, wanted] of Object.entries(expect)) {
      const shown = await text(page, id);
      if (wanted instanceof RegExp) assert.match(shown, wanted, `${id} of ${link.slice(0, 60)}`);
      else assert.equal(shown, wanted, `${id} of ${link.slice(0, 60)}`);
    }
    assert.deepEqual(errors, []);
  }
});

// Each opens the default network with a message naming what was wrong; none may run anything.
const HOSTILE = [
  ['bad encoding', '#v=1&z=%%%', /percent-encoding/],
  ['not base64', '#v=1&z=!!!', /z: not base64url/],
  ['not deflate', '#v=1&z=AAAAAAAA', /z: not a packed document/],
  ['a zip bomb', null, /z: not a packed document, or larger than 4194304 bytes/],
  [
    'wrong shape',
    '#v=1&shape=2-2-1&act=linear&w=1,2&lr=0.1&data=1,2:1',
    /w: expected 6 weights for shape 2-2-1, got 2/,
  ],
  [
    'sizes over the limits',
    `#json=${encodeURIComponent(JSON.stringify({ ...mazur, layers: [{ size: 100000 }, ...mazur.layers.slice(1)] }))}`,
    /layers\[0\]\.size: expected at most 256/,
  ],
  [
    'script in a name',
    `#json=${encodeURIComponent(JSON.stringify({ ...mazur, layers: [{ size: 2, name: '<script>window.pwned=1</script>' }, ...mazur.layers.slice(1)] }))}`,
    /layers\[0\]\.name: expected at most 16 characters/,
  ],
  ['a 1 MB link', `#v=1&shape=2-2-1&title=${'x'.repeat(1_000_000)}`, /link: too long/],
  ['a newer version', '#v=7&shape=2-2-1', /version 7 is not one this backstep reads/],
  ['not JSON', '#json={"format":', /json: not valid JSON/],
  [
    'an impossible position',
    '#v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&pos=0.5.0',
    /position\.sample/,
  ],
];

test('ten kinds of broken or hostile links open the default network with a message, and nothing runs', async () => {
  const bomb = await (async () => {
    const { writeLink } = await import('../../web/src/link/share-link.js');
    const huge = { format: 'backstep/1', title: ' '.repeat(5 * 1024 * 1024) };
    const link = await writeLink({
      document: { ...huge, layers: [{ size: 1, name: 'n' }], weights: [], learningRate: 1, samples: [] },
    });
    return `#${link}`;
  })();
  for (const [kind, link, message] of HOSTILE) {
    const { page } = await app.open({ query: link ?? bomb });
    assert.equal(await text(page, 'doc-title'), SEED_TITLE, kind);
    assert.equal(await text(page, 'neuron-i1-value'), '2', kind);
    assert.match(await text(page, 'status-text'), message, kind);
    assert.equal(await page.evaluate(() => window.pwned), undefined, kind);
  }
});

test('HTML in a link’s title is shown as text, never run', async () => {
  const doc = { ...mazur, title: '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>' };
  const { page, errors } = await app.open({ query: `#json=${encodeURIComponent(JSON.stringify(doc))}` });
  assert.equal(await text(page, 'doc-title'), doc.title);
  assert.equal(await page.locator('.backstep img, .backstep script').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
});
