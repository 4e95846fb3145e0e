// What a long session and hostile documents do to the page: 2,000 frames (about 95 steps), 10,000 steps and 100 loads
// leave the JavaScript heap, the ArrayBuffer backing stores and the WebAssembly memory flat (the numbers are reported;
// the engine's own heap count over 10,000 steps is in tests/wasm, history's thinning in tests/web/history.test.mjs); a
// title with HTML and script in it is shown as text; huge values stay inside their labels. Under the strict CSP of
// every page test.
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
  // Test instrumentation, before the page's scripts: every WebAssembly memory the page instantiates, to read its size
  // (the page keeps its engine to itself; the heap usage CDP reports leaves WebAssembly memory out).
  await page.addInitScript(() => {
    const seen = (window.wasmMemoriesSeen = []);
    const record = (result) => {
      for (const value of Object.values((result.instance ?? result).exports ?? {}))
        if (value instanceof WebAssembly.Memory) seen.push(value);
      return result;
    };
    const { instantiate, instantiateStreaming } = WebAssembly;
    WebAssembly.instantiate = (...args) => instantiate(...args).then(record);
    WebAssembly.instantiateStreaming = (...args) => instantiateStreaming(...args).then(record);
  });
  const errors = await collectErrors(page);
  await page.goto(`${app.url}examples/element-host.html`);
  await page.waitForFunction(() =>
    document.querySelector('#first')?.shadowRoot?.querySelector('.backstep[data-status="ready"]'),
  );
  return { page, errors, close: () => browserContext.close() };
}

/** The JS heap in use, the ArrayBuffer backing stores and the WebAssembly memories' sizes, after a full GC. */
async function heap(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.wasmMemoriesSeen.map((memory) => memory.buffer.byteLength));
  return { used: usage.usedSize, backing: usage.backingStorageSize ?? 0, wasm };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

test('2,000 frames, 10,000 steps and 100 loads leave the JS heap, backing stores and WebAssembly memory flat', async (t) => {
  const { page, errors, close } = await elementPage();
  const cdp = await page.context().newCDPSession(page);
  const frames = (count) =>
    page.evaluate((count) => {
      const element = document.querySelector('#first');
      for (let k = 0; k < count; k += 1) element.next();
    }, count);
  // goto computes at most 1,000 steps a call, and draws only where it lands.
  const steps = (count) =>
    page.evaluate(async (count) => {
      const element = document.querySelector('#first');
      for (let step = 1000; step <= count; step += 1000) {
        element.goto(step);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, count);
  const loads = (count) =>
    page.evaluate((count) => {
      const element = document.querySelector('#first');
      const doc = element.toJSON().document;
      for (let k = 0; k < count; k += 1) element.load({ ...doc, learningRate: 0.05 + (k % 7) / 100 });
    }, count);
  // The graph alone: each frame lays out its labels (about 20 ms here; KaTeX's formulas would triple that).
  await page.evaluate(() => document.querySelector('#first').setAttribute('hide', 'formula'));
  await frames(200); // warm up: the code paths compiled, the caches filled
  await steps(1000);
  await loads(10);
  const before = await heap(page, cdp);
  await frames(2000);
  await steps(10000);
  const stepped = await heap(page, cdp);
  assert.equal(await page.evaluate(() => document.querySelector('#first').toJSON().position.step), 9999);
  await loads(100);
  const after = await heap(page, cdp);
  t.diagnostic(
    `JS heap ${kb(before.used)} → ${kb(stepped.used)} after 10,000 steps → ${kb(after.used)} after 100 loads; ` +
      `backing stores ${kb(before.backing)} → ${kb(after.backing)}; ` +
      `WebAssembly memory ${before.wasm.map(kb)} → ${stepped.wasm.map(kb)} → ${after.wasm.map(kb)}`,
  );
  // While the 10,000 steps are in history: a position a step and a document every 32 steps (the seed's ~1 KB).
  const perStep = (stepped.used - before.used) / 10000;
  assert.ok(perStep < 512, `history holds ${perStep.toFixed(0)} bytes a step`);
  // The last load leaves one step in history: whatever the steps held is gone with it.
  assert.ok(after.used - before.used < 1024 * 1024, `JS heap grew by ${kb(after.used - before.used)}`);
  assert.ok(
    after.backing <= before.backing + 64 * 1024,
    `backing stores grew by ${kb(after.backing - before.backing)}`,
  );
  // The engine frees each trace's text: its memory never grows (it would, by 4 KB a step, if one were kept).
  assert.equal(before.wasm.length, 1);
  assert.deepEqual(after.wasm, before.wasm);
  assert.deepEqual(stepped.wasm, before.wasm);
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
