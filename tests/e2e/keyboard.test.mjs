// Keyboard only: every control is reachable with Tab and shows a focus ring; a whole training
// step can be run with the arrow keys, Space, Home and End; values can be edited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frame, text, usePage } from './harness.mjs';

const app = usePage();

async function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const id = element?.getAttribute('data-testid') ?? element?.id ?? element?.tagName;
    let ring = false;
    if (element instanceof SVGElement) {
      const focusRing = element.querySelector(':scope > .focus-ring');
      ring = Boolean(focusRing) && getComputedStyle(focusRing).opacity === '1';
    } else if (element) {
      const style = getComputedStyle(element);
      ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    }
    return { id, ring };
  });
}

async function tabTo(page, testId, limit = 80) {
  for (let count = 0; count < limit; count += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).id === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('every control is reachable by Tab, with a visible focus ring', async () => {
  const { page, errors } = await app.open();
  const rings = new Map();
  for (let count = 0; count < 45; count += 1) {
    await page.keyboard.press('Tab');
    const { id, ring } = await focused(page);
    if (!rings.has(id)) rings.set(id, ring);
  }
  const expected = [
    'preset',
    'precision',
    'theme',
    'learning-rate',
    'neuron-i1',
    'neuron-i2',
    'weight-w1',
    'weight-w2',
    'weight-w3',
    'weight-w4',
    'weight-w5',
    'weight-w6',
    'target-o1',
    'view-scalar',
    'view-matrix',
    'reset',
    'step-back',
    'play',
    'step-forward',
    'skip-end',
    'phase-forward',
    'phase-error',
    'phase-backward',
    'phase-update',
    'scrubber',
    'speed',
  ];
  for (const id of expected) {
    assert.ok(rings.has(id), `${id} is reachable by Tab (reached: ${[...rings.keys()].join(', ')})`);
    assert.equal(rings.get(id), true, `${id} shows a focus ring`);
  }
  assert.deepEqual(errors, []);
});

test('keyboard only: a full step with → and ←, Home, End and Space', async () => {
  const { page, errors } = await app.open();
  for (let count = 0; count < 20; count += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await frame(page), 20);
  assert.equal(await text(page, 'neuron-h1-value'), '0.85');
  assert.equal(await text(page, 'card-error'), '0.327');
  assert.equal(await text(page, 'weight-w5-value'), '0.174');
  assert.equal(await text(page, 'card-result-o1'), '0.256');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await frame(page), 19);
  await page.keyboard.press('Home');
  assert.equal(await frame(page), 0);
  assert.equal(await text(page, 'weight-w5-value'), '0.14');
  await page.keyboard.press('End');
  assert.equal(await frame(page), 20);
  await page.keyboard.press('Home');

  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('play').getAttribute('aria-label'), 'Pause');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="scrubber"]').value) >= 2, null, {
    timeout: 5000,
  });
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('play').getAttribute('aria-label'), 'Play');
  const paused = await frame(page);
  await page.waitForTimeout(1200);
  assert.equal(await frame(page), paused, 'paused means paused');

  await tabTo(page, 'play');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('play').getAttribute('aria-label'), 'Pause');
  await page.keyboard.press('Space'); // Space on a button presses that button
  assert.equal(await page.getByTestId('play').getAttribute('aria-label'), 'Play');
  assert.deepEqual(errors, []);
});

test('keyboard only: edit w1 to 0.5, and shortcuts stay quiet while typing', async () => {
  const { page, errors } = await app.open();
  await tabTo(page, 'weight-w1');
  await page.keyboard.press('Enter');
  const input = page.getByTestId('edit-input');
  assert.equal(await input.evaluate((element) => element === document.activeElement), true);
  assert.equal(await input.inputValue(), '0.11');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  assert.equal(await frame(page), 0, 'no shortcut fired while typing');
  await input.fill('');
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'weight-w1', 'focus returns to the edited weight');
  assert.equal(await text(page, 'weight-w1-value'), '0.5');
  await page.keyboard.press('ArrowRight');
  assert.equal(await text(page, 'neuron-h1-value'), '1.63');

  await page.keyboard.press('Enter'); // reopen on w1, then cancel
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('editor').isVisible(), false);
  assert.equal(await text(page, 'weight-w1-value'), '0.5');
  assert.deepEqual(errors, []);
});
