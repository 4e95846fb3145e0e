// The "Why?" line (narration/why.js) on real engine traces: which reason each event gets, and the signs and
// numbers it says, are the trace's — the seed post's step first, then networks with other shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { explainWhy, whyParts } from '../../web/src/narration/why.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import en from '../../web/src/i18n/en.js';
import fr from '../../web/src/i18n/fr.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };
import xor from '../fixtures/xor.json' with { type: 'json' };

/** The first step of `doc` as the page holds it, and the context the formula panel gives the Why? line. */
async function firstStep(doc, language = 'en') {
  const engine = await BackstepEngine.create(doc);
  try {
    const { labels, entry } = createSession(engine).open(doc);
    const context = {
      t: createTranslator(language),
      decimals: 3,
      events: entry.trace.events,
      outputNames: labels.neurons.at(-1),
      batchSize: entry.trace.batchSize,
    };
    return { events: entry.trace.events, context };
  } finally {
    engine.dispose();
  }
}

const keysOf = (event, context) => whyParts(event, context).map(([key]) => key);
const find = (events, predicate) => {
  const event = events.find(predicate);
  assert.ok(event, 'the trace has the event');
  return event;
};

test('every event of the seed step gets reasons of its own kind (one to three), in both languages', async () => {
  for (const language of ['en', 'fr']) {
    const { events, context } = await firstStep(seed, language);
    const kinds = new Set(events.map((event) => event.kind));
    assert.deepEqual([...kinds].sort(), ['delta', 'error', 'forward', 'gradient', 'input', 'result', 'update']);
    for (const event of events) {
      const keys = keysOf(event, context);
      assert.ok(keys.length >= 1 && keys.length <= 3, `${event.kind}: ${keys}`);
      for (const key of keys) {
        assert.ok(key.startsWith(`why.${event.kind}`), `${event.kind} → ${key}`);
        assert.ok(en[key] && fr[key], `${key} is in both catalogs`);
      }
      const text = explainWhy(event, context);
      assert.doesNotMatch(text, /\{\w+\}|why\./, `no placeholder or key left: ${text}`);
    }
  }
});

test('seed: the output delta is negative, so w5 goes up (its gradient δ(o1) × h1 is negative)', async () => {
  const { events, context } = await firstStep(seed);
  const outputDelta = find(events, (event) => event.kind === 'delta' && event.name === 'o1');
  assert.ok(outputDelta.delta < 0);
  assert.deepEqual(keysOf(outputDelta, context), ['why.delta.output', 'why.delta.negative']);
  assert.match(
    explainWhy(outputDelta, context),
    /δ\(o1\) = −0\.809 is negative: raising o1’s sum would lower the error/,
  );

  const gradient = find(events, (event) => event.kind === 'gradient' && event.parameter === 'w5');
  assert.deepEqual(keysOf(gradient, context), ['why.gradient.weight', 'why.gradient.negative']);
  const gradientText = explainWhy(gradient, context);
  assert.match(gradientText, /w5 multiplies h1 = 0\.85 into o1’s sum/);
  assert.match(gradientText, /the gradient is h1 × δ\(o1\)/);
  assert.match(gradientText, /negative \(−0\.688\): raising w5 would lower the error/);

  const update = find(events, (event) => event.kind === 'update' && event.parameter === 'w5');
  assert.ok(update.new > update.old, 'the engine raised w5');
  assert.deepEqual(keysOf(update, context), ['why.update.up', 'why.update.rate']);
  const updateText = explainWhy(update, context);
  assert.match(updateText, /w5 goes up because its gradient is negative \(−0\.688\)/);
  assert.match(updateText, /η = 0\.05/);
});

test('seed: δ(h1) comes from o1 (the chain rule); the error and the result say their numbers', async () => {
  const { events, context } = await firstStep(seed);
  const hidden = find(events, (event) => event.kind === 'delta' && event.name === 'h1');
  assert.deepEqual(keysOf(hidden, context), ['why.delta.hidden']);
  assert.match(explainWhy(hidden, context), /only through the neurons it feeds \(o1\)/);
  assert.match(explainWhy(hidden, context), /chain rule/);

  const error = find(events, (event) => event.kind === 'error');
  assert.match(explainWhy(error, context), /½ cancels the 2.*∂E\/∂o1 is just Δ = −0\.809/);

  const forwardOutput = find(events, (event) => event.kind === 'forward' && event.name === 'o1');
  assert.deepEqual(keysOf(forwardOutput, context), ['why.forward.sum', 'why.forward.linear', 'why.forward.output']);
  const forwardHidden = find(events, (event) => event.kind === 'forward' && event.name === 'h1');
  assert.deepEqual(keysOf(forwardHidden, context), ['why.forward.sum', 'why.forward.linear']);

  const result = find(events, (event) => event.kind === 'result');
  assert.ok(result.error < error.total, 'the engine lowered the error');
  assert.deepEqual(keysOf(result, context), ['why.result.lower']);
  assert.match(explainWhy(result, context), /the error fell from 0\.327 to /);
});

test('seed in French: the same reasons, with a decimal comma', async () => {
  const { events, context } = await firstStep(seed, 'fr');
  const update = find(events, (event) => event.kind === 'update' && event.parameter === 'w5');
  assert.match(explainWhy(update, context), /w5 augmente parce que son gradient est négatif \(−0,688\)/);
  assert.match(explainWhy(update, context), /η = 0,05/);
  const hidden = find(events, (event) => event.kind === 'delta' && event.name === 'h1');
  assert.match(explainWhy(hidden, context), /dérivation en chaîne.*l’erreur remonte/);
});

test('Mazur (sigmoid, biases, two outputs): activations, biases, each sign as the engine computed it', async () => {
  const { events, context } = await firstStep(mazur);
  const h1 = find(events, (event) => event.kind === 'forward' && event.name === 'h1');
  assert.deepEqual(keysOf(h1, context), ['why.forward.sumBias', 'why.forward.activation']);
  assert.match(
    explainWhy(h1, context),
    /its activation, sigmoid, bends that sum into its value: z = 0\.378 gives 0\.593/,
  );
  assert.deepEqual(
    keysOf(
      find(events, (event) => event.kind === 'error'),
      context,
    ),
    ['why.error.multi'],
  );
  for (const event of events.filter((candidate) => candidate.kind === 'update')) {
    const direction = event.new > event.old ? 'up' : event.new < event.old ? 'down' : 'still';
    assert.equal(keysOf(event, context)[0], `why.update.${direction}`, event.parameter);
  }
  for (const event of events.filter((candidate) => candidate.kind === 'delta')) {
    const sign = event.delta < 0 ? 'negative' : event.delta > 0 ? 'positive' : 'zero';
    if (event.output) assert.equal(keysOf(event, context).at(-1), `why.delta.${sign}`, event.name);
  }
});

test('a bias gradient: its input is always 1', async () => {
  const doc = { ...mazur, trainBiases: true };
  const { events, context } = await firstStep(doc);
  const bias = find(events, (event) => event.kind === 'gradient' && event.type === 'bias');
  assert.equal(keysOf(bias, context)[0], 'why.gradient.bias');
  assert.match(explainWhy(bias, context), new RegExp(`input is always 1.*δ\\(${bias.destName}\\)`));
});

test('a batch: the update says it uses the mean over the batch', async () => {
  const { events, context } = await firstStep({ ...xor, batchSize: 4 });
  assert.equal(context.batchSize, 4);
  const update = find(events, (event) => event.kind === 'update');
  assert.equal(keysOf(update, context).at(-1), 'why.update.batch');
  assert.match(explainWhy(update, context), /mean over the batch’s 4 samples/);
});

test('a learning rate too large: the error rises, and the result says the step overshot', async () => {
  const { events, context } = await firstStep({ ...seed, learningRate: 2 });
  const error = find(events, (event) => event.kind === 'error');
  const result = find(events, (event) => event.kind === 'result');
  assert.ok(result.error > error.total, 'the engine’s error rose');
  assert.deepEqual(keysOf(result, context), ['why.result.higher']);
  assert.match(explainWhy(result, context), /overshot/);
});

test('a ReLU that is off (z ≤ 0): no error flows back through it', async () => {
  const doc = {
    format: 'backstep/1',
    title: 'ReLU off',
    layers: [{ size: 1 }, { size: 1, activation: 'relu', bias: false }, { size: 1, activation: 'linear', bias: false }],
    weights: [[[-1]], [[1]]],
    learningRate: 0.1,
    samples: [{ input: [1], target: [1] }],
  };
  const { events, context } = await firstStep(doc);
  const hidden = find(events, (event) => event.kind === 'delta' && !event.output);
  assert.equal(hidden.derivative, 0);
  assert.deepEqual(keysOf(hidden, context), ['why.delta.hidden', 'why.delta.blocked']);
  const update = find(events, (event) => event.kind === 'update' && event.parameter === 'w1');
  assert.equal(update.gradient, 0);
  assert.equal(keysOf(update, context)[0], 'why.update.still');
});

test('an unknown event has no reason', () => {
  assert.deepEqual(whyParts({ kind: 'other' }, {}), []);
  assert.deepEqual(whyParts(undefined, {}), []);
});
