// What a long session and hostile documents do to the page: 2,000 frames (about 95 steps) and 100 loads leave the
// JavaScript heap and the ArrayBuffer backing stores flat (the numbers are reported; the WebAssembly heap's own
// 10,000-step check is in tests/wasm, history's trace trimming in tests/web/history.test.mjs); a title with HTML and
// script in it is shown as text; huge values stay inside their labels. Under the strict CSP of every page test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, usePage } from './harness.mjs';

const app = usePage();

async function elementPage() {
  const browserContext = await app.browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1000, height: 900 },
  });
  const page = await browserContext.newPage();
  const errors = await collectErrors(page);
  await page.goto(`${app.url}examples/element-host.html`);
  await page.waitForFunction(() =>
    document.querySelector('#first')?.shadowRoot?.querySelector('.backstep[data-status="ready"]'),
  );
  return { page, errors, close: () => browserContext.close() };
}

/** The JS heap in use and the ArrayBuffer backing stores (the WebAssembly memory among them), after a full GC. */
async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { used: usage.usedSize, backing: usage.backingStorageSize ?? 0 };
}

test('2,000 frames and 100 loads leave the JS heap and the ArrayBuffer backing stores flat', async (t) => {
  const { page, errors, close } = await elementPage();
  const cdp = await page.context().newCDPSession(page);
  const run = (frames, loads) =>
    page.evaluate(
      ({ frames, loads }) => {
        const element = document.querySelector('#first');
        const doc = element.toJSON().document;
        for (let k = 0; k < frames; k += 1) element.next();
        for (let k = 0; k < loads; k += 1) element.load({ ...doc, learningRate: 0.05 + (k % 7) / 100 });
      },
      { frames, loads },
    );
  // The graph alone: each frame lays out its labels (about 20 ms here; KaTeX's formulas would triple that).
  await page.evaluate(() => document.querySelector('#first').setAttribute('hide', 'formula'));
  await run(200, 10); // warm up: the code paths compiled, the caches filled
  const before = await heap(cdp);
  await run(2000, 100);
  const after = await heap(cdp);
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  t.diagnostic(
    `JS heap ${kb(before.used)} → ${kb(after.used)}; backing stores ${kb(before.backing)} → ${kb(after.backing)}`,
  );
  // The last load leaves one step in history; whatever 10,000 frames traced is gone with it.
  assert.ok(after.used - before.used < 1024 * 1024, `JS heap grew by ${kb(after.used - before.used)}`);
  assert.ok(
    after.backing <= before.backing + 64 * 1024,
    `backing stores grew by ${kb(after.backing - before.backing)}`,
  );
  assert.deepEqual(errors, []);
  await close();
});

const PAYLOAD = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>';

test('a title with HTML and script in it is shown as text: the heading and the graph’s accessible name', async () => {
  const doc = {
    format: 'backstep/1',
    title: PAYLOAD,
    layers: [{ size: 1 }, { size: 1, activation: 'linear' }],
    weights: [[[0.5]]],
    learningRate: 0.1,
    samples: [{ input: [1], target: [1] }],
  };
  const { page, errors } = await app.open({ query: `#json=${encodeURIComponent(JSON.stringify(doc))}` });
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.ok((await page.getByTestId('graph').getAttribute('aria-label')).includes(PAYLOAD));
  assert.equal(await page.getByTestId('doc-title').textContent(), PAYLOAD);
  assert.deepEqual(errors, []);
});

test('huge values (1e300 weights, results that overflow to ∞) stay inside their labels and circles', async () => {
  const doc = {
    format: 'backstep/1',
    layers: [{ size: 2 }, { size: 2, activation: 'linear' }, { size: 1, activation: 'linear' }],
    weights: [
      [
        [1e300, -123456789.123],
        [-9.87654321e-300, 1e15],
      ],
      [[1e300, 2]],
    ],
    learningRate: 0.1,
    samples: [{ input: [1e10, -3], target: [1] }],
  };
  const { page, errors } = await app.open({ query: `#json=${encodeURIComponent(JSON.stringify(doc))}` });
  for (let k = 0; k < 12; k += 1) await page.getByTestId('step-forward').click();
  const overflows = await page.evaluate(() => {
    const found = [];
    for (const pill of document.querySelectorAll('.pill:not(.is-label-hidden)')) {
      const box = pill.querySelector('.pill-bg').getBoundingClientRect();
      for (const row of pill.querySelectorAll('text.pill-row')) {
        const text = row.getBoundingClientRect();
        if (text.width > 0 && (text.left < box.left - 0.5 || text.right > box.right + 0.5))
          found.push(`${pill.dataset.testid}: ${row.textContent}`);
      }
    }
    for (const neuron of document.querySelectorAll('.neuron')) {
      const circle = neuron.querySelector('.neuron-body').getBoundingClientRect();
      const value = neuron.querySelector('.neuron-value').getBoundingClientRect();
      if (value.width > circle.width + 0.5) found.push(`${neuron.dataset.testid}: ${value.width} > ${circle.width}`);
    }
    return found;
  });
  assert.deepEqual(overflows, []);
  assert.ok(!(await page.getByTestId('graph').textContent()).includes('NaN'));
  assert.deepEqual(errors, []);
});
