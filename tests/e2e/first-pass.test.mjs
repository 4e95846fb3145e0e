// Stepping through the seed's first training step shows the post's numbers, each from the
// engine's trace: forward, error, backward (with the chain rule), update, and the next pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formulaText, forward, text, usePage } from './harness.mjs';

const app = usePage();

test('the first pass shows h1 0.85, h2 0.48, 0.191, E 0.327, Δ −0.809, the gradients, the updates and 0.256', async () => {
  const { page, errors } = await app.open();

  await forward(page); // forward h1
  assert.equal(await text(page, 'neuron-h1-value'), '0.85');
  assert.equal(await text(page, 'narration'), 'h1 = 2 × 0.11 + 3 × 0.21 = 0.85');
  assert.equal(await formulaText(page, 'substituted'), 'h1=2×0.11+3×0.21');
  assert.equal(await formulaText(page, 'result'), 'h1=0.85');

  await forward(page); // forward h2
  assert.equal(await text(page, 'neuron-h2-value'), '0.48');
  await forward(page); // forward o1
  assert.equal(await text(page, 'neuron-o1-value'), '0.191');
  assert.equal(await text(page, 'card-difference-o1'), '—', 'Δ waits for the error event');

  await forward(page); // error
  assert.equal(await text(page, 'card-difference-o1'), '−0.809');
  assert.equal(await text(page, 'card-error'), '0.327');
  assert.equal(await formulaText(page, 'result'), 'E=0.327');

  await forward(page); // delta o1
  assert.equal(await text(page, 'neuron-o1-delta'), 'δ −0.809');
  await forward(page, 2); // gradients w5, w6
  assert.equal(await text(page, 'weight-w5-gradient'), '∂ −0.688');
  await forward(page); // delta h1
  assert.equal(await text(page, 'neuron-h1-delta'), 'δ −0.113');
  assert.equal(
    await formulaText(page, 'substituted'),
    'δh1=1×(0.14×(−0.809))',
    'the hidden delta shows its chain-rule factors',
  );
  await forward(page); // delta h2
  assert.equal(await text(page, 'neuron-h2-delta'), 'δ −0.121');

  await forward(page); // gradient w1
  assert.equal(await text(page, 'formula-caption'), 'Gradient ∂E/∂w1');
  assert.equal(await text(page, 'weight-w1-gradient'), '∂ −0.227');
  const symbolic = await formulaText(page, 'symbolic');
  assert.ok(symbolic.includes('Δ⋅w5⋅i1'), `chain rule Δ·w5·i1 in ${symbolic}`);
  assert.ok(
    symbolic.includes('∂o1∂E⋅∂h1∂o1⋅∂w1∂h1'),
    'Leibniz chain ∂E/∂o1 · ∂o1/∂h1 · ∂h1/∂w1 (KaTeX lists denominators first)',
  );
  await page.getByTestId('precision').selectOption('4');
  assert.equal(await text(page, 'weight-w1-gradient'), '∂ −0.2265');
  assert.equal(await formulaText(page, 'substituted'), '∂w1∂E=(−0.809)(0.14)(2)');
  assert.equal(await formulaText(page, 'result'), '∂w1∂E=−0.2265');
  assert.equal(await text(page, 'narration'), '∂E/∂w1 = δ(h1) × i1 = (−0.1133) × 2 = −0.2265');
  await page.getByTestId('precision').selectOption('3');

  await forward(page, 4); // gradients w2..w4, update w1
  assert.equal(await text(page, 'formula-caption'), 'Update w1');
  assert.equal(await text(page, 'weight-w1-value'), '0.121');
  assert.equal(await text(page, 'weight-w1-old'), '0.11');
  await forward(page, 4); // updates w2..w5
  assert.equal(await text(page, 'weight-w5-value'), '0.174');
  assert.equal(await text(page, 'weight-w5-old'), '0.14');
  assert.equal(await formulaText(page, 'substituted'), 'w5←0.14−0.05×(−0.688)');
  await page.getByTestId('precision').selectOption('4');
  assert.equal(await text(page, 'weight-w5-value'), '0.1744');
  await page.getByTestId('precision').selectOption('3');

  await forward(page, 2); // update w6, result
  assert.equal(await text(page, 'weight-w6-value'), '0.169');
  assert.equal(await text(page, 'card-result-o1'), '0.256');
  assert.equal(await text(page, 'card-result-E'), '0.277');
  await page.getByTestId('precision').selectOption('2');
  assert.equal(await text(page, 'card-result-o1'), '0.26', 'the post shows 0.26');
  await page.getByTestId('precision').selectOption('3');

  await forward(page); // the next step starts with the new weights
  assert.match(await text(page, 'counter'), /Step\s*2/);
  assert.equal(await text(page, 'weight-w5-value'), '0.174');
  assert.equal(await page.getByTestId('weight-w5-old').count(), 0);
  await forward(page, 3);
  assert.equal(await text(page, 'neuron-h1-value'), '0.924');
  assert.equal(await text(page, 'neuron-o1-value'), '0.256');
  assert.deepEqual(errors, []);
});
