// dist/backstep.html: the whole page in one file (engine, scripts, styles, fonts), opened from file://, under the
// strict Content-Security-Policy its meta tag sets (its own blocks by hash, no eval, no other source).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, formulaText, usePage } from './harness.mjs';

const app = usePage();

test('the single HTML file opens from file:// and shows 0.191', async () => {
  const browserContext = await app.browser.newContext({ reducedMotion: 'reduce' });
  const page = await browserContext.newPage();
  const errors = [];
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
    ),
  );
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(join(DIST, 'backstep.html')).href);
  await page.waitForSelector('.backstep[data-status="ready"]', { timeout: 15000 });
  await page.getByTestId('scrubber').fill('3');
  assert.equal(await page.getByTestId('neuron-o1-value').textContent(), '0.191');
  assert.equal(await formulaText(page, 'result'), 'o1=0.191', 'KaTeX renders');
  const outside = requests.filter((url) => !url.startsWith('data:') && !url.endsWith('/backstep.html'));
  assert.deepEqual(outside, [], 'nothing is fetched besides the file itself');
  // It runs under its own strict policy: its blocks by hash, no inline code else, no eval, nothing from outside.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-[^']+';/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.deepEqual(errors, []);
  await browserContext.close();
});
