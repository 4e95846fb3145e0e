// Shared set-up for the page tests: serves the production build (dist/) from a tiny static
// server on 127.0.0.1 and drives Debian's Chromium with playwright-core. Console errors and
// page errors are collected so every test can assert there were none.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, MIME } from '../../scripts/browser.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

// Every page test runs under the strict Content-Security-Policy a careful host would send:
// no inline script or style, no eval (WebAssembly compilation only).
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

function serveDist() {
  const root = resolve(DIST);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'content-security-policy': CSP,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

/**
 * Registers before/after hooks for a test file and returns a context:
 * { url, browser, open(options) → {page, errors} }.
 */
export function usePage() {
  const context = { url: null, browser: null, server: null, contexts: [] };
  before(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH. No browser is downloaded.`,
      );
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error('dist/index.html is missing: run `npx vite build --config web/vite.config.js` first.');
    context.server = await serveDist();
    context.url = `http://127.0.0.1:${context.server.address().port}/`;
    context.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    for (const browserContext of context.contexts) await browserContext.close().catch(() => {});
    await context.browser?.close();
    await new Promise((done) => (context.server ? context.server.close(done) : done()));
  });

  /**
   * A fresh page at the app, ready (engine loaded, seed shown). Its intro card for a first visit is taken as
   * dismissed unless `intro` is true (a fresh browser context is a first visit every time).
   */
  context.open = async ({
    viewport = DESKTOP,
    reducedMotion = 'reduce',
    colorScheme = 'light',
    query = '',
    hasTouch = false,
    init = null,
    permissions = [],
    locale = 'en-US',
    intro = false,
    ready = '[data-testid="neuron-i1-value"]', // what shows once the step is drawn (the operations view: its svg)
  } = {}) => {
    const browserContext = await context.browser.newContext({
      viewport,
      reducedMotion,
      colorScheme,
      hasTouch,
      deviceScaleFactor: 1,
      permissions,
      locale,
    });
    context.contexts.push(browserContext);
    const page = await browserContext.newPage();
    if (!intro) await page.addInitScript(dismissIntro);
    if (init) await page.addInitScript(init);
    const errors = await collectErrors(page);
    // A load cut short by leaving the page (net::ERR_ABORTED: KaTeX's fonts still coming when a test navigates on)
    // is no failure of the page; anything else is.
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${request.url()}`);
    });
    await page.goto(`${context.url}${query}`);
    await page.waitForSelector('.backstep[data-status="ready"]', { timeout: 15000 });
    await page.waitForSelector(ready);
    return { page, errors };
  };
  return context;
}

/** Runs in the page before its scripts: the intro card counts as dismissed (settings-storage.js). */
export function dismissIntro() {
  try {
    localStorage.setItem('backstep.introDismissed', '1');
  } catch {
    // about:blank and opaque origins have no storage
  }
}

/**
 * Every error a page reports, as it happens: console errors and warnings, uncaught exceptions, error events on
 * window that are neither (a ResizeObserver loop), which a host page's error monitoring would log, and
 * Content-Security-Policy violations.
 */
export async function collectErrors(page) {
  const errors = [];
  await page.addInitScript(() => {
    window.addEventListener('error', (event) => {
      if (!event.error) console.error(`window error: ${event.message}`);
    });
    // Every page test runs under the strict CSP above: any violation (an inline style, an eval) fails it by name.
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.activeElement?.closest('.editor') || document.activeElement?.blur());
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export async function fullScreenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.activeElement?.closest('.editor') || document.activeElement?.blur());
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Text of an element by data-testid (trimmed). */
export async function text(page, testId) {
  return (await page.getByTestId(testId).first().textContent())?.trim();
}

/** The scrubber position (frame index within the step). */
export async function frame(page) {
  return Number(await page.getByTestId('scrubber').inputValue());
}

/** Clicks "step forward" n times. */
export async function forward(page, count = 1) {
  for (let index = 0; index < count; index += 1) await page.getByTestId('step-forward').click();
}

/** Goes to frame `index` of the current step through the scrubber. */
export async function frameTo(page, index) {
  await page.getByTestId('scrubber').fill(String(index));
}

/** The visible text of a rendered formula part (KaTeX's HTML, not its MathML copy). */
export async function formulaText(page, part) {
  await page.getByTestId(`formula-${part}`).locator('.katex-html').first().waitFor(); // KaTeX loads after the graph
  const texts = await page.getByTestId(`formula-${part}`).locator('.katex-html').allInnerTexts();
  return texts.join(' ').replace(/[\s\u200b]+/g, '');
}

/** Opens the editor on an element (by data-testid), types `value` and presses Enter. */
export async function editValue(page, testId, value) {
  await page.getByTestId(testId).click();
  const input = page.getByTestId('edit-input');
  await input.waitFor({ state: 'visible' });
  await input.fill(value);
  await input.press('Enter');
}
