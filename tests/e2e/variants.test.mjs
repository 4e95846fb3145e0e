// The Variants panel: a variant of the step beside the standard step, every number from the engine. Mazur's post
// prints E = 0.291027924 after one round (its script updated w5–w8 first) where backpropagation gives 0.291027774;
// netflow.js shows 0.25 for the seed post's network after the step (it rounds inside its model) where the step
// gives 0.2557. A share link carries the variants; the panel speaks French; axe finds nothing serious; and in a
// 700-px column (<backstep-viz workbench>) it fits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { PHONE, collectErrors, fullScreenshot, screenshot, text, usePage } from './harness.mjs';

const app = usePage();

/** The texts of one row of the table: [label, standard, variant, differs from]. */
const rowTexts = (root, name) =>
  root
    .getByTestId(`variant-row-${name}`)
    .locator('th, td')
    .allTextContents()
    .then((cells) => cells.map((cell) => cell.trim()));

async function openVariants(page) {
  await page.getByTestId('tab-variants').click();
  await page.getByTestId('panel-variants').waitFor({ state: 'visible' });
}

test('Mazur, output first: 0.29102792391 beside 0.29102777369, w1–w4 differ, w5–w8 do not', async () => {
  const { page, errors } = await app.open({ query: '?example=mazur' });
  await openVariants(page);
  assert.match(await text(page, 'variant-summary'), /^Choose a variant/);
  await page.getByTestId('variant-output-first').check();
  assert.deepEqual(await rowTexts(page, 'E-0'), ['E', '0.29102777369', '0.29102792391', 'decimal 7']);
  assert.equal(await text(page, 'variant-summary'), '7 of 11 values differ: o1, o2, E, w1, w2, w3, w4.');
  assert.deepEqual(await rowTexts(page, 'w5'), ['w5', '0.359', '0.359', '=']);
  assert.equal(await page.getByTestId('variant-row-w1').getAttribute('class'), 'is-diff');
  assert.match(await text(page, 'variant-whys'), /prints E = 0\.291027924 .* gives 0\.291027774\./);
  // Moving through the step changes nothing here; the next step is compared in its turn, and back again.
  await page.getByTestId('step-forward').click();
  assert.deepEqual(await rowTexts(page, 'E-0'), ['E', '0.29102777369', '0.29102792391', 'decimal 7']);
  await page.getByTestId('skip-end').click();
  await page.getByTestId('skip-end').click();
  const next = await rowTexts(page, 'E-0');
  assert.notEqual(next[1], '0.29102777369', 'the second step');
  assert.notEqual(next[1], next[2], 'differs there too');
  await page.getByTestId('reset').click();
  assert.deepEqual(await rowTexts(page, 'E-0'), ['E', '0.29102777369', '0.29102792391', 'decimal 7']);
  // Only the values that differ.
  await page.getByTestId('variant-only').check();
  assert.equal(await page.locator('[data-testid^="variant-row-"]').count(), 7);
  // Mazur's biases are fixed: "trained" moves b1–b4 and not the weights.
  await page.getByTestId('variant-output-first').uncheck();
  await page.getByTestId('variant-biases-trained-biases').check();
  assert.deepEqual((await rowTexts(page, 'b1')).slice(0, 2), ['b1', '0.35 (not updated)']);
  assert.equal(await page.getByTestId('variant-row-w1').count(), 0, 'w1 is the same: not listed');
  await page.getByTestId('variant-biases-document').check();
  assert.match(await text(page, 'variant-summary'), /^Choose a variant/);
  assert.deepEqual(errors, []);
});

test('the seed, rounded to 2 decimals: 0.25 beside 0.2557; a share link reopens with the variant on', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('precision').selectOption('4');
  await openVariants(page);
  await page.getByTestId('variant-round-2').check();
  assert.deepEqual(await rowTexts(page, 'o1-0'), ['o1', '0.2557', '0.25', 'decimal 2']);
  assert.deepEqual(await rowTexts(page, 'w5'), ['w5', '0.1744', '0.17', 'decimal 3']);
  // The seed has no biases: nothing to fix or train, and the page says so.
  assert.equal(await page.getByTestId('variant-biases-trained-biases').isDisabled(), true);
  assert.match(await text(page, 'panel-variants'), /This network has no biases\./);

  await page.waitForFunction(() => window.location.hash.includes('variant=round-2'));
  const hash = await page.evaluate(() => window.location.hash);
  const { page: again, errors: againErrors } = await app.open({ query: hash });
  assert.equal(await again.getByTestId('tab-variants').getAttribute('aria-selected'), 'true', 'opened on Variants');
  assert.equal(await again.getByTestId('variant-round-2').isChecked(), true);
  assert.deepEqual(await rowTexts(again, 'o1-0'), ['o1', '0.2557', '0.25', 'decimal 2']);
  assert.deepEqual([...errors, ...againErrors], []);
});

test('output first on a batch of four: disabled with the reason; with one sample per step, computed', async () => {
  const { page, errors } = await app.open({ query: '?example=xor' });
  await page.getByTestId('tab-network').click();
  await page.getByTestId('batch-size').fill('4');
  await page.getByTestId('batch-size').press('Enter');
  await openVariants(page);
  assert.equal(await page.getByTestId('variant-output-first').isDisabled(), true);
  assert.match(await text(page, 'panel-variants'), /this step’s batch has 4/);
  await page.getByTestId('variant-batching-per-sample').check();
  await page.getByTestId('variant-output-first').check();
  assert.match(await text(page, 'variant-summary'), /values differ/);
  // Back to the network's batch of 4 with output first still on: the engine's own refusal, in the panel.
  await page.getByTestId('variant-batching-document').check();
  assert.match(
    await text(page, 'variant-summary'),
    /^The engine does not compute this variant here: variant: output-first .* batch of 4 samples \(add per-sample\)\.$/,
  );
  assert.equal(await page.getByTestId('variant-table').isHidden(), true);
  assert.equal(await page.locator('.status-banner').isHidden(), true, 'not an alert: the panel says it');
  assert.deepEqual(errors, []);
});

test('in French: labels, sentences and numbers with a decimal comma', async () => {
  const { page, errors } = await app.open({ query: '?example=mazur#variant=output-first&lang=fr' });
  assert.equal(await text(page, 'tab-variants'), 'Variantes');
  assert.equal(await page.getByTestId('panel-variants').isVisible(), true);
  assert.deepEqual(await rowTexts(page, 'E-0'), ['E', '0,29102777369', '0,29102792391', 'la décimale 7']);
  assert.equal(await text(page, 'variant-summary'), '7 valeurs sur 11 diffèrent : o1 ; o2 ; E ; w1 ; w2 ; w3 ; w4.');
  assert.match(await text(page, 'variant-whys'), /affiche E = 0,291027924 /);
  assert.deepEqual(errors, []);
});

test('axe: the Variants panel has no serious or critical violation, desktop and phone, light and dark', async () => {
  for (const [viewport, colorScheme] of [
    [undefined, 'light'],
    [PHONE, 'dark'],
  ]) {
    const { page, errors } = await app.open({ query: '?example=mazur#variant=output-first', viewport, colorScheme });
    await page.getByTestId('variant-table').waitFor();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="panel-variants"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      [],
    );
    await fullScreenshot(page, `variants-${viewport ? 'phone' : 'desktop'}-${colorScheme}`);
    assert.deepEqual(errors, []);
  }
});

test('<backstep-viz workbench> in the 700-px column of examples/element-host.html: a link’s variant, fits', async () => {
  const browserContext = await app.browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  const page = await browserContext.newPage();
  const errors = await collectErrors(page);
  await page.goto(`${app.url}examples/element-host.html`);
  // A third element, at the end of the post's column: the workbench on, Mazur, and a link that names a variant.
  await page.evaluate(() => {
    const element = document.createElement('backstep-viz');
    element.id = 'third';
    element.setAttribute('workbench', '');
    element.setAttribute('example', 'mazur');
    element.setAttribute('link', 'variant=output-first');
    document.querySelector('.column').append(element);
  });
  const inside = page.locator('#third');
  await inside.scrollIntoViewIfNeeded();
  await inside.locator('[data-testid="variant-table"]').waitFor({ timeout: 15000 });
  assert.deepEqual(await rowTexts(inside, 'E-0'), ['E', '0.29102777369', '0.29102792391', 'decimal 7']);
  const overflow = await page.evaluate(() => {
    const panel = document.querySelector('#third').shadowRoot.querySelector('[data-testid="panel-variants"]');
    return { panel: panel.scrollWidth - panel.clientWidth, width: panel.getBoundingClientRect().width };
  });
  assert.ok(overflow.panel <= 0, `the panel overflows by ${overflow.panel} px`);
  assert.ok(overflow.width <= 700, `${overflow.width} px wide`);
  await inside.locator('[data-testid="panel-variants"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'variants-element-column');
  assert.deepEqual(errors, []);
  await browserContext.close();
});
