// The formula card's "Why?" line: open on the full page, the reason for the event on screen with the trace's own
// numbers and signs, in English and in French; a disclosure (aria-expanded) whose choice is remembered with the
// other settings; closed in an element unless it asks, and opened there without leaving the column's layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, collectErrors, frameTo, text, usePage } from './harness.mjs';

const app = usePage();

const W5_UPDATE = 18; // the seed step's frame "update w5"

test('full page: the Why? line says why w5 goes up (its gradient is negative), and why a delta', async () => {
  const { page, errors } = await app.open();
  const toggle = page.getByTestId('why-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const controlled = await toggle.getAttribute('aria-controls');
  assert.equal(await page.getByTestId('why-text').getAttribute('id'), controlled);
  assert.match(await text(page, 'why-text'), /sample 1: its inputs go into the network/);

  await frameTo(page, W5_UPDATE);
  assert.equal(await text(page, 'formula-caption'), 'Update w5');
  assert.match(await text(page, 'why-text'), /w5 goes up because its gradient is negative \(−0\.688\)/);
  assert.match(await text(page, 'why-text'), /learning rate η = 0\.05/);
  assert.equal(await text(page, 'neuron-o1-value'), '0.191');

  await frameTo(page, 5); // δ(o1)
  assert.match(await text(page, 'why-text'), /how much the error changes when this neuron’s sum z changes/);
  assert.match(await text(page, 'why-text'), /δ\(o1\) = −0\.809 is negative/);
  await frameTo(page, 8); // δ(h1): from the layer after it
  assert.match(await text(page, 'why-text'), /h1 affects the error only through the neurons it feeds \(o1\)/);
  assert.deepEqual(errors, []);
});

test('closed, it stays closed after a reload (with the other settings), and reopens from the keyboard', async () => {
  const { page, errors } = await app.open();
  await page.getByTestId('precision').selectOption('4');
  await page.getByTestId('why-toggle').click();
  assert.equal(await page.getByTestId('why-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('why-text').isVisible(), false);
  assert.equal(await text(page, 'formula-caption'), 'Sample 1: inputs and target', 'the formula stays');

  await page.goto(app.url); // the page's own address: its remembered settings (a link's would be for that visit)
  await page.waitForSelector('.backstep[data-status="ready"]');
  assert.equal(await page.getByTestId('precision').inputValue(), '4');
  const toggle = page.getByTestId('why-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('why-text').isVisible(), false);
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await text(page, 'why-text'), /its target is the answer/);
  assert.deepEqual(errors, []);
});

test('in French: the button and the reason, with a decimal comma', async () => {
  const { page, errors } = await app.open({ locale: 'fr-FR' });
  assert.equal(await text(page, 'why-toggle'), 'Pourquoi ?');
  await frameTo(page, W5_UPDATE);
  assert.match(await text(page, 'why-text'), /w5 augmente parce que son gradient est négatif \(−0,688\)/);
  await page.getByTestId('language').selectOption('en');
  assert.match(await text(page, 'why-text'), /w5 goes up/);
  assert.deepEqual(errors, []);
});

test('an element starts with it closed, `why` opens it; opened in a column, the graph keeps its size', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = await collectErrors(page);
  await page.route(`${app.url}why-host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': CSP },
      body: [
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="favicon.svg">',
        '<script type="module" src="backstep-viz.js"></script></head><body>',
        `<backstep-viz id="plain" example="seed" step="1" event="${W5_UPDATE}"></backstep-viz>`,
        `<backstep-viz id="asks" example="seed" why step="1" event="${W5_UPDATE}"></backstep-viz>`,
        '</body></html>',
      ].join(''),
    }),
  );
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto(`${app.url}why-host.html`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('backstep-viz')].every((element) =>
        element.shadowRoot?.querySelector('.backstep[data-status="ready"]'),
      ),
    null,
    { timeout: 15000 },
  );
  const plain = page.locator('#plain');
  const asks = page.locator('#asks');
  assert.equal(await plain.getByTestId('why-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await plain.getByTestId('why-text').isVisible(), false);
  assert.equal(await asks.getByTestId('why-toggle').getAttribute('aria-expanded'), 'true');
  assert.match(await asks.getByTestId('why-text').textContent(), /w5 goes up because its gradient is negative/);

  const graphBefore = await plain.getByTestId('graph').boundingBox();
  await plain.getByTestId('why-toggle').click();
  assert.match(await plain.getByTestId('why-text').textContent(), /w5 goes up/);
  const graphAfter = await plain.getByTestId('graph').boundingBox();
  assert.equal(Math.round(graphAfter.height), Math.round(graphBefore.height), 'the graph keeps its size');
  await page.evaluate(() => document.querySelector('#asks').setAttribute('decimals', '2'));
  assert.equal(await asks.getByTestId('why-toggle').getAttribute('aria-expanded'), 'true', 'an attribute leaves it');
  assert.deepEqual(errors, []);
  await context.close();
});
