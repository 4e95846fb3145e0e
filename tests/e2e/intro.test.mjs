// The intro card for a first visit: the full page shows it once; its button or Escape dismisses it, focus goes on
// to Play, and it stays away after a reload (remembered per origin, even on a link's address). On a phone it leaves
// the controls and the top of the graph free, and its button is in reach. Embeds and elements show it only when
// they ask. In French too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, collectErrors, frame, usePage } from './harness.mjs';

const app = usePage();

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? null);

test('a first visit: the card says what to press; Escape closes it, focus goes to Play; not shown again', async () => {
  const { page, errors } = await app.open({ intro: true });
  const card = page.getByTestId('intro-card');
  assert.ok(await card.isVisible());
  const heading = await card.getByRole('heading').textContent();
  assert.equal(await card.getAttribute('aria-labelledby'), await card.getByRole('heading').getAttribute('id'));
  assert.match(heading, /Backpropagation, one calculation at a time/);
  const words = await card.textContent();
  for (const phrase of ['Play', '→', '←', '?', 'Forward', 'Error', 'Backward', 'Update'])
    assert.ok(words.includes(phrase), `the card mentions ${phrase}`);
  assert.equal(await focusedTestId(page), 'intro-dismiss', 'its button has the focus');

  await page.keyboard.press('ArrowRight'); // the keys work under it: it is not modal
  assert.equal(await frame(page), 1);
  await page.keyboard.press('Escape');
  assert.equal(await card.count(), 0);
  assert.equal(await focusedTestId(page), 'play', 'focus goes on to Play');
  await page.keyboard.press('ArrowRight');
  assert.equal(await frame(page), 2, 'and the keys still work');

  await page.reload(); // the address is now a link to the frame: the dismissal holds anyway
  await page.waitForSelector('.backstep[data-status="ready"]');
  assert.equal(await page.getByTestId('intro-card').count(), 0);
  await page.goto(app.url);
  await page.waitForSelector('.backstep[data-status="ready"]');
  assert.equal(await page.getByTestId('intro-card').count(), 0);
  assert.deepEqual(errors, []);
});

test('on a 390 × 844 phone: the controls and the top of the graph stay free, and "Got it" dismisses it', async () => {
  const { page, errors } = await app.open({ intro: true, viewport: PHONE });
  const card = await page.getByTestId('intro-card').boundingBox();
  const bar = await page.locator('.control-bar').boundingBox();
  const graph = await page.getByTestId('graph').boundingBox();
  assert.ok(card.y >= 0 && card.y + card.height <= bar.y + 1, 'above the control bar, inside the screen');
  assert.ok(card.y - graph.y >= 150, `the top of the graph stays visible (${Math.round(card.y - graph.y)} px)`);
  const button = await page.getByTestId('intro-dismiss').boundingBox();
  assert.ok(button.height >= 44 && button.y + button.height <= bar.y, 'a full-size button, in reach');
  await page.getByTestId('intro-dismiss').click(); // a real click: nothing covers it
  assert.equal(await page.getByTestId('intro-card').count(), 0);
  await page.getByTestId('step-forward').click();
  assert.equal(await frame(page), 1);
  assert.deepEqual(errors, []);
});

test('in French; and switching the language keeps it open, in the new language', async () => {
  const { page, errors } = await app.open({ intro: true, locale: 'fr-FR' });
  const card = page.getByTestId('intro-card');
  assert.match(await card.getByRole('heading').textContent(), /Première visite/);
  assert.equal(await page.getByTestId('intro-dismiss').textContent(), 'Compris');
  await page.getByTestId('language').selectOption('en');
  assert.match(await page.getByTestId('intro-card').getByRole('heading').textContent(), /New here/);
  await page.getByTestId('intro-dismiss').click();
  assert.equal(await page.getByTestId('intro-card').count(), 0);
  assert.deepEqual(errors, []);
});

test('an embed and an element show it on a first visit only when they ask (intro=1, intro attribute)', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = await collectErrors(page);
  const ready = '.backstep[data-status="ready"]';
  await page.goto(`${app.url}embed.html`);
  await page.waitForSelector(ready, { timeout: 15000 });
  assert.equal(await page.getByTestId('intro-card').count(), 0, 'a plain embed');
  await page.goto('about:blank'); // (a new fragment alone would not load the page again)
  await page.goto(`${app.url}embed.html#intro=1`);
  await page.waitForSelector(ready, { timeout: 15000 });
  assert.ok(await page.getByTestId('intro-card').isVisible(), 'an embed that asks');
  assert.notEqual(await focusedTestId(page), 'intro-dismiss', 'an embed does not take the focus');

  await page.goto(`${app.url}examples/element-host.html`);
  await page.waitForFunction((s) => document.querySelector('#first')?.shadowRoot?.querySelector(s), ready, {
    timeout: 15000,
  });
  assert.equal(await page.locator('#first').getByTestId('intro-card').count(), 0, 'an element');
  await page.evaluate(() => {
    const element = document.createElement('backstep-viz');
    element.id = 'asks';
    element.setAttribute('example', 'seed');
    element.setAttribute('intro', '');
    document.querySelector('#first').before(element);
  });
  await page.waitForFunction((s) => document.querySelector('#asks')?.shadowRoot?.querySelector(s), ready, {
    timeout: 15000,
  });
  const asks = page.locator('#asks');
  assert.ok(await asks.getByTestId('intro-card').isVisible(), 'an element that asks');
  await asks.getByTestId('intro-dismiss').click();
  assert.equal(await asks.getByTestId('intro-card').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('backstep.introDismissed')), '1', 'remembered');
  assert.deepEqual(errors, []);
  await context.close();
});
