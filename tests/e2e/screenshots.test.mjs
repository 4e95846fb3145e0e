// Screenshots of the page at desktop and phone sizes, light and dark, in every phase — for
// people to look at (written to test-results/screenshots/, not committed). Each also checks
// that nothing overflows the viewport horizontally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, editValue, frameTo, fullScreenshot, screenshot, usePage } from './harness.mjs';

const app = usePage();

async function noHorizontalOverflow(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
}

for (const [size, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: ${size}, ${scheme}`, async () => {
      const { page, errors } = await app.open({ viewport, colorScheme: scheme });
      const shots = [
        [0, 'start'],
        [1, 'forward-h1'],
        [4, 'error'],
        [10, 'backward-w1'],
        [18, 'update-w5'],
        [20, 'result'],
      ];
      for (const [index, name] of shots) {
        await frameTo(page, index);
        await page.mouse.move(1, 1);
        await noHorizontalOverflow(page);
        await screenshot(page, `${size}-${scheme}-${name}`);
      }
      if (scheme === 'light') {
        await fullScreenshot(page, `${size}-${scheme}-result-full`);
        await page.getByTestId('view-matrix').click();
        await frameTo(page, 14);
        await screenshot(page, `${size}-${scheme}-matrix-update-w1`);
        await frameTo(page, 1);
        await screenshot(page, `${size}-${scheme}-matrix-forward-h1`);
        await page.getByTestId('view-scalar').click();
        await frameTo(page, 10);
        await page.getByTestId('neuron-h1').hover();
        await screenshot(page, `${size}-${scheme}-hover-h1`);
        await editValue(page, 'weight-w1', 'abc');
        await screenshot(page, `${size}-${scheme}-edit-refused`);
        await page.getByTestId('edit-input').press('Escape');
        await editValue(page, 'weight-w6', '-0.15');
        await frameTo(page, 18);
        await screenshot(page, `${size}-${scheme}-negative-weight`);
      }
      if (size === 'phone') {
        await page.getByTestId('settings-toggle').click();
        assert.equal(await page.getByTestId('precision').isVisible(), true, 'settings open on a phone');
        await screenshot(page, `${size}-${scheme}-settings`);
        await page.getByTestId('settings-toggle').focus(); // screenshot() blurred it; keys go to the focused instance
        await page.keyboard.press('Escape');
        assert.equal(await page.getByTestId('precision').isVisible(), false);
      }
      assert.deepEqual(errors, []);
    });
  }
}

test('screenshots: the Mazur example (biases, sigmoid, two outputs)', async () => {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    const { page, errors } = await app.open({ viewport, query: '?example=mazur' });
    await frameTo(page, 12);
    await screenshot(page, `${size}-mazur-backward`);
    await page.keyboard.press('End');
    await noHorizontalOverflow(page);
    await fullScreenshot(page, `${size}-mazur-result-full`);
    assert.deepEqual(errors, []);
  }
});
