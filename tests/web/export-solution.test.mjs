// The Export dialog's worked solution (export/solution.js), on real engine output: none while the quiz waits for an
// answer; with variants chosen in the Variants tab, as they compute the step (the engine's explain with the
// variant: its own numbers, read from its trace), or the standard step if asked; the engine's refusal kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState } from '../../web/src/state/initial.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import { formatNumber } from '../../web/src/format/number.js';
import { solutionPlan, solutionText, variantLabel } from '../../web/src/export/solution.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };
import xor from '../fixtures/xor.json' with { type: 'json' };

const H1 = 1; // the seed step's first forward frame

/** `doc` opened with the quiz set to `quiz` and the variants chosen, at frame `event` of its first step. */
async function opened(doc, { quiz = 'off', variants = [], event = 0 } = {}) {
  const engine = await BackstepEngine.create(doc);
  const store = createStore(createInitialState({ language: 'en', quiz }, variants));
  const actions = createActions(store, createSession(engine), {
    report: (message) => assert.fail(message),
    t: createTranslator('en'),
    formatValue: String,
  });
  actions.loadDocument(doc);
  actions.jumpTo(event);
  const explain = (format, decimals, names) => engine.explain(format, decimals, names);
  return { engine, store, actions, explain };
}

const deltaOf = (trace, name) => trace.events.find((event) => event.kind === 'delta' && event.name === name).delta;

test('Mazur, output first: the solution is the variant’s (its δ(h1)), the standard one on request', async () => {
  const { engine, store, explain } = await opened(mazur, { variants: ['output-first'] });
  try {
    const plan = solutionPlan(store.get());
    assert.deepEqual(plan, { withheld: false, offered: true, variants: ['output-first'] });
    const variant = solutionText(explain, plan, 'markdown', 9);
    assert.equal(variant.ok, true);
    const standardTrace = store.get().history[0].trace;
    const variantTrace = engine.traceVariant('output-first');
    const [ours, theirs] = [deltaOf(variantTrace, 'h1'), deltaOf(standardTrace, 'h1')].map((v) => formatNumber(v, 9));
    assert.notEqual(ours, theirs);
    assert.match(variant.text, /Variant: output-first/);
    assert.ok(variant.text.includes(`= ${ours}`), `the variant's δ(h1) ${ours}`);
    assert.ok(!variant.text.includes(`= ${theirs}`), `not the standard δ(h1) ${theirs}`);

    const standardPlan = solutionPlan(store.get(), 'standard');
    assert.deepEqual(standardPlan, { withheld: false, offered: true, variants: [] });
    const standard = solutionText(explain, standardPlan, 'markdown', 9);
    assert.equal(standard.text, engine.explain('markdown', 9));
    assert.ok(standard.text.includes(`= ${theirs}`));
  } finally {
    engine.dispose();
  }
});

test('no variant chosen: the standard step, no choice offered', async () => {
  const { engine, store, explain } = await opened(seed);
  try {
    const plan = solutionPlan(store.get(), 'variant');
    assert.deepEqual(plan, { withheld: false, offered: false, variants: [] });
    assert.equal(solutionText(explain, plan, 'latex', 3).text, engine.explain('latex', 3));
  } finally {
    engine.dispose();
  }
});

test('the quiz asking for h1: no solution while the step has questions left; all answered, or the quiz off, back', async () => {
  const { engine, store, actions, explain } = await opened(seed, { quiz: 'forward', event: H1 });
  try {
    assert.equal(solutionPlan(store.get()).withheld, true);
    assert.deepEqual(solutionText(explain, solutionPlan(store.get()), 'markdown', 4), { ok: false, message: null });
    actions.checkAnswer('0.85');
    assert.equal(
      solutionPlan(store.get()).withheld,
      true,
      'h2, o1 and E are still to be asked: the solution holds them',
    );
    actions.nextQuestion();
    actions.checkAnswer('0.48');
    actions.nextQuestion();
    assert.equal(solutionPlan(store.get()).withheld, true, 'o1 waits');
    actions.checkAnswer('0.191');
    actions.nextQuestion();
    assert.equal(solutionPlan(store.get()).withheld, true, 'E waits');
    actions.checkAnswer('0.327');
    assert.equal(solutionPlan(store.get()).withheld, false, 'the step’s forward questions are done');
    assert.match(solutionText(explain, solutionPlan(store.get()), 'markdown', 4).text, /0\.85/);
    actions.setSetting('quiz', 'all');
    assert.equal(solutionPlan(store.get()).withheld, true, 'every question: the backward ones are ahead');
    actions.setSetting('quiz', 'off');
    assert.equal(solutionPlan(store.get()).withheld, false);
  } finally {
    engine.dispose();
  }
});

test('output first on a batch of four: the engine’s refusal, in place of the text', async () => {
  const { engine, store, explain } = await opened(xor, { variants: ['output-first', 'batch'] });
  try {
    const result = solutionText(explain, solutionPlan(store.get()), 'markdown', 4);
    assert.equal(result.ok, false);
    assert.match(result.message, /output-first/);
    assert.equal(solutionText(explain, solutionPlan(store.get(), 'standard'), 'markdown', 4).ok, true);
  } finally {
    engine.dispose();
  }
});

test('a variant named as the Variants tab names it, in English and French', () => {
  const en = createTranslator('en');
  assert.equal(variantLabel('fixed-biases', en), 'Biases: Fixed');
  assert.equal(variantLabel('round-2', en), 'Round every value to 2 decimals as it is computed');
  assert.equal(variantLabel('fixed-biases', createTranslator('fr')), 'Biais : Fixes');
});
