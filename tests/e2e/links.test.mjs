// The formula and the graph point at each other: hovering a term highlights its neuron or
// edge; hovering a neuron or edge shows its latest formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameTo, text, usePage } from './harness.mjs';

const app = usePage();

test('hovering a formula term highlights it in the graph', async () => {
  const { page, errors } = await app.open();
  await frameTo(page, 10); // ∂E/∂w1 = Δ·w5·i1
  const term = page.getByTestId('formula-symbolic').locator('[data-ref="w:w5"]').first();
  await term.hover();
  assert.equal(
    await page.locator('.edge[data-ref="w:w5"]').evaluate((element) => element.classList.contains('is-hover')),
    true,
  );
  assert.equal(await page.getByTestId('weight-w5').evaluate((element) => element.classList.contains('is-hover')), true);
  await page.getByTestId('formula-substituted').locator('[data-ref="n:i1"]').first().hover();
  assert.equal(await page.getByTestId('neuron-i1').evaluate((element) => element.classList.contains('is-hover')), true);
  assert.equal(
    await page.getByTestId('weight-w5').evaluate((element) => element.classList.contains('is-hover')),
    false,
  );
  assert.deepEqual(errors, []);
});

test('hovering a neuron or an edge shows its latest formula, and leaving restores the step', async () => {
  const { page, errors } = await app.open();
  await frameTo(page, 10);
  assert.equal(await text(page, 'formula-caption'), 'Gradient ∂E/∂w1');
  await page.getByTestId('neuron-h1').hover();
  assert.equal(await text(page, 'formula-caption'), 'Hidden delta δh1');
  assert.equal(await text(page, 'formula-preview'), 'Latest formula for h1');
  await page.getByTestId('weight-w6').hover();
  assert.equal(await text(page, 'formula-caption'), 'Gradient ∂E/∂w6');
  await page.getByTestId('neuron-o1').hover();
  assert.equal(await text(page, 'formula-caption'), 'Output delta δo1');
  await page.mouse.move(5, 5);
  assert.equal(await text(page, 'formula-caption'), 'Gradient ∂E/∂w1');
  assert.equal(await page.getByTestId('formula-preview').isVisible(), false);
  assert.equal(
    await text(page, 'narration'),
    '∂E/∂w1 = δ(h1) × i1 = (−0.113) × 2 = −0.227',
    'the narration follows the step, not the pointer',
  );
  assert.deepEqual(errors, []);
});

test('the matrix view writes the pass as the seed post does', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('view-matrix').click();
  await frameTo(page, 18); // update w5: [w5; w6] ← [w5; w6] − ηΔ[h1; h2]
  await page.getByTestId('formula-symbolic').locator('.katex-html').first().waitFor(); // KaTeX loads after the graph
  const flat = async (part) =>
    (await page.getByTestId(`formula-${part}`).locator('.katex-html').allInnerTexts())
      .join('')
      .replace(/[\s\u200b]+/g, '');
  assert.equal(await flat('symbolic'), '[w5w6]←[w5w6]−ηΔ[h1h2]');
  assert.equal(await flat('substituted'), '[0.140.15]−0.05(−0.809)[0.850.48]');
  assert.equal(await flat('result'), '[w5w6]=[0.174?]');
  await frameTo(page, 14); // update w1: [[w1 w3]; [w2 w4]] ← … − ηΔ [i1; i2][w5 w6]
  assert.equal(await flat('symbolic'), '[w1w2w3w4]←[w1w2w3w4]−ηΔ[i1i2][w5w6]');
  await page.getByTestId('view-scalar').click();
  assert.equal(await flat('symbolic'), 'w1←w1−η∂w1∂E');
  assert.deepEqual(errors, []);
});
