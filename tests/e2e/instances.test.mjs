// One component, many instances: two backsteps on one host page are independent, keep to their own
// root (no listener on document, no write to <html> or <body>, unique ids) and dispose cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage } from './harness.mjs';

const ctx = usePage();

// Runs before the page's scripts: records listeners added to document and window, and every change
// to the attributes of <html> and <body>.
function watchGlobals() {
  window.globalListeners = [];
  for (const [name, target] of [
    ['document', Document.prototype],
    ['window', window],
  ]) {
    const add = target.addEventListener;
    target.addEventListener = function (type, ...rest) {
      const fromTheApp = (new Error().stack ?? '').includes('/assets/'); // not the browser's tooling
      if ((this === document || this === window) && fromTheApp) window.globalListeners.push(`${name}:${type}`);
      return add.call(this, type, ...rest);
    };
  }
  window.globalWrites = [];
  document.addEventListener('DOMContentLoaded', () => {
    const record = (records) =>
      window.globalWrites.push(...records.map((r) => `${r.target.nodeName} ${r.attributeName}`));
    const observer = new MutationObserver(record);
    observer.observe(document.documentElement, { attributes: true });
    observer.observe(document.body, { attributes: true });
  });
}

async function openTwo() {
  const { page, errors } = await ctx.open({ query: 'examples/side-by-side.html', init: watchGlobals });
  await page.waitForFunction(() => document.querySelectorAll('.backstep[data-status="ready"]').length === 2);
  const [first, second] = [page.locator('.backstep').nth(0), page.locator('.backstep').nth(1)];
  return { page, errors, first, second };
}

const frameOf = async (instance) => Number(await instance.getByTestId('scrubber').inputValue());

test('two instances on one page: each has its own network, frame and keyboard', async () => {
  const { page, errors, first, second } = await openTwo();
  assert.equal(await first.getByTestId('neuron-i1-value').textContent(), '2');
  assert.equal(
    (await second.getByTestId('doc-title').textContent()).trim(),
    'A Step by Step Backpropagation Example (Mazur)',
  );

  await first.getByTestId('doc-title').click(); // a click inside gives that instance the keyboard
  for (let k = 0; k < 3; k += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await frameOf(first), 3);
  assert.equal(await frameOf(second), 0, 'the other instance did not move');

  await second.getByTestId('step-forward').click();
  await page.keyboard.press('ArrowRight');
  assert.equal(await frameOf(second), 2);
  assert.equal(await frameOf(first), 3);

  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids}`);
  assert.deepEqual(await page.evaluate(() => window.globalListeners), [], 'no listener on document or window');
  assert.deepEqual(await page.evaluate(() => window.globalWrites), [], 'no write to <html> or <body>');
  assert.deepEqual(errors, []);
});

test('each instance has its own theme, on its own root', async () => {
  const { page, first, second } = await openTwo();
  await first.getByTestId('theme').click(); // auto → light
  await first.getByTestId('theme').click(); // light → dark
  assert.equal(await first.evaluate((element) => element.dataset.theme), 'dark');
  assert.equal(await second.evaluate((element) => element.dataset.theme), 'light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
});

test('dispose() removes an instance and the other goes on', async () => {
  const { page, errors } = await openTwo();
  await page.evaluate(() => window.backstepInstances[0].dispose());
  assert.equal(await page.locator('.backstep').count(), 1);
  const second = page.locator('.backstep');
  await second.getByTestId('step-forward').click();
  assert.equal(await frameOf(second), 1);
  assert.deepEqual(errors, []);
});

test('any document loads; an invalid one is refused with the engine’s message and the network stays', async () => {
  const { page, second } = await openTwo();
  const result = await page.evaluate(() => {
    const doc = {
      format: 'backstep/1',
      layers: [{ size: 2 }, { size: 3, activation: 'tanh' }, { size: 1, activation: 'linear' }],
      weights: [
        [
          [0.1, 0.2],
          [0.3, 0.4],
          [0.5, 0.6],
        ],
        [[0.7, 0.8, 0.9]],
      ],
      learningRate: 0.1,
      samples: [{ input: [1, 2], target: [0.5] }],
    };
    return window.backstepInstances[1].load(doc);
  });
  assert.deepEqual(result, { ok: true });
  await second.getByTestId('neuron-h3').waitFor({ state: 'attached' });
  const refused = await page.evaluate(() => window.backstepInstances[1].load({ format: 'backstep/1', layers: [] }));
  assert.equal(refused.ok, false);
  assert.match(refused.message, /layers: expected at least 2 layers/);
  assert.equal(await second.getByTestId('neuron-h3').count(), 1, 'the 2-3-1 network stays');
  assert.match(await second.getByTestId('status-text').textContent(), /layers: expected at least 2 layers/);
});
