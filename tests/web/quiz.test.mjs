// Quiz mode (web/src/quiz/) on real engine traces: which number each frame asks for, the judge and its tolerance
// (the display precision), the hint built from the trace's own numbers one factor at a time, the score, the pause at
// a question, the masks (graph scene, formula, narration), and the quiz's fields in share links.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BackstepEngine, engineLimits } from '../../web/src/engine/engine.js';
import { createSession } from '../../web/src/state/session.js';
import { createActions } from '../../web/src/state/actions.js';
import { createStore } from '../../web/src/state/store.js';
import { createInitialState, DEFAULT_SETTINGS } from '../../web/src/state/initial.js';
import { sceneAt } from '../../web/src/state/scene.js';
import { createTranslator } from '../../web/src/i18n/index.js';
import { isRight, judge, tolerance } from '../../web/src/quiz/judge.js';
import { hintLines } from '../../web/src/quiz/hint.js';
import { maskedEvent, questionName, questionOf } from '../../web/src/quiz/questions.js';
import { isPending, questionAt, stepErrorHidden, stepScore, visibleEvents } from '../../web/src/quiz/state.js';
import { quizFeedback } from '../../web/src/quiz/sentence.js';
import { narrate } from '../../web/src/narration/narrate.js';
import { scalarFormula } from '../../web/src/formula/scalar.js';
import { readLink, writeLink } from '../../web/src/link/share-link.js';
import { mountOptionsFromLink } from '../../web/src/link/mount-options.js';
import seed from '../fixtures/seed.json' with { type: 'json' };
import mazur from '../fixtures/mazur.json' with { type: 'json' };

const H1 = 1; // the seed step's frames
const H2 = 2;
const ERROR = 4;
const DELTA_H1 = 8;

/** The seed (or `doc`) opened in a store with the quiz set to `quiz`, at frame `event` of its first step. */
async function opened(quiz, event = 0, doc = seed, language = 'en') {
  const engine = await BackstepEngine.create(doc);
  const store = createStore(createInitialState({ language, quiz }));
  const actions = createActions(store, createSession(engine), {
    report: (message) => assert.fail(message),
    t: createTranslator(language),
    formatValue: String,
  });
  actions.loadDocument(doc);
  actions.jumpTo(event);
  return { engine, store, actions };
}

/** TeX without its graph links: "\htmlData{ref=n:h1}{h_{1}}" → "{h_{1}}". */
const plain = (tex) => tex.replace(/\\htmlData\{ref=[^}]*\}/g, '').replace(/[{}]/g, '');

test('seed step: 0.85 for h1 is right, 0.9 is wrong and opens the hint; the score counts per step', async () => {
  const { engine, store, actions } = await opened('forward', H1);
  try {
    const question = questionAt(store.get());
    assert.deepEqual(
      { name: question.name, ref: question.ref, part: question.part },
      { name: 'h1', ref: 'n:h1', part: 'value' },
    );
    assert.equal(isPending(store.get()), true);
    assert.deepEqual(judge('0.85', question), { ok: true, answer: 0.85, right: true });
    assert.equal(judge('0.9', question).right, false);

    assert.equal(actions.checkAnswer('0.85').right, true);
    assert.equal(isPending(store.get()), false, 'answered: shown');
    assert.deepEqual(stepScore(store.get()), { right: 1, asked: 1 });
    assert.equal(quizFeedback(store.get(), createTranslator('en')).text, 'Right: h1 = 0.85.');

    actions.nextQuestion();
    assert.equal(store.get().cursor.event, H2);
    assert.equal(actions.checkAnswer('0.9').right, false);
    const answer = store.get().quiz.answers[`0:${H2}`];
    assert.deepEqual([answer.hints, answer.solved, answer.firstRight], [1, false, false], 'the first hint line opens');
    assert.equal(isPending(store.get()), true, 'still masked after a wrong answer');
    assert.deepEqual(stepScore(store.get()), { right: 1, asked: 2 });
    assert.equal(actions.checkAnswer('0.48').right, true, 'right at the second try: solved …');
    assert.deepEqual(stepScore(store.get()), { right: 1, asked: 2 }, '… but the score keeps the first try');
    assert.deepEqual(actions.checkAnswer('zero'), { ok: false, reason: 'notNumber' });
  } finally {
    engine.dispose();
  }
});

test('the tolerance follows the display precision: same shown text, or within half a unit of the last decimal', () => {
  // At 2 decimals 0.853 is right for 0.85 (both show "0.85"), 0.856 is not ("0.86", 0.006 away).
  assert.equal(isRight(0.853, 0.85, 2), true);
  assert.equal(isRight(0.856, 0.85, 2), false);
  assert.equal(isRight(0.853, 0.85, 3), false, 'at 3 decimals it shows 0.853');
  assert.equal(isRight(0.8505, 0.85, 3), true, 'half a unit: rounded the other way at a tie');
  assert.equal(tolerance(0.85, 3), 0.0005);
  // A number shown in scientific notation: half a unit of its mantissa's last place.
  assert.equal(tolerance(4.39e-4, 3) < 1e-6, true);
  assert.equal(isRight(4.39e-4, 4.3912e-4, 3), true);
  assert.equal(isRight(4.4e-4, 4.3912e-4, 3), false);
  assert.equal(isRight(0, 4.3912e-4, 3), false, 'not "0" for a tiny number');
});

test('negatives and a French decimal comma: δ(h1) = −0.11326 typed every usual way', async () => {
  const { engine, store } = await opened('backward', DELTA_H1, seed, 'fr');
  try {
    const question = questionAt(store.get());
    assert.equal(question.name, 'δ(h1)');
    for (const typed of ['-0.113', '−0.113', '-0,113', '−0,113', ' -.113 ', '-0.11326', '-1.13e-1'])
      assert.equal(judge(typed, question).right, true, typed);
    for (const typed of ['0.113', '-0.11', '-0,12']) assert.equal(judge(typed, question).right, false, typed);
    assert.equal(quizFeedback(store.get(), createTranslator('fr')).text, 'À vous : que vaut δ(h1) ?');
  } finally {
    engine.dispose();
  }
});

test('hint of δ(h1): the formula in symbols, then each factor’s number (1 × 0.14 × (−0.809))', async () => {
  const { engine, store } = await opened('all', DELTA_H1);
  try {
    const state = store.get();
    const events = state.history[0].trace.events;
    const lines = hintLines(events[DELTA_H1], { decimals: 3, events, singleOutput: true, batchSize: 1 }).map(plain);
    assert.deepEqual(lines, [
      "\\delta_h_1 = f'(z_h_1) \\cdot (w_5 \\cdot \\delta_o_1)",
      '\\delta_h_1 = 1 \\cdot (w_5 \\cdot \\delta_o_1)',
      '\\delta_h_1 = 1 \\cdot (0.14 \\cdot \\delta_o_1)',
      '\\delta_h_1 = 1 \\cdot (0.14 \\cdot (-0.809))',
    ]);
    // The answer is never in the hint; it is the engine's −0.11326, shown −0.113 once revealed.
    assert.ok(lines.every((line) => !line.includes('0.113')));
    assert.equal(events[DELTA_H1].delta.toFixed(5), '-0.11326');
    // The error's hint ends on the engine's Δ, a gradient's follows the formula card's chain rule.
    const error = hintLines(events[ERROR], { decimals: 3, events, singleOutput: true, batchSize: 1 }).map(plain);
    assert.deepEqual(error, [
      'E = \\tfrac12(o_1 - t)^2',
      'E = \\tfrac12(0.191 - t)^2',
      'E = \\tfrac12(0.191 - 1)^2',
      'E = \\tfrac12(-0.809)^2',
    ]);
    const w1 = events.find((event) => event.kind === 'gradient' && event.parameter === 'w1');
    assert.equal(
      plain(hintLines(w1, { decimals: 3, events, singleOutput: true, batchSize: 1 }).at(-1)),
      '\\frac\\partial E\\partial w_1 = (-0.809) \\cdot (0.14) \\cdot (2)',
    );
  } finally {
    engine.dispose();
  }
});

test('while a question waits, its number is left out of the scene, the formula and the narration', async () => {
  const { engine, store, actions } = await opened('all', DELTA_H1);
  try {
    const state = store.get();
    const entry = state.history[0];
    const scene = sceneAt(entry, state.labels, DELTA_H1, questionAt(state));
    assert.deepEqual(scene.mask, { ref: 'n:h1', part: 'delta' });
    assert.equal(scene.neurons.h1.delta, null);
    const events = visibleEvents(state, entry.trace.events);
    assert.equal(events[DELTA_H1].delta, null);
    assert.equal(entry.trace.events[DELTA_H1].delta < 0, true, 'the trace itself is untouched');
    const formula = scalarFormula(events[DELTA_H1], { decimals: 3, events, singleOutput: true });
    assert.match(plain(formula.result[0]), /= \?$/);
    const t = createTranslator('en');
    assert.match(narrate(events[DELTA_H1], { decimals: 3, t, events, outputNames: ['o1'] }), /= \?$/);
    actions.revealAnswer();
    assert.equal(isPending(store.get()), false);
    assert.deepEqual(stepScore(store.get()), { right: 0, asked: 1 });
    assert.equal(quizFeedback(store.get(), t).text, 'Revealed: δ(h1) = −0.113.');
    assert.equal(maskedEvent(entry.trace.events[0]), entry.trace.events[0], 'an input frame asks nothing');
  } finally {
    engine.dispose();
  }
});

test('which numbers each set asks for; an update is judged at the decimals that tell old and new apart', async () => {
  const { engine, store } = await opened('all', 0, mazur);
  try {
    const events = store.get().history[0].trace.events;
    const kinds = (set) => [...new Set(events.filter((event) => questionOf(event, set, 3)).map((event) => event.kind))];
    assert.deepEqual(kinds('forward'), ['forward', 'error']);
    assert.deepEqual(kinds('backward'), ['delta', 'gradient', 'update']);
    assert.deepEqual(kinds('all'), ['forward', 'error', 'delta', 'gradient', 'update']);
    assert.deepEqual(kinds('off'), []);
    const w2 = events.find((event) => event.kind === 'update' && event.parameter === 'w2');
    const question = questionOf(w2, 'all', 3);
    assert.equal(question.decimals, 4, 'Mazur’s w2: 0.2 → 0.1996 at 3 decimals');
    assert.equal(judge('0.1996', question).right, true);
    assert.equal(judge('0.2', question).right, false);
    assert.equal(questionName(question, createTranslator('fr')), 'nouveau w2');
  } finally {
    engine.dispose();
  }
});

test('playing stops at a question; the next question goes on into the next step', async () => {
  const { engine, store, actions } = await opened('forward', 0);
  try {
    store.update((state) => ({ ...state, playing: true }));
    actions.advance();
    assert.deepEqual([store.get().cursor.event, store.get().playing], [H1, false]);
    assert.equal(stepErrorHidden(store.get()), true, 'the step strip keeps E to itself until it is asked');
    actions.jumpTo(ERROR);
    assert.equal(stepErrorHidden(store.get()), true);
    actions.checkAnswer('0.327');
    assert.equal(stepErrorHidden(store.get()), false);
    actions.nextQuestion(); // the forward set's last question of the step was E: the next is h1 of step 2
    assert.deepEqual(store.get().cursor, { step: 1, event: H1 });
    actions.loadDocument(seed);
    assert.deepEqual(store.get().quiz.answers, {}, 'another network: the answers start afresh');
  } finally {
    engine.dispose();
  }
});

test('share links carry the quiz: quiz=backward with at=8 reopens at δ(h1); a wrong set is refused', async () => {
  const limits = await engineLimits();
  const link = await writeLink({
    document: seed,
    event: DELTA_H1,
    settings: { ...DEFAULT_SETTINGS, quiz: 'backward' },
    defaults: DEFAULT_SETTINGS,
  });
  assert.match(link, /&at=8&quiz=backward$/);
  const read = await readLink(`#${link}`, limits);
  assert.equal(read.ok, true);
  assert.deepEqual([read.event, read.settings], [DELTA_H1, { quiz: 'backward' }]);
  assert.equal(mountOptionsFromLink(read).quiz, 'backward');
  const off = await writeLink({ document: seed, settings: DEFAULT_SETTINGS, defaults: DEFAULT_SETTINGS });
  assert.doesNotMatch(off, /quiz/, 'off is the default: not written');
  const wrong = await readLink(`#${link.replace('quiz=backward', 'quiz=maybe')}`, limits);
  assert.equal(wrong.ok, false);
  assert.match(wrong.message, /quiz: expected one of off, forward, backward, all/);
});
