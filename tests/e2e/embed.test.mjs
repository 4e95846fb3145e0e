// The iframe embed: in a 700-px blog column it posts its height and the host sizes the frame, so nothing
// scrolls inside it; the host's messages drive it; it links to the full page at the same frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, collectErrors, usePage } from './harness.mjs';

const app = usePage();

async function openHost(viewport = { width: 1000, height: 800 }) {
  const browserContext = await app.browser.newContext({ viewport, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  const page = await browserContext.newPage();
  const errors = await collectErrors(page);
  await page.goto(`${app.url}examples/embed-host.html`);
  const frame = page.frameLocator('.backstep-frame');
  await frame.locator('.backstep[data-status="ready"]').waitFor({ timeout: 15000 });
  const inner = page.frames().find((f) => f.url().includes('embed.html'));
  // The host has sized the frame to a posted height (embed-host.js sets style.height), and the frame's document
  // fits in it without scrolling.
  await page.waitForFunction(() => {
    const element = document.querySelector('.backstep-frame');
    const doc = element.contentDocument.documentElement;
    return (
      element.style.height !== '' &&
      Math.abs(element.getBoundingClientRect().height - doc.getBoundingClientRect().height) <= 1
    );
  });
  return { page, frame, inner, errors, close: () => browserContext.close() };
}

test('in a 700-px column the frame takes its content’s height: no inner scrollbar', async () => {
  const { page, inner, errors, close } = await openHost();
  const sizes = await inner.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
    width: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(sizes.scroll <= sizes.client + 1, `inner scroll ${sizes.scroll} > ${sizes.client}`);
  assert.ok(sizes.width <= sizes.clientWidth, 'no horizontal scroll');
  assert.equal(await inner.locator('.app-header').count(), 0, 'minimal chrome: no header');
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'embed-700-column.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

/** The frame's height on each frame of the step (stepping inside the frame), and the events' titles. */
async function heightsThroughStep(page, frame) {
  const heights = [];
  const titles = [];
  for (let index = 0; index < 21; index += 1) {
    await page.waitForFunction(
      (at) =>
        document.querySelector('.backstep-frame').contentDocument.querySelector('[data-testid="scrubber"]').value ===
        String(at),
      index,
    );
    // The host has taken the posted height; nothing scrolls inside.
    await page.waitForFunction(() => {
      const element = document.querySelector('.backstep-frame');
      const doc = element.contentDocument.documentElement;
      return (
        Math.abs(element.clientHeight - doc.getBoundingClientRect().height) <= 1 && doc.scrollHeight <= doc.clientHeight
      );
    });
    heights.push(Math.round((await page.locator('.backstep-frame').boundingBox()).height));
    titles.push(await frame.getByTestId('formula-caption').textContent());
    await frame.getByTestId('step-forward').click();
  }
  return { heights, titles };
}

test('in a 700 × 500 column the whole seed step fits 500 px, at one height on every frame', async () => {
  const { page, frame, errors, close } = await openHost();
  assert.equal((await page.locator('.backstep-frame').boundingBox()).width, 700);
  const { heights, titles } = await heightsThroughStep(page, frame);
  assert.deepEqual(titles.slice(0, 2), ['Sample 1: inputs and target', 'Neuron h1']);
  assert.ok(titles.includes('Gradient ∂E/∂w1') && titles.includes('Update w6'), titles.join(' | '));
  assert.ok(Math.max(...heights) <= 500, `taller than 500 px: ${heights.join(' ')}`);
  assert.equal(new Set(heights).size, 1, `the height changed while stepping: ${heights.join(' ')}`);
  // Every part is on screen: the graph, the formula with its three parts, the controls, "open in backstep".
  for (const id of [
    'graph',
    'formula-symbolic',
    'formula-substituted',
    'formula-result',
    'play',
    'scrubber',
    'open-full',
  ])
    assert.ok(await frame.getByTestId(id).isVisible(), `${id} is visible`);
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'embed-700x500.png'), fullPage: true });
  // The matrix view holds one height through the step too (its matrices need a few pixels more).
  await frame.getByTestId('view-matrix').click();
  const matrix = await heightsThroughStep(page, frame);
  assert.equal(new Set(matrix.heights).size, 1, `the matrix view changed height: ${matrix.heights.join(' ')}`);
  assert.ok(matrix.heights[0] <= 510, `matrix view: ${matrix.heights[0]} px`);
  assert.deepEqual(errors, []);
  await close();
});

test('the host drives it with postMessage: goto and next; "open in backstep" follows the frame', async () => {
  const { page, frame, errors, close } = await openHost();
  await page.getByRole('button', { name: 'Show δh1' }).click();
  await frame.getByText('Hidden delta δh1').first().waitFor();
  assert.equal(Number(await frame.getByTestId('scrubber').inputValue()), 8);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForFunction(
    () =>
      document.querySelector('.backstep-frame').contentDocument.querySelector('[data-testid="scrubber"]').value === '9',
  );
  await frame.getByTestId('open-full').hover(); // the link is written when it is about to be followed
  await page.waitForFunction(() =>
    document
      .querySelector('.backstep-frame')
      .contentDocument.querySelector('[data-testid="open-full"]')
      .href.includes('at=9'),
  );
  const href = await frame.getByTestId('open-full').getAttribute('href');
  assert.match(href, /\/index\.html#v=1&shape=2-2-1&.*&at=9/);
  assert.deepEqual(errors, []);
  await close();
});

test('on a 360-px phone column it fits without scrolling inside the frame', async () => {
  const { page, inner, close } = await openHost({ width: 360, height: 740 });
  assert.ok((await page.locator('.backstep-frame').boundingBox()).width <= 360, 'the column is the width of the phone');
  const sizes = await inner.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(sizes.width <= sizes.clientWidth + 1, `horizontal scroll inside: ${sizes.width} > ${sizes.clientWidth}`);
  await close();
});

test('hide=formula,controls leaves those parts out, in a wide frame and in a column; the keys still step it', async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 700, height: 500 },
  ]) {
    const { page, errors } = await app.open({ query: 'embed.html#hide=formula,controls', viewport });
    assert.equal(await page.locator('.formula-card').isVisible(), false);
    assert.equal(await page.locator('.control-bar').isVisible(), false);
    assert.ok(await page.getByTestId('graph').isVisible());
    await page.locator('.backstep').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="scrubber"]').value === '1');
    assert.deepEqual(errors, []);
  }
});
