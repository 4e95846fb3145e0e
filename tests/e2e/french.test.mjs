// The interface in French: from the browser's language, from a link, or switched live; numbers with a decimal
// comma in the graph, the panels and the narration, formulas unchanged; back to English on the same frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formulaText, frameTo, text, usePage } from './harness.mjs';

const app = usePage();

test('a French browser gets French labels and 0,191; switching to English keeps the frame', async () => {
  const { page, errors } = await app.open({ locale: 'fr-FR' });
  assert.equal(await page.locator('.backstep').getAttribute('lang'), 'fr');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr', 'the page that owns the document');
  assert.equal(await text(page, 'phase-forward'), 'Avant');
  await frameTo(page, 3); // o1 = w5·h1 + w6·h2
  assert.equal(await text(page, 'neuron-o1-value'), '0,191');
  assert.match(await text(page, 'narration'), /= 0,191$/);
  assert.match(await text(page, 'counter'), /Époque\s*1/);
  assert.equal(await formulaText(page, 'result'), 'o1=0.191', 'formulas keep the decimal point');

  await page.getByTestId('language').selectOption('en');
  assert.equal(await page.locator('.backstep').getAttribute('lang'), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await text(page, 'phase-forward'), 'Forward');
  assert.equal(await text(page, 'neuron-o1-value'), '0.191');
  assert.match(await text(page, 'counter'), /Epoch\s*1/);
  assert.equal(Number(await page.getByTestId('scrubber').inputValue()), 3, 'the same frame');

  await page.getByTestId('language').selectOption('fr');
  assert.equal(await text(page, 'neuron-o1-value'), '0,191');
  assert.deepEqual(errors, []);
});

test('a link carries the language; the engine’s refusals reach a French learner with a French lead-in', async () => {
  const { page, errors } = await app.open({
    query: '#v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&lang=fr',
  });
  assert.equal(await text(page, 'legend-edit'), 'Cliquez sur une valeur pour la modifier');
  await page.getByTestId('learning-rate').click();
  await page.getByTestId('edit-input').fill('0');
  await page.getByTestId('edit-input').press('Enter');
  assert.match(
    await text(page, 'edit-message'),
    /^Le moteur l’a refusé : learningRate: expected a number > 0, got 0\. La valeur reste 0,05\.$/,
  );
  assert.deepEqual(errors, []);
});

test('switching the language while playing keeps playing, and keeps the keyboard', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('play').click();
  await page.getByTestId('language').selectOption('fr');
  const before = Number(await page.getByTestId('scrubber').inputValue());
  await page.waitForFunction(
    (frame) => Number(document.querySelector('[data-testid="scrubber"]').value) > frame + 1,
    before,
    { timeout: 5000 },
  );
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'language');
  assert.deepEqual(errors, []);
});
