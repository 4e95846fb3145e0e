// The page loads without console errors and shows the seed post's network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text, usePage } from './harness.mjs';

const app = usePage();

test('loads with no console error and shows the seed network', async () => {
  const { page, errors } = await app.open();
  for (const [name, value] of [
    ['i1', '2'],
    ['i2', '3'],
  ])
    assert.equal(await text(page, `neuron-${name}-value`), value);
  for (const name of ['h1', 'h2', 'o1'])
    assert.equal(await text(page, `neuron-${name}-value`), '', `${name} has no value before the forward pass`);
  const weights = { w1: '0.11', w2: '0.21', w3: '0.12', w4: '0.08', w5: '0.14', w6: '0.15' };
  for (const [name, value] of Object.entries(weights)) assert.equal(await text(page, `weight-${name}-value`), value);
  assert.equal(await text(page, 'card-target-o1'), '1');
  assert.equal(await text(page, 'learning-rate-value'), '0.05');
  assert.match(await text(page, 'counter'), /Epoch\s*1.*Sample\s*1 of 1.*Step\s*1/);
  assert.equal(await text(page, 'doc-title'), 'Backpropagation step by step');
  const graph = page.getByTestId('graph');
  assert.equal(await graph.getAttribute('role'), 'group');
  assert.match(await graph.getAttribute('aria-label'), /2-2-1/);
  assert.equal(await page.getByTestId('announcer').getAttribute('aria-live'), 'polite');
  assert.match(await text(page, 'narration'), /inputs i1 = 2, i2 = 3; target o1 = 1/);
  assert.equal(await text(page, 'announcer'), await text(page, 'narration'), 'the live region says what is shown');
  assert.equal(await page.locator('.edge.is-neg').count(), 0, 'every seed weight is positive');
  assert.deepEqual(errors, []);
});

test('weights carry their sign by colour and by dash, and biases are drawn when a layer has them', async () => {
  const { page, errors } = await app.open({ query: '?example=mazur' });
  assert.equal(await page.locator('.pill-bias').count(), 4);
  assert.equal(await text(page, 'bias-b1-value'), '0.35');
  assert.equal(await text(page, 'bias-b3-value'), '0.6');
  const seedPage = (await app.open()).page;
  assert.equal(await seedPage.locator('.pill-bias').count(), 0, 'the seed has no biases');
  const dash = await page.evaluate(() => {
    const probe = document.querySelector('.edge');
    probe.classList.replace('is-pos', 'is-neg');
    const line = probe.querySelector('.edge-line');
    const style = getComputedStyle(line);
    return { dash: style.strokeDasharray, colour: style.stroke };
  });
  assert.notEqual(dash.dash, 'none', 'a negative weight is dashed');
  assert.deepEqual(errors, []);
});

test('the example menu switches networks through the engine', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('preset').selectOption('mazur');
  await page.getByTestId('neuron-o2-value').waitFor({ state: 'attached' });
  assert.equal(await text(page, 'neuron-i1-value'), '0.05');
  await page.keyboard.press('End');
  assert.equal(await text(page, 'weight-w5-value'), '0.359');
  assert.equal(await text(page, 'card-error'), '0.298');
  await page.getByTestId('preset').selectOption('seed');
  assert.equal(await text(page, 'weight-w5-value'), '0.14');
  assert.deepEqual(errors, []);
});

test('the theme follows the system and can be switched to light or dark', async () => {
  const { page, errors } = await app.open({ colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.backstep')).backgroundColor);
  const dark = await background();
  assert.equal(await page.evaluate(() => document.querySelector('.backstep').dataset.themeSetting), 'auto');
  assert.equal(
    await page.evaluate(() => document.querySelector('.backstep').dataset.theme),
    'dark',
    'auto follows the system',
  );
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.querySelector('.backstep').dataset.theme === 'light', null, {
    timeout: 3000,
  }); // follows it live
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('theme').click();
  assert.equal(await page.evaluate(() => document.querySelector('.backstep').dataset.theme), 'light');
  const light = await background();
  assert.notEqual(light, dark);
  await page.getByTestId('theme').click();
  assert.equal(await page.evaluate(() => document.querySelector('.backstep').dataset.theme), 'dark');
  assert.equal(await background(), dark);
  // The address follows the screen a quarter of a second later (main.js): a reload comes after that.
  await page.waitForFunction(() => window.location.hash.includes('theme=dark'), null, { timeout: 3000 });
  await page.reload();
  await page.waitForSelector('.backstep[data-status="ready"]');
  assert.equal(
    await page.evaluate(() => document.querySelector('.backstep').dataset.theme),
    'dark',
    'the choice is remembered',
  );
  assert.deepEqual(errors, []);
});
