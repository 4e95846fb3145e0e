// The operations view: the step as a scalar autograd graph (one node per ×, +, f, difference and error), switched
// to in the graph card, linked to the neuron view and the formulas through the hover, filled in as the player
// moves, in both languages, accessible, and carried by share links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { DESKTOP, PHONE, forward, frameTo, screenshot, text, usePage } from './harness.mjs';

const app = usePage();
const OPS = '[data-testid="op-in-i1"]'; // the operations view is drawn
const hovered = (locator) => locator.evaluate((element) => element.classList.contains('is-hover'));
const gradients = (page) =>
  page
    .locator('[data-testid="opgraph"] .op-gradient')
    .evaluateAll((elements) =>
      elements.filter((element) => element.textContent !== '').map((element) => element.dataset.testid),
    );

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

test('the operations view of the seed: products, sums, activations, the error, with the trace’s numbers', async () => {
  const { page, errors } = await app.open();
  assert.equal(await page.getByTestId('opgraph-view').isVisible(), false, 'the neurons by default');
  await page.getByTestId('graph-view-operations').click();
  assert.equal(await page.getByTestId('graph-view-operations').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('graph').isVisible(), false, 'one view at a time');
  assert.equal(await page.locator('.op-product').count(), 6);
  assert.equal(await page.locator('.op-sum').count(), 3);
  assert.equal(await page.locator('.op-activation').count(), 3);
  assert.equal(await text(page, 'op-mul-w1-value'), '·', 'nothing computed before the forward pass');
  await frameTo(page, 1); // forward h1
  assert.equal(await text(page, 'op-mul-w1-value'), '0.22');
  assert.equal(await text(page, 'op-mul-w2-value'), '0.63');
  assert.equal(await text(page, 'op-sum-h1-value'), '0.85');
  assert.equal(await text(page, 'op-sum-h2-value'), '·', 'h2 comes next');
  assert.equal(await page.getByTestId('op-mul-w1').locator('title').textContent(), 'product w1 × i1\n0.11 × 2 = 0.22');
  assert.equal(await text(page, 'op-w-w1-value'), '0.11');
  assert.deepEqual(await page.locator('.op-caption').allTextContents(), [
    'z h1',
    'h1',
    'z h2',
    'h2',
    'z o1',
    'o1',
    'Δ o1',
    'E',
  ]);
  await frameTo(page, 13); // the last gradient
  assert.equal(await text(page, 'op-w-w1-gradient'), '−0.227'); // i1 · δh1 = 2 × (−0.113)
  assert.equal(await text(page, 'op-sum-h1-gradient'), '−0.113');
  assert.equal(await text(page, 'op-f-o1-gradient'), '−0.809');
  assert.equal(await text(page, 'op-loss-o1-value'), '0.327');
  await frameTo(page, 14); // update w1
  assert.equal(await text(page, 'op-w-w1-value'), '0.121');
  assert.equal(await page.getByTestId('op-w-w1').evaluate((element) => element.classList.contains('is-updated')), true);
  await screenshot(page, 'opgraph-seed-desktop');
  assert.deepEqual(errors, []);
});

test('the backward frames reveal the gradients in order, each frame ringing what it fills in', async () => {
  const { page, errors } = await app.open({ query: '#graph=operations', ready: OPS });
  await frameTo(page, 4); // the error
  assert.deepEqual(await gradients(page), []);
  const seen = [];
  for (let index = 5; index <= 13; index += 1) {
    await forward(page);
    const now = await gradients(page);
    seen.push(now.filter((id) => !seen.flat().includes(id)).sort());
    const current = await page
      .locator('.op-node.is-current')
      .evaluateAll((nodes) => nodes.map((node) => node.dataset.node));
    assert.ok(current.length > 0, `frame ${index} rings its nodes`);
  }
  const ids = (...names) => names.map((name) => `op-${name}-gradient`).sort();
  assert.deepEqual(seen, [
    ids('diff-o1', 'f-o1', 'mul-w5', 'mul-w6', 'sum-o1'),
    ids('w-w5'),
    ids('w-w6'),
    ids('f-h1', 'mul-w1', 'mul-w2', 'sum-h1'),
    ids('f-h2', 'mul-w3', 'mul-w4', 'sum-h2'),
    ids('w-w1'),
    ids('w-w2'),
    ids('w-w3'),
    ids('w-w4'),
  ]);
  await frameTo(page, 8); // δh1: the gradient runs back from the next layer's products through f and + to the products
  const flow = await page
    .locator('.op-edge.is-flow')
    .evaluateAll((edges) => edges.map((edge) => `${edge.dataset.from}>${edge.dataset.to}`).sort());
  assert.deepEqual(flow, ['f:h1>mul:w5', 'mul:w1>sum:h1', 'mul:w2>sum:h1', 'sum:h1>f:h1']);
  assert.deepEqual(errors, []);
});

test('hovering w1 in one view highlights it in the other, both ways; the formula follows', async () => {
  const { page, errors } = await app.open({ query: '#graph=both' });
  await frameTo(page, 13);
  assert.equal(await page.getByTestId('graph').isVisible(), true);
  assert.equal(await page.getByTestId('opgraph').isVisible(), true);
  // neurons → operations
  await page.getByTestId('weight-w1').hover();
  assert.equal(await hovered(page.getByTestId('op-w-w1')), true);
  assert.equal(await hovered(page.getByTestId('op-mul-w1')), true, 'and the product it makes');
  assert.equal(await hovered(page.getByTestId('op-w-w2')), false);
  // operations → neurons
  await page.getByTestId('op-sum-h2').hover();
  assert.equal(await hovered(page.getByTestId('neuron-h2')), true);
  assert.equal(await hovered(page.getByTestId('op-f-h2')), true, 'z and a are the same neuron');
  await page.getByTestId('op-w-w1').hover();
  assert.equal(await hovered(page.locator('.edge[data-ref="w:w1"]')), true);
  assert.equal(await hovered(page.getByTestId('neuron-h2')), false);
  assert.equal(await text(page, 'formula-caption'), 'Gradient ∂E/∂w1');
  assert.equal(await text(page, 'formula-preview'), 'Latest formula for w1');
  await page.mouse.move(5, 5);
  assert.equal(await page.locator('.is-hover').count(), 0);
  // The formula's terms point at the operations view too, when it is the one on screen.
  await page.getByTestId('graph-view-operations').click();
  await page.getByTestId('formula-symbolic').locator('[data-ref="w:w6"]').first().hover(); // ∂E/∂w4 = Δ·w6·i2
  assert.equal(await hovered(page.getByTestId('op-w-w6')), true);
  assert.deepEqual(errors, []);
});

test('in French, on a phone; axe finds nothing serious; the choice travels in share links', async () => {
  const { page, errors } = await app.open({
    viewport: PHONE,
    query: '#v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&lang=fr&graph=operations',
    ready: OPS,
  });
  assert.deepEqual(await page.getByTestId('graph-view-neurons').locator('..').locator('button').allTextContents(), [
    'Neurones',
    'Opérations',
    'Les deux',
  ]);
  await frameTo(page, 10);
  assert.equal(await text(page, 'op-mul-w1-value'), '0,22');
  assert.equal(await text(page, 'op-w-w1-gradient'), '−0,227');
  assert.equal(
    await page.getByTestId('op-mul-w1').locator('title').textContent(),
    'produit w1 × i1\n0,11 × 2 = 0,22\n∂E = −0,113',
  );
  assert.match(
    await page.getByTestId('opgraph').getAttribute('aria-label'),
    /Graphe de calcul de l’étape, 14 opérations/,
  );
  await screenshot(page, 'opgraph-seed-phone-fr');
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByTestId('graph-view-both').click();
  assert.deepEqual(await seriousViolations(page), [], 'both views');
  await page.waitForFunction(() => window.location.hash.includes('&graph=both')); // the address follows the screen
  assert.deepEqual(errors, []);
});

test('Mazur on a desktop: the sigmoid nodes, E summing two errors; axe passes, in the dark too', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors } = await app.open({
      viewport: DESKTOP,
      colorScheme,
      query: '?example=mazur#graph=operations',
      ready: OPS,
    });
    await frameTo(page, 2);
    assert.equal(await text(page, 'op-f-h1-value'), '0.593');
    assert.equal(await page.getByTestId('op-f-h1').locator('.op-symbol').textContent(), 'σ');
    await frameTo(page, 5);
    assert.equal(await text(page, 'op-total-value'), '0.298');
    assert.deepEqual(await seriousViolations(page), [], colorScheme);
    if (colorScheme === 'light') await screenshot(page, 'opgraph-mazur-desktop');
    assert.deepEqual(errors, []);
  }
});

test('a network too big to draw says so and offers the neurons back', async () => {
  // 3-8-3: 24 + 8 + 8 + 24 + 3 + 3 + 3 + 3 + 1 = 77 operations
  const weights = Array.from({ length: 48 }, (_, index) => ((index % 7) - 3) / 10).join(',');
  const { page, errors } = await app.open({
    query: `#v=1&shape=3-8-3&act=tanh&w=${weights}&lr=0.1&data=1,2,3:0,1,0&graph=operations`,
    ready: '[data-testid="opgraph-too-many"]',
  });
  assert.match(await text(page, 'opgraph-too-many'), /^This network has 77 operations/);
  assert.equal(await page.getByTestId('opgraph').isVisible(), false);
  await page.getByTestId('opgraph-show-neurons').click();
  assert.equal(await page.getByTestId('graph').isVisible(), true);
  assert.equal(await page.getByTestId('opgraph-view').isVisible(), false);
  assert.equal(await page.getByTestId('graph-view-neurons').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
});

test('moving one frame on runs the flow along the edges; with reduced motion nothing moves', async () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { page, errors } = await app.open({ query: '#graph=operations', ready: OPS, reducedMotion });
    await frameTo(page, 4);
    await forward(page); // δo1: the gradient runs back from the error to the products
    const running = await page.locator('.opgraph-svg.is-animated .op-edge.is-flow.is-fresh').count();
    assert.equal(running, reducedMotion === 'reduce' ? 0 : 5, reducedMotion);
    assert.equal(await page.locator('.op-edge.is-flow').count(), 5);
    assert.deepEqual(errors, []);
  }
});

test('an element in a post’s column switches views and takes graph= as an attribute; an iframe takes it from its link', async () => {
  const { page, errors } = await app.open({
    query: 'examples/element-host.html',
    ready: 'backstep-viz >> [data-testid="play"]',
  });
  const first = page.locator('#first');
  await first.getByTestId('graph-view-operations').click(); // the element keeps the switch in its column
  assert.equal(await first.getByTestId('op-mul-w1-value').textContent(), '0.22');
  const second = page.locator('#second');
  await second.evaluate((element) => element.setAttribute('graph', 'both'));
  await second.getByTestId('opgraph').waitFor();
  assert.equal(await second.getByTestId('graph').isVisible(), true);
  assert.equal(await first.getByTestId('graph').isVisible(), false, 'each element has its own view');
  assert.deepEqual(errors, []);

  const embed = await app.open({
    query: 'embed.html#graph=operations',
    viewport: { width: 700, height: 500 },
    ready: OPS,
  });
  assert.equal(
    await embed.page.getByTestId('graph-view-operations').isVisible(),
    false,
    'no switch in a narrow iframe',
  );
  assert.equal(await embed.page.getByTestId('opgraph').isVisible(), true);
  assert.deepEqual(embed.errors, []);
});
