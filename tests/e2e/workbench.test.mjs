// The workbench: build a network in the page, give it data, train it in a worker while the loss curve grows, cancel
// at once, stop on divergence without a NaN on screen, refuse a bad CSV by its line, initialize reproducibly, and
// check the gradients.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editValue, frameTo, text, usePage } from './harness.mjs';

const app = usePage();

const XOR_CSV = 'x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';

async function openTab(page, name) {
  await page.getByTestId(`tab-${name}`).click();
  await page.getByTestId(`panel-${name}`).waitFor({ state: 'visible' });
}

/** Waits for the training run to end; returns the message's reason. */
async function trainingEnded(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="train-message"]')?.dataset.reason, null, {
    timeout: 60000,
  });
  return page.getByTestId('train-message').getAttribute('data-reason');
}

test('build a 2-3-1 tanh network in the page, give it XOR, train 2000 epochs: E < 0.05, 2000 points', async () => {
  const { page, errors } = await app.open();
  await openTab(page, 'network');
  await page.getByTestId('neuron-plus-1').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="layer-size-1"]')?.textContent === '3');
  for (const layer of [1, 2]) {
    await page.getByTestId(`activation-${layer}`).selectOption('tanh');
    await page.getByTestId(`bias-${layer}`).check();
  }
  await page.getByTestId('init-seed').fill('1');
  await page.getByTestId('init-apply').click();
  assert.equal(await page.locator('[data-testid="neuron-h3"]').count(), 1, 'three hidden neurons drawn');
  await openTab(page, 'data');
  await page.getByTestId('data-csv').fill(XOR_CSV);
  await page.getByTestId('data-use-csv').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="data-remove-row-"]').length === 4);
  await openTab(page, 'train');
  await page.getByTestId('train-1000').click();
  assert.equal(await trainingEnded(page), 'done');
  await page.getByTestId('train-1000').click();
  assert.equal(await trainingEnded(page), 'done');
  assert.equal(await page.getByTestId('loss-line').getAttribute('data-points'), '2000');
  const readout = await text(page, 'loss-readout');
  const [, epoch, error] = readout.match(/Epoch (\d+): mean error ([\d.e−-]+)/);
  assert.equal(epoch, '2000');
  assert.ok(Number(error.replace('−', '-')) < 0.05, readout);
  // The network on screen is the trained one: the counter is past 2000 epochs.
  assert.match(await text(page, 'counter'), /Epoch\s*2001/);
  assert.deepEqual(errors, []);
});

test('Cancel answers within 100 ms during a 100,000-epoch run, and the weights reached are kept', async () => {
  const { page, errors } = await app.open({ query: '?example=xor' });
  await openTab(page, 'train');
  await page.getByTestId('train-target').fill('1e-300');
  await page.getByTestId('train-until').click();
  await page.waitForFunction(() =>
    /[1-9]\d* of 100000/.test(document.querySelector('[data-testid="train-progress"]').textContent),
  );
  const elapsed = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const message = document.querySelector('[data-testid="train-message"]');
        const start = performance.now();
        new MutationObserver(() => resolve(performance.now() - start)).observe(message, {
          childList: true,
          characterData: true,
          subtree: true,
        });
        document.querySelector('[data-testid="train-cancel"]').click();
      }),
  );
  assert.ok(elapsed < 100, `cancel took ${elapsed} ms`);
  assert.equal(await page.getByTestId('train-message').getAttribute('data-reason'), 'cancelled');
  // The run has really stopped: nothing moves any more.
  const still = () =>
    page.evaluate(() => [
      document.querySelector('[data-testid="counter"]').textContent,
      document.querySelector('[data-testid="loss-line"]').getAttribute('data-points'),
      document.querySelector('[data-testid="train-bar"]').value,
    ]);
  const right = await still();
  await page.waitForTimeout(600);
  assert.deepEqual(await still(), right);
  assert.doesNotMatch(await text(page, 'counter'), /Epoch\s*1\b/, 'the trained weights are on screen');
  assert.deepEqual(errors, []);
});

test('learning rate 100 on XOR stops with the divergence message, and no NaN or infinity is on screen', async () => {
  const { page, errors } = await app.open({ query: '?example=xor' });
  await editValue(page, 'learning-rate', '100');
  await page.waitForFunction(() => document.querySelector('[data-testid="learning-rate-value"]').textContent === '100');
  await openTab(page, 'train');
  await page.getByTestId('train-1000').click();
  assert.equal(await trainingEnded(page), 'refused');
  const message = await text(page, 'train-message');
  const said = message.match(/diverged in epoch \d+.*last step that stays finite is kept \(step (\d+)\)/);
  assert.ok(said, message);
  // That step is on screen (its numbers all finite); the next one is where it diverges.
  await page.waitForFunction(
    (step) => new RegExp(`Step\\s*${step}$`).test(document.querySelector('[data-testid="counter"]').textContent),
    said[1],
  );
  // The numbers on screen: the graph, the formula and the counter (the message itself may say "NaN" in words).
  for (const part of ['[data-testid="graph"]', '.formula-card', '[data-testid="counter"]']) {
    const shown = await page.locator(part).first().textContent();
    assert.doesNotMatch(shown, /NaN|Infinity|∞/, part);
  }
  assert.deepEqual(errors, []);
});

test('a CSV with a bad third row is refused by its line, and the data stays', async () => {
  const { page, errors } = await app.open({ query: '?example=xor' });
  await openTab(page, 'data');
  const before = await page.getByTestId('data-cell-2-i2').inputValue();
  await page.getByTestId('data-csv').fill('0,0,0\n0,1,1\n1,x,1\n1,1,0\n');
  await page.getByTestId('data-use-csv').click();
  await page.waitForFunction(() => /3/.test(document.querySelector('[data-testid="data-message"]').textContent));
  assert.match(await text(page, 'data-message'), /[Ll]ine 3/);
  assert.equal(await page.getByTestId('data-cell-2-i2').inputValue(), before);
  assert.equal(await page.locator('[data-testid^="data-remove-row-"]').count(), 4);
  assert.deepEqual(errors, []);
});

test('the same seed gives the same weights on two page loads; another seed does not', async () => {
  const weights = [];
  for (const seed of ['7', '7', '8']) {
    const { page } = await app.open({ query: '?example=xor' });
    await openTab(page, 'network');
    await page.getByTestId('init-scheme').selectOption('he');
    await page.getByTestId('init-seed').fill(seed);
    await page.getByTestId('init-apply').click();
    await page.waitForFunction(() => /[?&#]w=/.test(window.location.hash) || window.location.hash.includes('z='));
    await page.waitForTimeout(400); // the address follows after 250 ms
    weights.push(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('w'));
  }
  assert.ok(weights[0]?.length > 10);
  assert.equal(weights[0], weights[1]);
  assert.notEqual(weights[0], weights[2]);
});

test('the gradient check agrees with backpropagation on every parameter of the seed step', async () => {
  const { page, errors } = await app.open();
  await openTab(page, 'check');
  await page.getByTestId('check-run').click();
  await page.getByTestId('check-table').waitFor();
  assert.equal(await page.locator('[data-testid^="check-w"]').count(), 6);
  const row = await page.getByTestId('check-w5').innerText();
  assert.match(row, /−0\.688\s+−0\.688/);
  assert.match(await text(page, 'check-summary'), /All 6 gradients agree/);
  // On the graph too, under (or, where a row would hide labels, after) each gradient once it is computed.
  await frameTo(page, 15);
  const onGraph = await text(page, 'weight-w5-check');
  assert.match(onGraph, /^(✓|≈ −0\.688 · \d\.\de−\d+)$/);
  assert.match(await page.getByTestId('weight-w5').getAttribute('aria-label'), /finite-difference estimate −0\.688/);
  await page.getByTestId('check-on-graph').uncheck();
  assert.equal(await page.getByTestId('weight-w5-check').count(), 0);
  await page.getByTestId('check-on-graph').check();
  assert.equal(await text(page, 'weight-w5-check'), onGraph);
  await page.getByTestId('skip-end').click();
  await page.getByTestId('step-forward').click(); // the next step: the check was about the one before
  await frameTo(page, 15);
  assert.equal(await page.getByTestId('weight-w5-check').count(), 0);
  assert.equal(await page.getByTestId('check-table').isHidden(), true);
  assert.deepEqual(errors, []);
});

test('Mazur’s preset after one step: E_total 0.298371 → 0.291028 and new w5 0.358916', async () => {
  const { page, errors } = await app.open({ query: '?example=mazur' });
  await page.getByTestId('precision').selectOption('6');
  await page.getByTestId('skip-end').click();
  assert.equal(await text(page, 'card-error'), '0.298371');
  assert.equal(await text(page, 'card-result-E'), '0.291028');
  assert.match(await page.getByTestId('weight-w5').textContent(), /0\.358916/);
  assert.deepEqual(errors, []);
});

test('the architecture on the graph: a layer’s − n + over its column, + between columns, ✕ over a hidden layer', async () => {
  const { page, errors } = await app.open();
  assert.equal(await page.getByTestId('layer-strip').isHidden(), true, 'not while stepping');
  await openTab(page, 'network');
  await page.getByTestId('layer-strip').waitFor({ state: 'visible' });
  // Each layer's controls sit over its column of neurons.
  for (const [layer, neuron] of [
    [0, 'i1'],
    [1, 'h1'],
    [2, 'o1'],
  ]) {
    const group = await page.getByTestId(`strip-layer-${layer}`).boundingBox();
    const circle = await page.getByTestId(`neuron-${neuron}`).locator('.neuron-body').boundingBox();
    assert.ok(Math.abs(group.x + group.width / 2 - (circle.x + circle.width / 2)) < 2, `layer ${layer} over ${neuron}`);
  }
  await page.getByTestId('strip-plus-1').click();
  await page.getByTestId('neuron-h3').waitFor();
  assert.equal(await text(page, 'layer-size-1'), '3', 'the panel’s rows follow');
  await page.getByTestId('strip-insert-2').click(); // between the hidden layer and the output
  await page.getByTestId('neuron-h2.2').waitFor();
  assert.equal(await page.locator('[data-testid^="strip-layer-"]').count(), 4);
  await page.getByTestId('strip-remove-1').click(); // the first hidden layer (3 neurons) goes
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="strip-layer-"]').length === 3);
  assert.equal(await text(page, 'layer-size-1'), '2');
  assert.equal(await page.getByTestId('strip-minus-2').isDisabled(), true, 'one output neuron is the least');
  await openTab(page, 'train');
  assert.equal(await page.getByTestId('layer-strip').isHidden(), true, 'gone with its tab');
  assert.deepEqual(errors, []);
});

test('a 2-8-8-8-1 network fits the window, its labels never overlap, a hidden one shows on hover', async () => {
  const sizes = [2, 8, 8, 8, 1];
  const doc = {
    format: 'backstep/1',
    layers: sizes.map((size, k) => (k === 0 ? { size } : { size, activation: 'tanh', bias: true })),
    weights: sizes
      .slice(1)
      .map((size, l) =>
        Array.from({ length: size }, (_, j) =>
          Array.from({ length: sizes[l] }, (__, i) => ((j + 2 * i) % 7) / 10 - 0.3),
        ),
      ),
    learningRate: 0.1,
    samples: [{ input: [0.5, -0.5], target: [1] }],
  };
  const { page, errors } = await app.open({ query: `#json=${encodeURIComponent(JSON.stringify(doc))}` });
  await page.getByTestId('skip-end').click(); // the update phase: every label at its largest
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.pill:not(.is-label-hidden) .pill-bg')].map((rect) => {
      const box = rect.getBoundingClientRect();
      return { name: rect.closest('.pill').dataset.testid, x: box.x, y: box.y, w: box.width, h: box.height };
    }),
  );
  assert.ok(boxes.length >= 1, `${boxes.length} labels shown`);
  // Packed to fit: the whole network is on screen at once, above the control bar (8 neurons a layer, not 1,700 px).
  const graph = await page.getByTestId('graph').boundingBox();
  const bar = await page.getByTestId('step-forward').boundingBox();
  assert.ok(graph.y + graph.height <= bar.y, `graph ends at ${graph.y + graph.height}, the bar starts at ${bar.y}`);
  const overlaps = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1)
        overlaps.push(`${a.name} × ${b.name}`);
    }),
  );
  assert.deepEqual(overlaps, []);
  // A hidden label is there for the pointer and the keyboard: hovering one of its neurons shows it.
  const hidden = page.locator('.pill.is-label-hidden').first();
  assert.equal(await hidden.evaluate((pill) => getComputedStyle(pill).opacity), '0');
  // So are a neuron's bias tag and its z and δ lines: hidden until the neuron is hovered.
  const delta = page.getByTestId('neuron-h2.3-delta');
  assert.equal(await delta.evaluate((line) => getComputedStyle(line).opacity), '0');
  await page.getByTestId('neuron-h2.3-value').hover();
  await page.waitForFunction(() => {
    const shown = (id) => getComputedStyle(document.querySelector(`[data-testid="${id}"]`)).opacity === '1';
    return shown('neuron-h2.3-delta') && shown('bias-b11');
  });
  const neuron = await hidden.evaluate((pill) => pill.querySelector('.pill-end').getAttribute('data-ref'));
  await page.locator(`.neuron[data-ref="${neuron}"]`).hover();
  await page.waitForFunction(
    (name) => getComputedStyle(document.querySelector(`[data-testid="${name}"]`)).opacity === '1',
    await hidden.getAttribute('data-testid'),
  );
  assert.deepEqual(errors, []);
});

test('the address after training reopens the trained network at the same step, with the same numbers', async () => {
  const { page, errors } = await app.open({ query: '?example=and' });
  await openTab(page, 'train');
  await page.getByTestId('train-100').click();
  assert.equal(await trainingEnded(page), 'done');
  await page.getByTestId('step-forward').click();
  await page.getByTestId('step-forward').click();
  await page.waitForTimeout(400); // the address follows after 250 ms
  const url = page.url();
  const shown = async (p) => ({
    counter: await text(p, 'counter'),
    w1: await text(p, 'weight-w1-value'),
    w2: await text(p, 'weight-w2-value'),
    h: await text(p, 'neuron-o1-value'),
  });
  const before = await shown(page);
  assert.match(before.counter, /Epoch\s*101/);
  const second = await app.open({ query: url.slice(url.indexOf('#')) });
  assert.deepEqual(await shown(second.page), before);
  assert.deepEqual(errors, []);
  assert.deepEqual(second.errors, []);
});
