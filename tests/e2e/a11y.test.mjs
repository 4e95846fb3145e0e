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
