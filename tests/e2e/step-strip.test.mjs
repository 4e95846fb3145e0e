// The step strip over the phase timeline (E of every step so far; click or arrow keys go to a step; the current
// one marked; an edit leaves a tick) and the sentence of a change where the learner looks. Expected numbers come from
// the hmkcode post's formulas for the seed network, computed here independently of the engine, and from Mazur's
// "A Step by Step Backpropagation Example" (w2+ = 0.19956143).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editValue, PHONE, screenshot, text, usePage } from './harness.mjs';
import { formatNumber } from '../../web/src/format/number.js';
import { formatChange } from '../../web/src/format/change.js';

const app = usePage();

/** The seed network's weights before each step, by the post's formulas: seedWeights(n)[k] is before step k + 1. */
function seedWeights(steps) {
  const [i1, i2, target, rate] = [2, 3, 1, 0.05];
  let [w1, w2, w3, w4, w5, w6] = [0.11, 0.21, 0.12, 0.08, 0.14, 0.15];
  const list = [];
  for (let k = 0; k < steps; k += 1) {
    const h1 = i1 * w1 + i2 * w2;
    const h2 = i1 * w3 + i2 * w4;
    const delta = h1 * w5 + h2 * w6 - target;
    list.push({ w1, w2, w3, w4, w5, w6, error: 0.5 * delta ** 2 });
    [w1, w2, w3, w4, w5, w6] = [
      w1 - rate * delta * w5 * i1,
      w2 - rate * delta * w5 * i2,
      w3 - rate * delta * w6 * i1,
      w4 - rate * delta * w6 * i2,
      w5 - rate * delta * h1,
      w6 - rate * delta * h2,
    ];
  }
  return list;
}

const strip = (page) => page.getByTestId('step-strip');
const stepOnCounter = async (page) => Number((await text(page, 'counter')).match(/Step\s*(\d+)/)[1]);

async function clickBar(page, index) {
  await page.locator(`.strip-bar[data-start="${index}"] .strip-hit`).click();
}

test('after 6 steps, a click on the strip at step 5 shows step 5’s numbers; arrows move it; the current is marked', async () => {
  const { page, errors } = await app.open();
  for (let k = 0; k < 6; k += 1) await page.getByTestId('skip-end').click(); // the end of step 6
  assert.equal(await strip(page).getAttribute('aria-valuemax'), '6');
  assert.equal(await strip(page).getAttribute('aria-valuenow'), '6');
  assert.equal(await page.locator('.strip-bar').count(), 6);
  assert.equal(await page.locator('.strip-bar.is-current').getAttribute('data-start'), '5');

  await clickBar(page, 4);
  assert.equal(await stepOnCounter(page), 5);
  assert.equal(await strip(page).getAttribute('aria-valuenow'), '5');
  assert.equal(await page.locator('.strip-bar.is-current').getAttribute('data-start'), '4');
  // The same frame (the step's last: after the update), now of step 5: w5 before and after step 5's update, and its E.
  const weights = seedWeights(6);
  const w5 = formatChange(weights[4].w5, weights[5].w5, 3);
  assert.equal(await text(page, 'weight-w5-old'), w5.old);
  assert.equal(await text(page, 'weight-w5-value'), w5.value);
  assert.equal(
    await strip(page).getAttribute('aria-valuetext'),
    `Step 5 (5 of 6 so far), E ${formatNumber(weights[4].error, 3)}`,
  );

  // Keys: ← one step back, → on, past the last a new step, Home and End.
  await strip(page).focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stepOnCounter(page), 4);
  assert.equal(await text(page, 'weight-w5-old'), formatChange(weights[3].w5, weights[4].w5, 3).old);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepOnCounter(page), 6);
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepOnCounter(page), 7, 'past the last step: the next one is computed');
  assert.equal(await strip(page).getAttribute('aria-valuemax'), '7');
  await page.keyboard.press('Home');
  assert.equal(await stepOnCounter(page), 1);
  assert.equal(await page.locator('.strip-bar.is-current').getAttribute('data-start'), '0');
  await page.keyboard.press('End');
  assert.equal(await stepOnCounter(page), 7);
  assert.equal(await strip(page).getAttribute('role'), 'slider');
  assert.deepEqual(errors, []);
});

test('an edit leaves a tick on the strip and says what changed: "w5 0.14 → 0.3: the prediction is now 0.327, E 0.226"', async () => {
  const { page, errors } = await app.open();
  for (let k = 0; k < 3; k += 1) await page.getByTestId('skip-end').click();
  await page.getByTestId('reset').click();
  assert.equal(await page.getByTestId('strip-edit').count(), 0);
  await editValue(page, 'weight-w5', '0.3');
  // The hmkcode formulas: h1 = 2·0.11 + 3·0.21 = 0.85, h2 = 2·0.12 + 3·0.08 = 0.48, prediction = 0.85·0.3 + 0.48·0.15.
  const prediction = 0.85 * 0.3 + 0.48 * 0.15;
  const error = 0.5 * (prediction - 1) ** 2;
  const sentence = `w5 0.14 → 0.3: the prediction is now ${formatNumber(prediction, 3)}, E ${formatNumber(error, 3)}`;
  assert.equal(sentence, 'w5 0.14 → 0.3: the prediction is now 0.327, E 0.226');
  assert.equal(await text(page, 'narration'), sentence);
  assert.equal(await text(page, 'announcer'), sentence, 'said through the live region');
  // The edit started history again from step 1: one bar, with the edit's tick and its sentence in the tooltip.
  assert.equal(await page.locator('.strip-bar').count(), 1);
  assert.equal(await page.locator('.strip-bar[data-start="0"] [data-testid="strip-edit"]').count(), 1);
  assert.match(await page.locator('.strip-bar[data-start="0"] title').textContent(), /edited here: w5 0\.14 → 0\.3/);
  assert.match(await strip(page).getAttribute('aria-valuetext'), /, edited here$/);
  // Moving on: the narration follows the frames again; the tick stays where the history was edited.
  for (let k = 0; k < 2; k += 1) await page.getByTestId('skip-end').click();
  assert.notEqual(await text(page, 'narration'), sentence);
  assert.equal(await page.locator('.strip-bar').count(), 2);
  assert.equal(await page.getByTestId('strip-edit').count(), 1);
  assert.deepEqual(errors, []);
});

test('in French, on a phone: "w5 0,14 → 0,3 : la prédiction est maintenant 0,327 ; E 0,226" on screen', async () => {
  const { page, errors } = await app.open({ locale: 'fr-FR', viewport: PHONE });
  await editValue(page, 'weight-w5', '0,3');
  const prediction = 0.85 * 0.3 + 0.48 * 0.15;
  const error = 0.5 * (prediction - 1) ** 2;
  const f = (value) => formatNumber(value, 3, ',');
  const sentence = `w5 0,14 → 0,3 : la prédiction est maintenant ${f(prediction)} ; E ${f(error)}`;
  assert.equal(sentence, 'w5 0,14 → 0,3 : la prédiction est maintenant 0,327 ; E 0,226');
  assert.equal(await text(page, 'narration'), sentence);
  assert.equal(await text(page, 'bar-caption'), sentence);
  // A phone's page shows the sentence at the foot of the formula card, under the graph, above the control bar.
  const said = await page.getByTestId('narration').boundingBox();
  const bar = await page.locator('.control-bar').boundingBox();
  assert.ok(said.y >= 0 && said.y + said.height <= bar.y, 'the sentence is on screen');
  // The strip waits behind the bar's "more" button on a phone; then it is compact and inside the window.
  await page.getByTestId('bar-more').click();
  const box = await strip(page).boundingBox();
  assert.ok(box.height >= 20 && box.height <= 32, `${box.height} px`);
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height);
  await screenshot(page, 'step-strip-phone-fr');
  assert.deepEqual(errors, []);
});

test('Mazur’s w2 0.2 → 0.19956143 is labelled 0.2 → 0.1996, not 0.2 → 0.2 (0,1996 in French)', async () => {
  for (const [locale, expected] of [
    ['en-US', ['0.2', '0.1996']],
    ['fr-FR', ['0,2', '0,1996']],
  ]) {
    const { page, errors } = await app.open({ query: '?example=mazur', locale });
    await page.getByTestId('skip-end').click(); // after the update
    assert.equal(await text(page, 'weight-w2-old'), expected[0]);
    assert.equal(await text(page, 'weight-w2-value'), expected[1]);
    assert.equal(await text(page, 'weight-w1-value'), locale === 'en-US' ? '0.1498' : '0,1498', 'w1 0.15 → 0.14978');
    assert.deepEqual(errors, []);
  }
});

test('1,000 steps and more: bars of several steps, the strip as wide as before, the current one marked', async () => {
  const { page, errors } = await app.open();
  await strip(page).focus();
  for (let k = 0; k < 105; k += 1) await page.keyboard.press('PageUp'); // 10 steps on each time
  assert.equal(await stepOnCounter(page), 1051);
  const bars = await page.locator('.strip-bar').count();
  const width = (await strip(page).boundingBox()).width;
  assert.ok(bars < 1051 && bars * 4 <= width, `${bars} bars in ${width} px`);
  assert.match(
    await strip(page).getAttribute('aria-valuetext'),
    /^Step 1051 \(1051 of 1051 so far\), E .*; each bar is \d+ steps$/,
  );
  assert.equal(await page.locator('.strip-bar.is-current').count(), 1);
  await screenshot(page, 'step-strip-1000');
  assert.deepEqual(errors, []);
});
