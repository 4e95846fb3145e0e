// The first view (state/first-view.js): an example is drawn before the engine's .wasm has even been asked for, from
// what the engine answered when the page was built; the engine then takes over with the same numbers, and what the
// learner asked of it meanwhile happens once it is here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, DESKTOP, dismissIntro, text, usePage } from './harness.mjs';

const app = usePage();

/** A page whose .wasm is held back until release() is called: { page, errors, release }. */
async function withEngineHeld(query = '') {
  const context = await app.browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  app.contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript(dismissIntro);
  await page.addInitScript(() => {
    // When the network is first on screen: i1's value written (the moment the bench's "drawn" starts from).
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="neuron-i1-value"]')?.textContent) return;
      observer.disconnect();
      window.__drawnAt = performance.now();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
  const errors = await collectErrors(page);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${app.url}${query}`);
  return { page, errors, release };
}

const status = (page) => page.evaluate(() => document.querySelector('.backstep').dataset.status);

test('the seed is drawn, numbers and all, before the engine is here; the engine takes over with the same', async () => {
  const { page, errors, release } = await withEngineHeld();
  await page.waitForSelector('[data-testid="neuron-i1-value"]');
  assert.equal(await status(page), 'drawn');
  assert.equal(await text(page, 'neuron-i1-value'), '2');
  // The whole first step is there: its last frame shows the updated weights (the post's w5 = 0.17438…).
  await page.getByTestId('skip-end').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="weight-w5-value"]')?.textContent === '0.174');
  const drawnWeights = await page.locator('[data-testid$="-value"]').allTextContents();
  release();
  await page.waitForSelector('.backstep[data-status="ready"]');
  assert.deepEqual(await page.locator('[data-testid$="-value"]').allTextContents(), drawnWeights);
  assert.deepEqual(errors, []);
});

test('a step past the first one waits for the engine with a note, then happens', async () => {
  const { page, errors, release } = await withEngineHeld();
  await page.waitForSelector('[data-testid="neuron-i1-value"]');
  const counter = await text(page, 'counter');
  await page.getByTestId('skip-end').click(); // the first step's last frame: no engine needed
  await page.getByTestId('step-forward').click(); // the second step: the engine computes it
  await page.waitForSelector('[data-testid="status-text"]:visible');
  assert.match(await text(page, 'status-text'), /engine is still loading/);
  assert.equal(await text(page, 'counter'), counter, 'still the first step');
  release();
  await page.waitForSelector('.backstep[data-status="ready"]');
  await page.waitForFunction(
    (before) => document.querySelector('[data-testid="counter"]').textContent !== before,
    counter,
  );
  assert.match(await text(page, 'counter'), /2/);
  assert.equal(await page.locator('[data-testid="status-text"]:visible').count(), 0, 'the note is gone');
  assert.deepEqual(errors, []);
});

test('the engine’s .wasm is asked for only once the network is on screen', async () => {
  const held = await withEngineHeld();
  await held.page.waitForSelector('[data-testid="neuron-i1-value"]');
  const drawnAt = await held.page.evaluate(() => window.__drawnAt);
  held.release();
  await held.page.waitForSelector('.backstep[data-status="ready"]');
  const wasmAt = await held.page.evaluate(
    () => performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm')).startTime,
  );
  assert.ok(drawnAt > 0 && wasmAt > drawnAt, `the network drawn at ${drawnAt} ms, the .wasm asked for at ${wasmAt}`);
  assert.deepEqual(held.errors, []);
});

test('a <backstep-viz> opened at a frame of the first step shows that frame before the engine is here', async () => {
  const { page, errors, release } = await withEngineHeld('examples/element-host.html');
  const inFirst = (selector) =>
    page.evaluate((s) => document.querySelector('#first').shadowRoot?.querySelector(s)?.textContent ?? null, selector);
  await page.waitForFunction(() =>
    document.querySelector('#first').shadowRoot?.querySelector('[data-testid="neuron-h1-delta"]')?.textContent.trim(),
  );
  assert.equal(
    await page.evaluate(() => document.querySelector('#first').shadowRoot.querySelector('.backstep').dataset.status),
    'drawn',
  );
  assert.equal(
    await page.evaluate(
      () => document.querySelector('#first').shadowRoot.querySelector('[data-testid="scrubber"]').value,
    ),
    '8',
  );
  assert.match(await inFirst('[data-testid="neuron-h1-delta"]'), /−0\.113/); // δh1 = 0.14 × (0.191 − 1)
  release();
  await page.waitForFunction(() =>
    document.querySelector('#first').shadowRoot.querySelector('.backstep[data-status="ready"]'),
  );
  assert.equal(
    await page.evaluate(
      () => document.querySelector('#first').shadowRoot.querySelector('[data-testid="scrubber"]').value,
    ),
    '8',
  );
  assert.deepEqual(errors, []);
});

test('if the engine cannot start, the first view stays and says so, also when a later step is asked for', async () => {
  const context = await app.browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  app.contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript(dismissIntro);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.url);
  await page.waitForSelector('.backstep[data-status="failed"]');
  assert.equal(await text(page, 'neuron-i1-value'), '2', 'the first view is still there');
  assert.match(await text(page, 'status-text'), /engine could not start.*HTTP 404/);
  await page.getByTestId('skip-end').click(); // the first step still plays
  await page.getByTestId('step-forward').click(); // the next one needs the engine
  assert.match(await text(page, 'status-text'), /engine could not start/);
  assert.doesNotMatch(await text(page, 'status-text'), /still loading/);
  assert.deepEqual(pageErrors, [], 'the page catches the failure it shows');
});

test('Play at the end of the first step waits for the engine, still playing, and plays on into the second', async () => {
  const { page, errors, release } = await withEngineHeld();
  await page.waitForSelector('[data-testid="neuron-i1-value"]');
  const counter = await text(page, 'counter');
  await page.getByTestId('skip-end').click();
  await page.getByTestId('play').click();
  await page.waitForSelector('[data-testid="status-text"]:visible');
  assert.equal(await page.getByTestId('play').evaluate((b) => b.classList.contains('is-playing')), true, 'playing');
  release();
  await page.waitForFunction(
    (before) => document.querySelector('[data-testid="counter"]').textContent !== before,
    counter,
  );
  assert.match(await text(page, 'counter'), /2/);
  assert.equal(await page.getByTestId('play').evaluate((b) => b.classList.contains('is-playing')), true);
  await page.getByTestId('play').click(); // pause
  assert.deepEqual(errors, []);
});
