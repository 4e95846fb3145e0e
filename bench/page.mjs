// Section 4: the production page (built by scripts/bench.sh into build/bench-dist) in headless Chromium,
// served gzip'd by bench/server.mjs.
//  - First network drawn: an init script watches the DOM; once the graph's svg holds its neuron circles and i1's
//    value is written (drawn from the first view, before the engine, or by the engine: state/first-view.js), the
//    next requestAnimationFrame callback (the frame that paints it) is the moment, in ms since navigation start
//    (performance.now()). Ready: when the instance's engine is loaded ([data-status="ready"]): what every control
//    needs from the second step on.
//    Beside it, interleaved visit by visit, a blank page (bench/blank/: one module, one circle) in the same browser
//    and server: its first animation frame is the floor this machine puts under any page.
//  - Bytes: gzip'd bodies. Before the draw: the page's Resource Timing (the document and every resource whose
//    responseEnd is at or before that moment, encodedBodySize). In total: every body the server sent for the visit
//    (workers' fetches included) once the network has been idle and one more second has passed.
//  - Frames: a 2-8-8-8-8-1 network opened by a #json= share link, motion on, speed 1×; for each phase (forward,
//    error, backward, update) the phase button, Play, and requestAnimationFrame deltas for a few seconds. That visit
//    is served cross-origin isolated (COOP/COEP), so that rAF times have 5 µs rather than 100 µs resolution: at
//    100 µs a steady 60 Hz reads as 16.6/16.7/16.8 ms.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { backstepDocument, circleSamples, problem } from './data.mjs';
import { serve } from './server.mjs';
import { CHROMIUM, CHROMIUM_ARGS as FLAGS } from '../scripts/browser.mjs';
import { median, percentile } from './stats.mjs';

export const DIST = fileURLToPath(new URL('../build/bench-dist/', import.meta.url));
const BLANK = fileURLToPath(new URL('./blank/', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const PHASES = ['forward', 'error', 'backward', 'update'];
const WINDOW_MS = 4000;

function watchFirstDraw() {
  const found = () => {
    const root = document.querySelector('.backstep');
    const value = root?.querySelector('[data-testid="neuron-i1-value"]');
    return Boolean(root?.querySelector('svg circle.neuron-body') && value?.textContent.trim());
  };
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => {
      window.__benchDraw = { dom, drawn: performance.now() };
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const ready = new MutationObserver(() => {
    if (!document.querySelector('.backstep[data-status="ready"]')) return;
    ready.disconnect();
    window.__benchReady = performance.now();
  });
  ready.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
}

async function newPage(browser, reducedMotion) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { context, page, errors };
}

/** A first visit of the blank baseline page (bench/blank/): ms from navigation to its first animation frame. */
async function blankVisit(browser, server) {
  const { context, page } = await newPage(browser, 'no-preference');
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__benchDraw, null, { timeout: 20000 });
    return await page.evaluate(() => window.__benchDraw.drawn);
  } finally {
    await context.close();
  }
}

/** One first visit: { drawn, dom, ready, before, pageTotal, serverTotal, requests }. */
async function visit(browser, server) {
  server.log.length = 0;
  const { context, page, errors } = await newPage(browser, 'no-preference');
  try {
    await page.addInitScript(watchFirstDraw);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__benchDraw && window.__benchReady, null, { timeout: 20000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const timing = await page.evaluate(() => {
      const { dom, drawn } = window.__benchDraw;
      const ready = window.__benchReady;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const sum = (list) => list.reduce((total, entry) => total + entry.encodedBodySize, 0);
      return {
        dom,
        drawn,
        ready,
        before: sum(entries.filter((entry) => entry.responseEnd <= drawn)),
        pageTotal: sum(entries),
      };
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      ...timing,
      serverTotal: server.log.reduce((total, entry) => total + entry.bytes, 0),
      requests: server.log.map(({ path, bytes, raw }) => ({ path, bytes, raw })),
    };
  } finally {
    await context.close();
  }
}

/** The 2-8-8-8-8-1 document of the frame measurement: tanh, biases, four circle samples. */
export function deepDocument() {
  const p = problem({ id: 'deep', sizes: [2, 8, 8, 8, 8, 1], data: circleSamples(3, 4), seed: 3000 });
  return backstepDocument({ ...p, learningRate: 0.05 });
}

/** rAF deltas (ms) while the 2-8-8-8-8-1 step plays, phase by phase: { deltas, perPhase }. */
async function frames(browser, server) {
  const doc = deepDocument();
  const { context, page, errors } = await newPage(browser, 'no-preference');
  try {
    await page.goto(`${server.url}#json=${encodeURIComponent(JSON.stringify(doc))}`);
    await page.waitForSelector('.backstep[data-status="ready"]', { timeout: 20000 });
    await page.waitForSelector('[data-testid="neuron-i1-value"]');
    await page.waitForLoadState('networkidle'); // the animation, not the end of the load
    await page.waitForTimeout(500);
    const neurons = await page.locator('svg circle.neuron-body').count();
    if (neurons !== doc.layers.reduce((total, layer) => total + layer.size, 0))
      throw new Error(`the page shows ${neurons} neurons, not the 2-8-8-8-8-1 network`);
    const perPhase = {};
    for (const phase of PHASES) {
      await page.getByTestId(`phase-${phase}`).click();
      await page.getByTestId('play').click();
      const deltas = await page.evaluate(
        (ms) =>
          new Promise((done) => {
            const out = [];
            let last = null;
            let end = null;
            const tick = (time) => {
              if (last !== null) out.push(time - last);
              last = time;
              end ??= time + ms;
              if (time < end) requestAnimationFrame(tick);
              else done(out);
            };
            requestAnimationFrame(tick);
          }),
        WINDOW_MS,
      );
      await page.getByTestId('play').click();
      perPhase[phase] = deltas;
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the frames page is not isolated');
    return { deltas: Object.values(perPhase).flat(), perPhase };
  } finally {
    await context.close();
  }
}

export async function measurePage({ runs = 5, log = () => {} } = {}) {
  if (!existsSync(`${DIST}index.html`)) throw new Error(`${DIST}index.html is missing: run scripts/bench.sh`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  const server = await serve(DIST);
  const blankServer = await serve(BLANK);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    await visit(browser, server); // warm-up: the server's gzip cache, Chromium's own start-up
    await blankVisit(browser, blankServer);
    const visits = [];
    const blank = [];
    for (let r = 0; r < runs; r += 1) {
      log(`  page: visit ${r + 1} of ${runs}`);
      visits.push(await visit(browser, server));
      blank.push(await blankVisit(browser, blankServer)); // interleaved: the same moment's machine
    }
    log('  page: frames of a 2-8-8-8-8-1 step');
    const isolatedServer = await serve(DIST, { isolated: true });
    const frameTimes = await frames(browser, isolatedServer).finally(() => isolatedServer.close());
    const pick = (key) => median(visits.map((v) => v[key]));
    return {
      chromium: browser.version(),
      drawnMs: pick('drawn'),
      domMs: pick('dom'),
      drawnRuns: visits.map((v) => v.drawn),
      readyMs: pick('ready'),
      blankMs: median(blank),
      blankRuns: blank,
      beforeBytes: pick('before'),
      totalBytes: pick('serverTotal'),
      pageTotalBytes: pick('pageTotal'),
      requests: visits.at(-1).requests,
      frames: {
        count: frameTimes.deltas.length,
        median: median(frameTimes.deltas),
        p95: percentile(frameTimes.deltas, 95),
        max: Math.max(...frameTimes.deltas),
        late: frameTimes.deltas.filter((d) => d > 1.5 * (1000 / 60)).length,
        perPhase: Object.fromEntries(
          Object.entries(frameTimes.perPhase).map(([phase, d]) => [
            phase,
            { count: d.length, median: median(d), p95: percentile(d, 95) },
          ]),
        ),
      },
    };
  } finally {
    await browser.close();
    await server.close();
    await blankServer.close();
  }
}
