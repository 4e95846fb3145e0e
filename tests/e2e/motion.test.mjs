// With motion: Play at 4× animates a whole step (numbers travel along the edges) and goes on
// into the next step; quick steps interrupt animations cleanly. Screenshots of mid-animation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, frame, screenshot, text, usePage } from './harness.mjs';

const app = usePage();

const playLabel = (page) => page.getByTestId('play').getAttribute('aria-label');

test('plays a full step with motion at 4× to its end', async () => {
  const { page, errors } = await app.open({ reducedMotion: 'no-preference' });
  await page.getByTestId('speed').selectOption('4');
  const started = Date.now();
  await page.getByTestId('play').click();
  assert.equal(await playLabel(page), 'Pause');
  await page.locator('.token-forward').first().waitFor({ state: 'attached', timeout: 3000 });
  await page.waitForTimeout(120);
  await screenshot(page, 'desktop-light-animating-forward');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="scrubber"]').value) === 5, null, {
    timeout: 10000,
  });
  await page.locator('.token-backward').first().waitFor({ state: 'attached', timeout: 3000 });
  await page.waitForTimeout(100);
  await screenshot(page, 'desktop-light-animating-backward');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="scrubber"]').value) === 20, null, {
    timeout: 30000,
  });
  const seconds = (Date.now() - started) / 1000;
  assert.ok(seconds > 4 && seconds < 20, `a step at 4× takes a few seconds (${seconds.toFixed(1)} s)`);
  assert.equal(await text(page, 'card-result-o1'), '0.256', 'the last frame shows the new prediction');
  assert.equal(await text(page, 'weight-w5-value'), '0.174');
  // Play goes on: the next step's forward pass runs with the updated weights.
  await page.waitForFunction(
    () => /Step\s*2\b/.test(document.querySelector('[data-testid="counter"]').textContent),
    null,
    { timeout: 10000 },
  );
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="scrubber"]').value) >= 3, null, {
    timeout: 10000,
  });
  await page.getByTestId('play').click();
  assert.equal(await playLabel(page), 'Play');
  assert.equal(await text(page, 'neuron-h1-value'), '0.924', 'new h1 = 0.923619 with the updated weights');
  await page.waitForTimeout(600);
  assert.equal(await page.locator('.overlay > *').count(), 0, 'no token left behind');
  const hidden = await page.locator('.is-animated').count();
  assert.equal(hidden, 0, 'every revealed text is fully visible');
  assert.deepEqual(errors, []);
});

test('quick steps interrupt animations and leave exact values', async () => {
  const { page, errors } = await app.open({ reducedMotion: 'no-preference' });
  for (let count = 0; count < 4; count += 1) await page.keyboard.press('ArrowRight');
  const opacity = await page.getByTestId('neuron-o1-value').evaluate((element) => getComputedStyle(element).opacity);
  assert.equal(await text(page, 'neuron-o1-value'), '0.191');
  assert.equal(await text(page, 'neuron-h1-value'), '0.85');
  assert.equal(
    await page.getByTestId('neuron-h1-value').evaluate((element) => getComputedStyle(element).opacity),
    '1',
    'earlier values are not left half-faded',
  );
  assert.ok(Number(opacity) <= 1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await text(page, 'neuron-o1-value'), '', 'back two frames: o1 not yet computed');
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.overlay > *').count(), 0, 'stepping back does not animate');
  assert.deepEqual(errors, []);
});

test('phone: the step animates and the controls stay at the bottom', async () => {
  const { page, errors } = await app.open({ viewport: PHONE, reducedMotion: 'no-preference', hasTouch: true });
  await page.getByTestId('bar-more').tap(); // a phone keeps the speed behind "more"
  await page.getByTestId('speed').selectOption('2');
  await page.getByTestId('phase-update').tap();
  await page.getByTestId('step-forward').tap();
  await page.locator('.pill.is-current').first().waitFor();
  await page.waitForTimeout(150);
  await screenshot(page, 'phone-light-animating-update');
  const bar = await page.getByTestId('play').boundingBox();
  assert.ok(
    bar.y + bar.height <= PHONE.height && bar.y > PHONE.height - 120,
    `play button within thumb reach (y = ${bar.y})`,
  );
  for (const id of ['reset', 'step-back', 'play', 'step-forward', 'skip-end', 'phase-forward', 'bar-more', 'speed']) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `${id} is at least 44×44 (${box.width}×${box.height})`);
  }
  assert.deepEqual(errors, []);
});
