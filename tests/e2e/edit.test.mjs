// Editing in place: valid values start the step again from the edited document (computed by
// the engine); refused text leaves everything as it was and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editValue, frame, frameTo, forward, text, usePage } from './harness.mjs';

const app = usePage();

test('editing w1 to 0.5 gives h1 = 1.63', async () => {
  const { page, errors } = await app.open();
  await editValue(page, 'weight-w1', '0.5');
  assert.equal(await page.getByTestId('editor').isVisible(), false);
  assert.equal(await text(page, 'weight-w1-value'), '0.5');
  await forward(page);
  assert.equal(await text(page, 'neuron-h1-value'), '1.63');
  assert.equal(await text(page, 'narration'), 'h1 = 2 × 0.5 + 3 × 0.21 = 1.63');
  assert.deepEqual(errors, []);
});

test('typing "abc" shows a message and keeps 0.11; "", "1e999" and "1e-400" are refused too', async () => {
  const { page, errors } = await app.open();
  await editValue(page, 'weight-w1', 'abc');
  const message = page.getByTestId('edit-message');
  assert.equal(await message.isVisible(), true);
  assert.match(await message.textContent(), /“abc” is not a number\. The value stays 0\.11\./);
  assert.equal(await page.getByTestId('edit-input').getAttribute('aria-invalid'), 'true');
  assert.equal(await text(page, 'weight-w1-value'), '0.11');
  for (const [typed, pattern] of [
    ['', /Type a number/],
    ['1e999', /too large/],
    ['1e-400', /“1e-400” is too close to zero to be represented\. The value stays 0\.11\./],
  ]) {
    await page.getByTestId('edit-input').fill(typed);
    await page.getByTestId('edit-input').press('Enter');
    assert.match(await message.textContent(), pattern);
    assert.equal(await text(page, 'weight-w1-value'), '0.11');
  }
  await page.getByTestId('edit-input').press('Escape');
  assert.equal(await page.getByTestId('editor').isVisible(), false);
  await forward(page);
  assert.equal(await text(page, 'neuron-h1-value'), '0.85', 'the network is unchanged');
  assert.deepEqual(errors, []);
});

test('the engine refuses a learning rate of 0 with its own message; 0.1 is recomputed', async () => {
  const { page, errors } = await app.open();
  await editValue(page, 'learning-rate', '0');
  assert.match(
    await page.getByTestId('edit-message').textContent(),
    /engine refused it: learningRate: expected a number > 0.*stays 0\.05/,
  );
  assert.equal(await text(page, 'learning-rate-value'), '0.05');
  await page.getByTestId('edit-input').fill('0.1');
  await page.getByTestId('edit-input').press('Enter');
  assert.equal(await text(page, 'learning-rate-value'), '0.1');
  await frameTo(page, 18);
  assert.equal(await text(page, 'weight-w5-value'), '0.209', '0.14 − 0.1 × (−0.68765)');
  assert.deepEqual(errors, []);
});

test('inputs and targets are editable, and an edit mid-step recomputes the numbers on screen', async () => {
  const { page, errors } = await app.open();
  await editValue(page, 'neuron-i1', '1');
  await forward(page);
  assert.equal(await text(page, 'neuron-h1-value'), '0.74');
  await editValue(page, 'neuron-i1', '2');
  await page.locator('.cell[data-ref="t:o1"]').click();
  await page.getByTestId('edit-input').fill('2');
  await page.getByTestId('edit-input').press('Enter');
  assert.equal(await text(page, 'card-target-o1'), '2');
  await frameTo(page, 4);
  assert.equal(await text(page, 'card-difference-o1'), '−1.809');

  await frameTo(page, 10); // gradient w1, then change w5 in place
  await editValue(page, 'weight-w5', '1');
  assert.equal(await frame(page), 10, 'the cursor stays on the same frame');
  assert.equal(
    await text(page, 'formula-preview'),
    'Latest formula for w5',
    'focus is back on w5, whose latest formula is shown',
  );
  assert.equal(await text(page, 'weight-w5-value'), '1');
  assert.equal(await text(page, 'neuron-o1-value'), '0.922');
  assert.equal(await text(page, 'weight-w1-gradient'), '∂ −2.156', 'Δ·w5·i1 = (0.922 − 2)(1)(2)');
  assert.deepEqual(errors, []);
});

test('an edit after some training keeps the earlier steps and starts this step again', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('skip-end').click();
  await forward(page); // step 2, frame 0
  assert.match(await text(page, 'counter'), /Step\s*2/);
  await editValue(page, 'weight-w6', '0');
  assert.match(await text(page, 'counter'), /Step\s*2/, 'the counter keeps its place');
  assert.equal(await text(page, 'weight-w6-value'), '0');
  await page.getByTestId('step-back').click();
  assert.match(await text(page, 'counter'), /Step\s*1/);
  assert.equal(await text(page, 'weight-w6-value'), '0.169', 'step 1 is kept as it happened');
  assert.deepEqual(errors, []);
});

test('the ± and Apply buttons make a negative weight without a minus key (phone keypads)', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('weight-w6').click();
  await page.getByTestId('edit-sign').click();
  assert.equal(await page.getByTestId('edit-input').inputValue(), '−0.15');
  await page.getByTestId('edit-apply').click();
  assert.equal(await text(page, 'weight-w6-value'), '−0.15');
  const edge = page.locator('.edge[data-ref="w:w6"]');
  assert.equal(await edge.evaluate((element) => element.classList.contains('is-neg')), true);
  assert.notEqual(
    await edge.locator('.edge-line').evaluate((element) => getComputedStyle(element).strokeDasharray),
    'none',
    'a negative weight is dashed, not only orange',
  );
  await frameTo(page, 3);
  assert.equal(await text(page, 'neuron-o1-value'), '0.047', '0.85 × 0.14 + 0.48 × (−0.15)');
  assert.deepEqual(errors, []);
});
