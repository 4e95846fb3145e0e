// Share and export: the diagram as SVG (it parses, and holds the weight labels) and PNG; the network as JSON,
// which opens back to the same numbers (file picker, or dropped on the instance); the worked solution from the
// engine as LaTeX and Markdown, as the variants chosen in the Variants tab compute it (or the standard step); the
// iframe snippet for the current frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { editValue, screenshot, text, usePage } from './harness.mjs';
import { BackstepEngine } from '../../web/src/engine/engine.js';
import { presetById } from '../../web/src/presets/index.js';

const app = usePage();

async function saved(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('SVG and PNG of the diagram; the SVG parses and holds the weight labels', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('share-export').click();
  await screenshot(page, 'desktop-light-share-dialog');
  const svg = await saved(page, 'export-svg');
  assert.equal(svg.name, 'backstep-network.svg');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      text: doc.documentElement.textContent,
    };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'svg');
  for (const label of ['w1', '0.11', 'w6', '0.15', 'i1', 'o1']) assert.ok(parsed.text.includes(label), label);
  const png = await saved(page, 'export-png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.deepEqual(errors, []);
});

test('the network as JSON opens back to the same numbers, from the file picker', async () => {
  const { page, errors } = await app.open();
  await editValue(page, 'weight-w1', '0.5');
  assert.equal(await text(page, 'weight-w1'), 'w10.5');
  await page.getByTestId('share-export').click();
  const json = await saved(page, 'export-json');
  assert.equal(JSON.parse(json.bytes.toString('utf8')).weights[0][0][0], 0.5);
  await page.getByTestId('dialog-close').click();
  await page.getByTestId('preset').selectOption('mazur');
  await page.getByTestId('share-export').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'network.json', mimeType: 'application/json', buffer: json.bytes });
  await page.getByTestId('weight-w1').waitFor();
  assert.equal(await text(page, 'weight-w1'), 'w10.5');
  assert.equal(await text(page, 'neuron-i1-value'), '2');
  assert.deepEqual(errors, []);
});

test('the worked solution comes from the engine as LaTeX and Markdown; the iframe snippet opens at this frame', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('scrubber').fill('8');
  await page.getByTestId('share-export').click();
  const latex = await page.getByTestId('solution-text').inputValue();
  assert.match(latex, /\\begin\{align\*\}/);
  assert.match(latex, /-0\.809/);
  await page.getByTestId('solution-markdown').click();
  const markdown = await page.getByTestId('solution-text').inputValue();
  assert.match(markdown, /^# Backpropagation step by step/);
  assert.match(markdown, /prediction 0\.191|= 0\.191/);
  const snippet = await page.getByTestId('embed-code').inputValue();
  const element = await page.getByTestId('element-code').inputValue();
  assert.match(
    element,
    /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/backstep-viz\.js"><\/script>\n<backstep-viz link="#v=1&amp;shape=2-2-1&amp;.*&amp;at=8[&"]/,
  );
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#v=1&amp;shape=2-2-1&amp;.*&amp;at=8[&"]/);
  assert.deepEqual(errors, []);
});

test('Mazur, output-first chosen: the worked solution is the variant’s and says so; the standard one on request', async () => {
  const { page, errors } = await app.open({ query: '?example=mazur' });
  await page.getByTestId('tab-variants').click();
  await page.getByTestId('variant-output-first').check();
  await page.getByTestId('share-export').click();
  await page.getByTestId('share-dialog').waitFor({ state: 'visible' });
  await page.getByTestId('solution-markdown').click();
  assert.equal(await page.getByTestId('solution-variant').getAttribute('aria-pressed'), 'true', 'the variant first');
  assert.equal(
    await text(page, 'solution-hint'),
    'Computed as in the Variants tab: Update the output weights first, then compute the hidden deltas with them.',
  );
  // The same text as the engine writes in Node for the same network, variant and precision.
  const decimals = Number(await page.getByTestId('precision').inputValue());
  const engine = await BackstepEngine.create(presetById('mazur').document);
  const variant = engine.explain('markdown', decimals, ['output-first']);
  const standard = engine.explain('markdown', decimals);
  engine.dispose();
  assert.notEqual(variant, standard);
  assert.equal(await page.getByTestId('solution-text').inputValue(), variant);
  assert.match(variant, /Variant: output-first/);
  await page.getByTestId('solution-standard').click();
  assert.equal(await page.getByTestId('solution-text').inputValue(), standard);
  assert.match(await text(page, 'solution-hint'), /^The standard step; the Variants tab has variants chosen/);
  // No variant: no choice offered.
  await page.getByTestId('dialog-close').click();
  await page.getByTestId('variant-output-first').uncheck();
  await page.getByTestId('share-export').click();
  assert.equal(await page.getByTestId('solution-ways').isVisible(), false);
  assert.equal(await page.getByTestId('solution-text').inputValue(), standard);
  assert.deepEqual(errors, []);
});

test('a network file dropped on the instance opens; an invalid one is refused and the network stays', async () => {
  const { page, errors } = await app.open();
  const drop = (content) =>
    page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document
        .querySelector('.backstep')
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, content);
  const mazur = await readFile(new URL('../fixtures/mazur.json', import.meta.url), 'utf8');
  await drop(mazur);
  await page.getByTestId('neuron-o2').waitFor();
  await drop('{"format": "backstep/1"}');
  await page.getByTestId('status-text').waitFor();
  assert.match(await text(page, 'status-text'), /missing required field "layers"/);
  assert.equal(await page.getByTestId('neuron-o2').count(), 1, 'Mazur’s network stays');
  assert.deepEqual(errors, []);
});
