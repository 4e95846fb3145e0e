// Share links in Node: every document the engine writes survives writeLink → readLink exactly (checked by the
// engine itself), small documents stay readable, large or unusual ones are packed, and bad links are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine, engineLimits } from '../../web/src/engine/engine.js';
import { readLink, writeLink } from '../../web/src/link/share-link.js';
import { base64urlToBytes } from '../../web/src/link/base64url.js';
import { inflate } from '../../web/src/link/deflate.js';
import { parseHide } from '../../web/src/link/hide.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

const limits = await engineLimits();

/** The document as the engine writes it after reading `doc`. */
async function canonical(doc) {
  const engine = await BackstepEngine.create(doc);
  try {
    return engine.document();
  } finally {
    engine.dispose();
  }
}

async function roundTrip(doc, extra = {}) {
  const written = await canonical(doc);
  const link = await writeLink({ document: written, ...extra });
  const read = await readLink(`#${link}`, limits);
  assert.equal(read.ok, true, read.message);
  assert.deepEqual(await canonical(read.document), written);
  return { link, read };
}

test('the seed and Mazur round-trip through readable links', async () => {
  const { link } = await roundTrip(seed);
  assert.equal(
    link,
    'v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&title=Backpropagation%20step%20by%20step',
  );
  const { link: m } = await roundTrip(mazur, {
    event: 8,
    position: { epoch: 0, sample: 0, step: 0 },
    settings: { decimals: 6 },
    defaults: { decimals: 3 },
    language: 'en',
  });
  assert.match(
    m,
    /^v=1&shape=2-2-2&act=sigmoid&bias=1,1&w=0\.15,.*&b=0\.35,0\.35,0\.6,0\.6&fixb=1&lr=0\.5&.*&at=8&dec=6&lang=en$/,
  );
});

test('position, frame, options and language come back as written', async () => {
  const { read } = await roundTrip(seed, {
    position: { epoch: 3, sample: 0, step: 3 },
    event: 17,
    settings: { decimals: 5, view: 'matrix', graph: 'operations', theme: 'dark', speed: 2 },
    defaults: {},
    language: 'en',
  });
  assert.deepEqual(read.position, { epoch: 3, sample: 0, step: 3 });
  assert.equal(read.event, 17);
  assert.deepEqual(read.settings, { decimals: 5, view: 'matrix', graph: 'operations', theme: 'dark', speed: 2 });
  assert.equal(read.language, 'en');
});

test('exact numbers: every double comes back bit for bit', async () => {
  const doc = structuredClone(seed);
  doc.weights = [
    [
      [0.1 + 0.2, -1e-300],
      [1.7976931348623157e308, 5e-324],
    ],
    [[-0, 123456789.123456789]],
  ];
  doc.learningRate = 0.1234567890123456789;
  await roundTrip(doc);
  const link = await writeLink({
    document: {
      ...(await canonical(seed)),
      weights: [
        [
          [-0, 1],
          [2, 3],
        ],
        [[4, 5]],
      ],
    },
  });
  assert.match(link, /&w=-0,1,2,3,4,5&/);
  assert.ok(Object.is((await readLink(link, limits)).document.weights[0][0][0], -0));
});

test('a large document or one with fields the readable form does not name is packed', async () => {
  const big = structuredClone(seed);
  big.samples = Array.from({ length: 400 }, (_, k) => ({ input: [k / 7, k / 13], target: [k / 3] }));
  const { link } = await roundTrip(big);
  assert.match(link, /^v=1&z=[A-Za-z0-9_-]+$/);
  const named = structuredClone(mazur);
  named.layers[1].name = 'hid';
  named.future = { note: 'from a later revision' };
  const { link: packed, read } = await roundTrip(named);
  assert.match(packed, /^v=1&z=/);
  assert.deepEqual(read.document.future, named.future);
});

test('broken links are refused with a message naming what is wrong', async () => {
  const cases = [
    ['#v=1&shape=2-2-1&act=linear&w=1,2,3,4,5,x&lr=0.1&data=1,2:1', 'link: w: "x" is not a number'],
    ['#v=1&shape=2-2-1&act=linear&w=1,2,3,4,5,6&lr=0.1&data=1,2', 'link: data: sample 1: expected inputs:targets'],
    ['#shape=2-2-1', 'link: no version (v=1)'],
    ['#v=1&v=1&shape=2-2-1', 'link: v appears twice'],
    [
      '#v=1&shape=2-2-1&act=linear&w=1,2,3,4,5,6&lr=0.1&data=1,2:1&dec=9',
      'link: dec: expected one of 2, 3, 4, 5, 6, got "9"',
    ],
    ['#v=1&shape=2-2-1&act=linear&w=1,2,3,4,5,6&lr=0.1&data=1,2:1&pos=1.2', 'link: pos: expected epoch.sample.step'],
    ['#json=%7B', 'link: json: not valid JSON'],
    ['#graph=ops', 'link: graph: expected one of neurons, operations, both, got "ops"'],
  ];
  for (const [link, message] of cases) {
    const read = await readLink(link, limits);
    assert.equal(read.ok, false, link);
    assert.ok(read.message.startsWith(message), `${read.message} should start with ${message}`);
  }
  assert.deepEqual(await readLink('', limits), {
    ok: true,
    document: null,
    position: null,
    event: 0,
    settings: {},
    language: null,
    variants: [],
  });
});

test('a hostile shape cannot make the reader allocate: layers of 0 neurons are refused', async () => {
  for (const link of [
    '#v=1&shape=0-4294967296&act=linear&w=&lr=1&data=:',
    '#v=1&shape=0-20000000-0&act=linear&w=&lr=1&data=:',
  ]) {
    const read = await readLink(link, limits);
    assert.deepEqual(read, { ok: false, message: 'link: shape: every layer has at least 1 neuron' });
  }
});

test('packed links carry the engine’s own text; a network too large for a link gets none', async () => {
  const doc = { ...(await canonical(seed)), future: { big: 12345678901234567890n.toString() } };
  const text = JSON.stringify(doc).replace('"12345678901234567890"', '12345678901234567890');
  const link = await writeLink({ document: JSON.parse(text), documentText: text });
  const payload = base64urlToBytes(new URLSearchParams(link).get('z'));
  assert.equal(
    new TextDecoder().decode(await inflate(payload, limits.maxBytes)),
    text,
    'the exact text, 20 digits kept',
  );
  const random = (k) => ((k * 2654435761) % 1000003) / 1000003;
  const huge = {
    ...(await canonical(seed)),
    samples: Array.from({ length: 30000 }, (_, k) => ({ input: [random(k), random(k + 1)], target: [random(k + 2)] })),
  };
  assert.equal(await writeLink({ document: huge }), null);
});

test('hide: the known parts, each once, whatever the spacing; unknown names ignored', () => {
  assert.deepEqual(parseHide('formula'), ['formula']);
  assert.deepEqual(parseHide(' controls , formula,formula'), ['formula', 'controls']);
  assert.deepEqual(parseHide('graph,<script>,'), []);
  assert.deepEqual(parseHide(null), []);
});
