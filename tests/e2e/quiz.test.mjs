// Quiz mode ("Predict, then reveal") on the page: the number asked for is "?" on the graph, in the formula and in
// the narration until the learner answers; a right answer counts in the step's score, a wrong one opens the hint
// (the formula, then one number more per press); a share link reopens at the same question; French reads a decimal
// comma; axe finds nothing serious with the quiz open; the harness fails the test on any CSP violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { PHONE, frame, frameTo, screenshot, text, usePage } from './harness.mjs';

const app = usePage();

const SEED = 'v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&title=Backpropagation';
const H1 = 1; // the seed step's frames: forward h1, forward h2 …
const DELTA_H1 = 8;

async function answer(page, value) {
  const input = page.getByTestId('quiz-input');
  await input.fill(value);
  await input.press('Enter');
}

async function graphLabels(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg[data-testid="graph"] text')].map((node) => node.textContent).join(' | '),
  );
}

test('forward quiz: h1 is "?" until 0.85 is typed (right, 1/1); 0.9 for h2 is wrong and the hint shows', async () => {
  const { page, errors } = await app.open();
  assert.equal(await page.getByTestId('quiz-toggle').getAttribute('aria-pressed'), 'false');
  await page.getByTestId('quiz-toggle').click();
  assert.equal(await page.getByTestId('quiz-toggle').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('quiz-set').selectOption('forward');
  await page.getByTestId('quiz-next').click(); // from the input frame to the first question: h1
  assert.equal(await frame(page), H1);
  assert.equal(await text(page, 'neuron-h1-value'), '?', 'masked on the graph');
  assert.match(await text(page, 'narration'), /h1 = 2 × 0\.11 \+ 3 × 0\.21 = \?$/);
  assert.doesNotMatch(await graphLabels(page), /0\.85/);
  assert.match(await text(page, 'quiz-question'), /h1/);
  assert.match(await page.getByTestId('announcer').textContent(), /Your turn: what is h1\?/);

  await answer(page, '0.85');
  assert.match(await text(page, 'quiz-feedback'), /^Right: h1 = 0\.85\./);
  assert.equal(await text(page, 'quiz-score'), '1/1');
  assert.equal(await text(page, 'neuron-h1-value'), '0.85', 'shown once answered');
  assert.match(
    await page.getByTestId('announcer').textContent(),
    /Right: h1 = 0\.85\. Score for this step: 1 right of 1/,
  );

  await page.getByTestId('quiz-input').press('Enter'); // answered: Enter goes on to the next question
  assert.equal(await frame(page), H1 + 1);
  assert.equal(await text(page, 'neuron-h2-value'), '?');
  await answer(page, '0.9');
  assert.match(await text(page, 'quiz-feedback'), /^Not quite: h2 is not 0\.9/);
  assert.equal(await text(page, 'quiz-score'), '1/2');
  assert.equal(await text(page, 'neuron-h2-value'), '?', 'still masked after a wrong answer');
  const hints = page.getByTestId('quiz-hints').locator('li');
  await hints.first().locator('.katex-html').waitFor();
  assert.equal(await hints.count(), 1, 'the formula in symbols');
  await page.getByTestId('quiz-hint').click();
  await page.getByTestId('quiz-hint').click();
  assert.equal(await hints.count(), 3);
  assert.match(
    (await hints.nth(2).locator('.katex-html').innerText()).replace(/[\s\u200b]+/g, ''),
    /h2=2⋅0\.12\+i2⋅w4/,
  );
  await screenshot(page, 'quiz-desktop-hint');
  await page.getByTestId('quiz-reveal').click();
  assert.equal(await text(page, 'neuron-h2-value'), '0.48');
  assert.match(await text(page, 'quiz-feedback'), /^Revealed: h2 = 0\.48\./);
  assert.equal(await text(page, 'quiz-score'), '1/2');
  assert.deepEqual(errors, []);
});

test('a link reopens at the same question; playing stops at each one; the address carries the quiz', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${DELTA_H1}&quiz=backward` });
  assert.equal(await frame(page), DELTA_H1);
  assert.equal(await page.getByTestId('quiz-toggle').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('quiz-set').inputValue(), 'backward');
  assert.match(await text(page, 'quiz-question'), /δ\(h1\)/);
  assert.equal(await text(page, 'neuron-h1-delta'), 'δ ?');
  await page.locator('.formula-result .katex-html').first().waitFor();
  assert.match(await page.getByTestId('formula-result').innerText(), /\?/);
  assert.doesNotMatch(await page.getByTestId('formula-result').innerText(), /0\.113/);
  await answer(page, '-0.113');
  assert.equal(await text(page, 'neuron-h1-delta'), 'δ −0.113');
  assert.equal(await text(page, 'quiz-score'), '1/1');

  await page.getByTestId('play').click(); // on to δ(h2), the next question: the player stops there
  await page.waitForFunction(() => document.querySelector('[data-testid="scrubber"]').value === '9');
  await page.waitForTimeout(1500); // well past a frame at reduced motion (0.9 s): still there
  assert.equal(await frame(page), DELTA_H1 + 1);
  assert.equal(await page.getByTestId('play').evaluate((node) => node.classList.contains('is-playing')), false);
  assert.equal(await text(page, 'neuron-h2-delta'), 'δ ?');
  await page.waitForFunction(() => window.location.hash.includes('at=9'));
  assert.match(await page.evaluate(() => window.location.hash), /&at=9&quiz=backward&lang=en$/);
  assert.deepEqual(errors, []);
});

test('in French, on a phone: a decimal comma is read, the box fits 390 px, and axe finds nothing serious', async () => {
  const { page, errors } = await app.open({
    viewport: PHONE,
    locale: 'fr-FR',
    query: `#${SEED}&at=${H1}&quiz=forward`,
  });
  assert.equal(await text(page, 'quiz-toggle'), 'Quiz');
  assert.equal(await page.getByTestId('quiz-input').getAttribute('inputmode'), 'decimal');
  assert.match(await text(page, 'quiz-question'), /Votre valeur pour h1/);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  assert.deepEqual(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`),
    [],
  );
  await page.getByTestId('quiz-input').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('quiz-input').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the answer box fits the phone');
  await answer(page, '0,85');
  assert.match(await text(page, 'quiz-feedback'), /^Juste : h1 = 0,85\./);
  assert.equal(await text(page, 'neuron-h1-value'), '0,85');
  await screenshot(page, 'quiz-phone-fr');
  assert.deepEqual(errors, []);
});

test('the operations view keeps the question too: h1 = 0.85 is nowhere in it until answered', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=1&quiz=forward&graph=both` });
  const operations = () => page.getByTestId('opgraph').textContent();
  assert.equal(await frame(page), H1);
  assert.equal(await text(page, 'neuron-h1-value'), '?');
  assert.doesNotMatch(await operations(), /0\.85/, 'neither the sum nor the value of h1');
  await answer(page, '0.85');
  assert.match(await operations(), /0\.85/, 'answered: shown');
  assert.deepEqual(errors, []);
});
