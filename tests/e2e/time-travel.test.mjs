// Time travel: stepping back (any distance, across weight updates and across steps) shows
// exactly the earlier numbers; the scrubber jumps to phases and frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frame, frameTo, forward, text, usePage } from './harness.mjs';

const app = usePage();

test('step back from the update restores w5 0.14', async () => {
  const { page, errors } = await app.open();
  await frameTo(page, 18); // update w5
  assert.equal(await text(page, 'formula-caption'), 'Update w5');
  assert.equal(await text(page, 'weight-w5-value'), '0.174');
  await page.getByTestId('step-back').click();
  assert.equal(await text(page, 'formula-caption'), 'Update w4');
  assert.equal(await text(page, 'weight-w5-value'), '0.14');
  assert.equal(await page.getByTestId('weight-w5-old').count(), 0);
  assert.equal(await text(page, 'weight-w4-value'), '0.098');
  assert.deepEqual(errors, []);
});

test('the scrubber jumps to a phase and to any frame', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('phase-error').click();
  assert.equal(await frame(page), 4);
  assert.equal(await text(page, 'formula-caption'), 'Prediction against target');
  assert.equal(await page.getByTestId('phase-error').getAttribute('aria-current'), 'step');
  await page.getByTestId('phase-update').click();
  assert.equal(await frame(page), 14);
  assert.equal(await text(page, 'formula-caption'), 'Update w1');
  assert.equal(await text(page, 'weight-w1-value'), '0.121');
  await page.getByTestId('phase-backward').click();
  assert.equal(await frame(page), 5);
  assert.equal(await text(page, 'weight-w1-value'), '0.11', 'jumping back before the update restores w1');
  await frameTo(page, 10);
  assert.equal(await text(page, 'formula-caption'), 'Gradient ∂E/∂w1');
  assert.match(
    await page.getByTestId('scrubber').getAttribute('aria-valuetext'),
    /11 of 21: Backward, Gradient ∂E\/∂w1/,
  );
  await page.getByTestId('phase-forward').click();
  assert.equal(await frame(page), 0);
  assert.deepEqual(errors, []);
});

test('going back across steps restores every earlier number, and going forward again repeats them', async () => {
  const { page, errors } = await app.open();
  const snapshot = async () => ({
    counter: await text(page, 'counter'),
    w5: await text(page, 'weight-w5-value'),
    w1: await text(page, 'weight-w1-value'),
    o1: await text(page, 'neuron-o1-value'),
    result: await text(page, 'card-result-o1'),
  });
  await page.getByTestId('skip-end').click(); // end of step 1
  const endOfFirst = await snapshot();
  assert.equal(endOfFirst.result, '0.256');
  await page.getByTestId('skip-end').click(); // end of step 2
  await page.getByTestId('skip-end').click(); // end of step 3
  const endOfThird = await snapshot();
  assert.match(endOfThird.counter, /Step\s*3/);
  assert.notEqual(endOfThird.w5, endOfFirst.w5);

  await page.getByTestId('reset').click();
  assert.match(await text(page, 'counter'), /Step\s*1/);
  assert.equal(await text(page, 'weight-w5-value'), '0.14');
  assert.equal(await frame(page), 0);

  await page.getByTestId('skip-end').click();
  assert.deepEqual(await snapshot(), endOfFirst);
  await forward(page); // first frame of step 2
  assert.match(await text(page, 'counter'), /Step\s*2/);
  assert.equal(await text(page, 'weight-w5-value'), '0.174');
  await page.getByTestId('step-back').click(); // back across the step boundary
  assert.deepEqual(await snapshot(), endOfFirst);
  await page.getByTestId('skip-end').click(); // end of step 2
  await page.getByTestId('skip-end').click(); // end of step 3
  assert.deepEqual(await snapshot(), endOfThird, 'the recomputed history is identical');

  for (let index = 0; index < 21 * 2; index += 1) await page.keyboard.press('ArrowLeft');
  assert.match(await text(page, 'counter'), /Step\s*1/);
  assert.equal(await frame(page), 20);
  assert.deepEqual(await snapshot(), endOfFirst, 'stepping back two whole steps one frame at a time');
  assert.equal(await page.getByTestId('step-back').getAttribute('aria-disabled'), 'false');
  await page.keyboard.press('Home');
  assert.equal(await page.getByTestId('step-back').getAttribute('aria-disabled'), 'true');
  assert.deepEqual(errors, []);
});
