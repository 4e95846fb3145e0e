// axe-core finds no serious or critical accessibility violation, on a desktop and a phone,
// in the light and the dark theme, in several states of a step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { DESKTOP, PHONE, frameTo, usePage } from './harness.mjs';

const app = usePage();

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

for (const [name, options] of [
  ['desktop, light', { viewport: DESKTOP, colorScheme: 'light' }],
  ['desktop, dark', { viewport: DESKTOP, colorScheme: 'dark' }],
  ['phone, light', { viewport: PHONE, colorScheme: 'light' }],
  ['phone, dark', { viewport: PHONE, colorScheme: 'dark' }],
]) {
  test(`axe: no serious or critical violations (${name})`, async () => {
    const { page, errors } = await app.open(options);
    assert.deepEqual(await seriousViolations(page), [], 'first frame');
    await frameTo(page, 10);
    assert.deepEqual(await seriousViolations(page), [], 'backward pass');
    await frameTo(page, 20);
    await page.getByTestId('view-matrix').click();
    assert.deepEqual(await seriousViolations(page), [], 'update, matrix view');
    await page.getByTestId('weight-w1').click();
    await page.getByTestId('edit-input').fill('abc');
    await page.getByTestId('edit-input').press('Enter');
    assert.deepEqual(await seriousViolations(page), [], 'editor with a message');
    assert.deepEqual(errors, []);
  });
}

test('axe: the compact embed in a 700 × 500 column, light and dark, scalar and matrix', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors } = await app.open({
      query: 'embed.html',
      viewport: { width: 700, height: 500 },
      colorScheme,
    });
    await frameTo(page, 8);
    assert.deepEqual(await seriousViolations(page), [], `${colorScheme}: backward pass`);
    await page.getByTestId('view-matrix').click();
    assert.deepEqual(await seriousViolations(page), [], `${colorScheme}: matrix view`);
    assert.deepEqual(errors, []);
  }
});

test('axe: the intro card, the Why? line and the shortcuts, on a desktop and a phone, light and dark', async () => {
  for (const viewport of [DESKTOP, PHONE])
    for (const colorScheme of ['light', 'dark']) {
      const where = `${viewport.width}px, ${colorScheme}`;
      const { page, errors } = await app.open({ viewport, colorScheme, intro: true });
      assert.deepEqual(await seriousViolations(page), [], `${where}: the intro card`);
      await page.keyboard.press('Escape');
      await frameTo(page, 18);
      assert.deepEqual(await seriousViolations(page), [], `${where}: the Why? line of an update`);
      await page.locator('.backstep').focus();
      await page.keyboard.press('?');
      assert.deepEqual(await seriousViolations(page), [], `${where}: the list of shortcuts`);
      assert.deepEqual(errors, []);
    }
});

test('axe: an embed with the Why? line open and the intro card (embed.html#why=1&intro=1)', async () => {
  const { page, errors } = await app.open({
    query: 'embed.html#why=1&intro=1',
    viewport: { width: 700, height: 500 },
    intro: true,
  });
  await frameTo(page, 8);
  assert.ok(await page.getByTestId('intro-card').isVisible());
  assert.ok(await page.getByTestId('why-text').isVisible());
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(errors, []);
});
