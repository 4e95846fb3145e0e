// The "?" list of keyboard shortcuts: "?" or its button opens it; its rows are the keyboard handler's own table
// (every key the handler binds, and each listed key does what the list says); Escape closes it and focus returns to
// the button; the keys do nothing to the step while it is open. In French too; one instance's list is its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_BINDINGS } from '../../web/src/controls/keyboard.js';
import en from '../../web/src/i18n/en.js';
import fr from '../../web/src/i18n/fr.js';
import { frame, frameTo, usePage } from './harness.mjs';

const app = usePage();

const rows = (page) =>
  page
    .getByTestId('shortcuts-list')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('kbd').textContent, tr.querySelector('td').textContent]));

test('"?" lists every key the handler binds, each doing what it says; Escape closes it', async () => {
  const { page, errors } = await app.open();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  assert.ok(await dialog.isVisible());
  assert.equal(await dialog.getByRole('heading').textContent(), 'Keyboard shortcuts');
  assert.deepEqual(
    await rows(page),
    KEY_BINDINGS.map((binding) => [en[`key.${binding.aria}`], en[`command.${binding.command}`]]),
  );
  for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End', '?'])
    assert.ok(
      KEY_BINDINGS.some((binding) => binding.key === key),
      `${key} is in the table`,
    );
  await page.keyboard.press('ArrowRight'); // the list has the keys while it is open
  assert.equal(await frame(page), 0);
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false);

  // Each listed key does what its row says (the handler reads the same table).
  await page.locator('.backstep').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await frame(page), 1, '→ steps forward');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await frame(page), 0, '← steps back');
  await page.keyboard.press('End');
  assert.equal(await frame(page), 20, 'End skips to the end of the step');
  await page.keyboard.press('Home');
  assert.equal(await frame(page), 0, 'Home goes back to the start');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').classList.contains('is-playing'));
  await page.keyboard.press(' ');
  assert.equal(
    await page
      .getByTestId('play')
      .getAttribute('class')
      .then((c) => c.includes('is-playing')),
    false,
  );
  assert.deepEqual(errors, []);
});

test('its button opens it; Escape or Close returns the focus to the button; the transport names its keys', async () => {
  const { page, errors } = await app.open();
  const button = page.getByTestId('shortcuts-button');
  assert.equal(await button.getAttribute('aria-keyshortcuts'), '?');
  assert.equal(await button.getAttribute('aria-label'), 'Keyboard shortcuts');
  await button.click();
  assert.ok(await page.getByTestId('shortcuts-dialog').isVisible());
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'shortcuts-button');
  await page.keyboard.press('Enter');
  assert.ok(await page.getByTestId('shortcuts-dialog').isVisible());
  await page.getByTestId('shortcuts-close').click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'shortcuts-button');
  // The transport's buttons take their keys from the same table.
  assert.equal(await page.getByTestId('play').getAttribute('aria-keyshortcuts'), 'Space');
  assert.equal(await page.getByTestId('step-forward').getAttribute('aria-keyshortcuts'), 'ArrowRight');
  assert.equal(await page.getByTestId('step-forward').getAttribute('title'), 'Step forward (→)');
  assert.deepEqual(errors, []);
});

test('in French', async () => {
  const { page, errors } = await app.open({ locale: 'fr-FR' });
  await frameTo(page, 3);
  await page.locator('.backstep').focus();
  await page.keyboard.press('?');
  assert.equal(await page.getByTestId('shortcuts-dialog').getByRole('heading').textContent(), 'Raccourcis clavier');
  assert.deepEqual(
    await rows(page),
    KEY_BINDINGS.map((binding) => [fr[`key.${binding.aria}`], fr[`command.${binding.command}`]]),
  );
  assert.ok((await rows(page)).some(([key]) => key === 'Espace'));
  await page.keyboard.press('Escape');
  assert.equal(await frame(page), 3);
  assert.deepEqual(errors, []);
});

test('two instances on one page: "?" opens the list of the one that has focus', async () => {
  const { page, errors } = await app.open();
  await page.goto(`${app.url}examples/side-by-side.html`);
  await page.waitForFunction(() => document.querySelectorAll('.backstep[data-status="ready"]').length === 2, null, {
    timeout: 15000,
  });
  const [first, second] = [page.locator('.backstep').nth(0), page.locator('.backstep').nth(1)];
  await second.focus();
  await page.keyboard.press('?');
  assert.ok(await second.getByTestId('shortcuts-dialog').isVisible());
  assert.equal(await first.getByTestId('shortcuts-dialog').isVisible(), false);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelectorAll('.backstep')[1]), true);
  assert.deepEqual(errors, []);
});
