// Share links: a network document, the frame on screen and the display options, in the fragment of a
// URL (the part after #, which never reaches a server). Specified in docs/share-links.md.
//
//   readable  #v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&data=2,3:1&lr=0.05&at=12&dec=4
//   packed    #v=1&z=<base64url of the deflated document JSON>&at=12&dec=4   (large documents, or fields
//             the readable form does not name)
//   by hand   #json=<the document as URL-encoded JSON>
//
// This file only reads and writes the link's syntax: the engine validates the document it yields.
import { base64urlToBytes, bytesToBase64url } from './base64url.js';
import { deflate, inflate } from './deflate.js';
import { DECIMAL_CHOICES } from '../format/number.js';
import { GRAPH_VIEWS, QUIZ_SETS, SPEEDS, THEMES, VIEWS } from '../state/initial.js';
import { parseVariants, variantsText } from '../state/variants.js';

export const LINK_VERSION = '1';
export const MAX_LINK_LENGTH = 200_000; // characters: a longer link is refused before it is read
const READABLE_MAX_LENGTH = 2000;

const READABLE_FIELDS = new Set([
  'format',
  'title',
  'layers',
  'weights',
  'biases',
  'trainBiases',
  'loss',
  'learningRate',
  'batchSize',
  'samples',
]);
const DOCUMENT_KEYS = ['shape', 'act', 'bias', 'w', 'b', 'fixb', 'lr', 'batch', 'data', 'title'];

/** Display options a link carries: name in the link → setting, and the value the page starts with. */
export const LINK_OPTIONS = {
  dec: { setting: 'decimals', parse: Number, values: DECIMAL_CHOICES },
  view: { setting: 'view', parse: String, values: VIEWS },
  graph: { setting: 'graph', parse: String, values: GRAPH_VIEWS },
  theme: { setting: 'theme', parse: String, values: THEMES },
  speed: { setting: 'speed', parse: Number, values: SPEEDS },
  quiz: { setting: 'quiz', parse: String, values: QUIZ_SETS }, // with pos and at: "compute δ(h1) yourself"
};

/** The variants compared with the step (state/variants.js): `variant=output-first,round-2`; none by default. */
export const LINK_VARIANTS = {
  key: 'variant',
  write: variantsText,
  read: (text) => {
    const read = parseVariants(text);
    return read.ok ? read.names : fail(`variant: ${read.message}`);
  },
};

class LinkError extends Error {}
const fail = (message) => {
  throw new LinkError(message);
};

// A value as it appears after "key=": percent-encoded, except the separators the readable form uses.
const encodeValue = (text) =>
  encodeURIComponent(text).replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%3B', ';');
// The shortest text that reads back to the same double (String), and −0 kept as such.
const numberText = (x) => (Object.is(x, -0) ? '-0' : String(x));
const numbers = (values) => values.map(numberText).join(',');

function readableParts(doc) {
  const layers = doc.layers;
  const activations = layers.slice(1).map((layer) => layer.activation);
  const parts = [
    ['shape', layers.map((layer) => layer.size).join('-')],
    ['act', activations.every((name) => name === activations[0]) ? activations[0] : activations.join(',')],
  ];
  const withBias = layers.slice(1).map((layer) => Boolean(layer.bias));
  if (withBias.some(Boolean)) parts.push(['bias', withBias.map((on) => (on ? 1 : 0)).join(',')]);
  parts.push(['w', numbers(doc.weights.flat(2))]);
  if (withBias.some(Boolean)) parts.push(['b', numbers(doc.biases.filter((_, l) => withBias[l]).flat())]);
  if (withBias.some(Boolean) && doc.trainBiases === false) parts.push(['fixb', '1']);
  parts.push(['lr', numberText(doc.learningRate)]);
  if ((doc.batchSize ?? 1) !== 1) parts.push(['batch', String(doc.batchSize)]);
  parts.push(['data', doc.samples.map((sample) => `${numbers(sample.input)}:${numbers(sample.target)}`).join(';')]);
  if (doc.title) parts.push(['title', doc.title]);
  return parts;
}

function canBeReadable(doc) {
  return (
    Object.keys(doc).every((key) => READABLE_FIELDS.has(key)) && doc.layers.every((layer) => layer.name === undefined)
  );
}

const join = (parts) => parts.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&');

/**
 * The fragment (without "#") for `document` (as the engine wrote it; `documentText`, the engine's own text of it,
 * keeps every number exact in a packed link) at `position`, frame `event`, with the display `settings` that
 * differ from `defaults`, `language` and the `variants` compared with the step; null if the link would be longer
 * than a reader accepts.
 */
export async function writeLink({
  document,
  position = null,
  event = 0,
  settings = {},
  defaults = {},
  language = null,
  variants = [],
  documentText = JSON.stringify(document),
}) {
  const tail = [];
  if (position && (position.epoch || position.sample || position.step))
    tail.push(['pos', `${position.epoch}.${position.sample}.${position.step}`]);
  if (event) tail.push(['at', String(event)]);
  for (const [key, option] of Object.entries(LINK_OPTIONS)) {
    const value = settings[option.setting];
    if (value !== undefined && value !== defaults[option.setting]) tail.push([key, String(value)]);
  }
  if (language) tail.push(['lang', language]);
  if (variants.length) tail.push([LINK_VARIANTS.key, LINK_VARIANTS.write(variants)]);
  if (canBeReadable(document)) {
    const readable = join([['v', LINK_VERSION], ...readableParts(document), ...tail]);
    if (readable.length <= READABLE_MAX_LENGTH) return readable;
  }
  const packed = bytesToBase64url(await deflate(new TextEncoder().encode(documentText)));
  const link = join([['v', LINK_VERSION], ['z', packed], ...tail]);
  return link.length <= MAX_LINK_LENGTH ? link : null; // too large to share: a reader would refuse it
}

// "key=value&…" → Map; a repeated key or bad percent-encoding is refused.
function fields(fragment) {
  const map = new Map();
  for (const pair of fragment.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    let value;
    try {
      value = decodeURIComponent(at < 0 ? '' : pair.slice(at + 1));
    } catch {
      fail(`${key}: the percent-encoding is broken`);
    }
    if (map.has(key)) fail(`${key} appears twice`);
    map.set(key, value);
  }
  return map;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function numberList(text, key) {
  if (text === '') return [];
  return text.split(',').map((item) => {
    const value = Number(item);
    if (!NUMBER.test(item) || !Number.isFinite(value)) fail(`${key}: "${item.slice(0, 20)}" is not a number`);
    return value;
  });
}

function count(text, key) {
  if (!/^\d{1,15}$/.test(text)) fail(`${key}: expected a whole number, got "${text.slice(0, 20)}"`);
  return Number(text);
}

function readableDocument(map) {
  const sizes = (map.get('shape') ?? '').split('-').map((size) => count(size, 'shape'));
  if (sizes.length < 2) fail('shape: expected sizes like 2-2-1');
  // Sizes of at least 1 bound every array built below by the link's own length (each weight is written in it).
  if (sizes.some((size) => size < 1)) fail('shape: every layer has at least 1 neuron');
  const later = sizes.length - 1;
  const act = (map.get('act') ?? fail('act: missing')).split(',');
  if (act.length !== 1 && act.length !== later) fail(`act: expected 1 or ${later} activations, got ${act.length}`);
  const bias = map.has('bias') ? map.get('bias').split(',') : Array(later).fill('0');
  if (bias.length !== later || bias.some((flag) => flag !== '0' && flag !== '1'))
    fail(`bias: expected ${later} flags, 0 or 1`);
  const layers = sizes.map((size, k) =>
    k === 0 ? { size } : { size, activation: act.length === 1 ? act[0] : act[k - 1], bias: bias[k - 1] === '1' },
  );

  const flat = numberList(map.get('w') ?? '', 'w');
  const expected = sizes.slice(1).reduce((sum, size, l) => sum + size * sizes[l], 0);
  if (flat.length !== expected)
    fail(`w: expected ${expected} weights for shape ${sizes.join('-')}, got ${flat.length}`);
  let next = 0;
  const weights = sizes
    .slice(1)
    .map((size, l) => Array.from({ length: size }, () => flat.slice(next, (next += sizes[l]))));

  const doc = { format: 'backstep/1' };
  if (map.has('title')) doc.title = map.get('title');
  Object.assign(doc, { layers, weights });
  if (bias.includes('1')) {
    const given = numberList(map.get('b') ?? '', 'b');
    const wanted = sizes.slice(1).reduce((sum, size, l) => sum + (bias[l] === '1' ? size : 0), 0);
    if (given.length !== wanted) fail(`b: expected ${wanted} biases, got ${given.length}`);
    let at = 0;
    doc.biases = sizes
      .slice(1)
      .map((size, l) => (bias[l] === '1' ? given.slice(at, (at += size)) : Array(size).fill(0)));
    doc.trainBiases = map.get('fixb') !== '1';
  }
  doc.learningRate = numberList(map.get('lr') ?? fail('lr: missing'), 'lr')[0] ?? fail('lr: missing');
  if (map.has('batch')) doc.batchSize = count(map.get('batch'), 'batch');
  doc.samples = (map.get('data') ?? fail('data: missing')).split(';').map((sample, s) => {
    const [input, target, extra] = sample.split(':');
    if (target === undefined || extra !== undefined) fail(`data: sample ${s + 1}: expected inputs:targets`);
    return { input: numberList(input, 'data'), target: numberList(target, 'data') };
  });
  return doc;
}

async function packedDocument(text, maxBytes) {
  const bytes = base64urlToBytes(text);
  if (!bytes) fail('z: not base64url');
  const inflated = await inflate(bytes, maxBytes);
  if (!inflated) fail(`z: not a packed document, or larger than ${maxBytes} bytes`);
  return parseJson(inflated, 'z');
}

function parseJson(textOrBytes, key) {
  try {
    const text =
      typeof textOrBytes === 'string' ? textOrBytes : new TextDecoder('utf-8', { fatal: true }).decode(textOrBytes);
    return JSON.parse(text);
  } catch (error) {
    return fail(`${key}: not valid JSON (${error.message.slice(0, 80)})`);
  }
}

function options(map) {
  const settings = {};
  for (const [key, option] of Object.entries(LINK_OPTIONS)) {
    if (!map.has(key)) continue;
    const value = option.parse(map.get(key));
    if (!option.values.includes(value))
      fail(`${key}: expected one of ${option.values.join(', ')}, got "${map.get(key).slice(0, 20)}"`);
    settings[option.setting] = value;
  }
  return settings;
}

/**
 * Reads a fragment ("#…" or "…"): { ok: true, document (or null), position, event, settings, language, variants }
 * or { ok: false, message }. A packed document stops inflating at `maxBytes` (the engine's limit); `limits` is
 * { maxBytes } or an async function that gives it, called only for a packed document (the engine's limits load the
 * engine: a link without a document draws its example first). Nothing in it is ever inserted as HTML or run.
 */
export async function readLink(fragment, limits) {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    if (text.length > MAX_LINK_LENGTH) fail(`too long: ${text.length} characters, the limit is ${MAX_LINK_LENGTH}`);
    const map = fields(text);
    let document = null;
    if (map.has('json')) document = parseJson(map.get('json'), 'json');
    else if (map.has('z') || DOCUMENT_KEYS.some((key) => map.has(key))) {
      const version = map.get('v');
      if (version === undefined) fail('no version (v=1)');
      if (version !== LINK_VERSION)
        fail(`version ${version.slice(0, 10)} is not one this backstep reads (${LINK_VERSION})`);
      if (map.has('z')) {
        const { maxBytes } = typeof limits === 'function' ? await limits() : limits;
        if (!Number.isFinite(maxBytes)) throw new Error('readLink: no byte limit for a packed document');
        document = await packedDocument(map.get('z'), maxBytes);
      } else document = readableDocument(map);
    }
    let position = null;
    if (map.has('pos')) {
      const [epoch, sample, step, extra] = map.get('pos').split('.');
      if (step === undefined || extra !== undefined) fail('pos: expected epoch.sample.step');
      position = { epoch: count(epoch, 'pos'), sample: count(sample, 'pos'), step: count(step, 'pos') };
    }
    const event = map.has('at') ? count(map.get('at'), 'at') : 0;
    const language = map.has('lang') ? map.get('lang').slice(0, 20) : null;
    const key = LINK_VARIANTS.key;
    const variants = map.has(key) ? LINK_VARIANTS.read(map.get(key)) : [];
    return { ok: true, document, position, event, settings: options(map), language, variants };
  } catch (error) {
    const reason =
      error instanceof LinkError ? error.message : `cannot be read (${String(error.message).slice(0, 80)})`;
    return { ok: false, message: `link: ${reason}` };
  }
}
