// <backstep-viz>: two elements in a host page with aggressive CSS render as they do alone, step independently,
// take keyboard input only when focused, answer goto()/next() and fire step events, round-trip toJSON(), and
// load nothing before they scroll into view. All under the strict CSP of the other page tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CSP, SCREENSHOTS, collectErrors, usePage } from './harness.mjs';

const app = usePage();

async function newPage(viewport = { width: 1000, height: 900 }) {
  const browserContext = await app.browser.newContext({ viewport, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  const page = await browserContext.newPage();
  const errors = await collectErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  return { page, errors, requests, close: () => browserContext.close() };
}

/** A host page served at `path` by the test itself (same origin, same CSP), holding `body`. */
async function host(page, path, body) {
  await page.route(`${app.url}host.css`, (route) =>
    route.fulfill({
      contentType: 'text/css',
      body: '.spacer { height: 4000px; } .column { width: 700px; margin: 0 auto; }',
    }),
  );
  await page.route(`${app.url}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="host.css"><script type="module" src="backstep-viz.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${app.url}${path}`);
}

/** The inline document of the second element of examples/element-host.html, as that page writes it. */
async function inlineMazur() {
  const html = await (await fetch(`${app.url}examples/element-host.html`)).text();
  const start = html.indexOf('<script type="application/json">');
  return html.slice(start, html.indexOf('</script>', start) + '</script>'.length);
}

const ready = (page, selector) =>
  page.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('.backstep[data-status="ready"]'),
    selector,
    { timeout: 15000 },
  );
const frameOf = (page, selector) =>
  page.evaluate(
    (s) => Number(document.querySelector(s).shadowRoot.querySelector('[data-testid="scrubber"]').value),
    selector,
  );

test('two elements in a host with aggressive CSS: styled as alone, independent, driven by the page', async () => {
  const { page, errors, close } = await newPage();
  await page.goto(`${app.url}examples/element-host.html`);
  await ready(page, '#first');
  await ready(page, '#second');
  const inside = await page.evaluate(() => {
    const value = document.querySelector('#first').shadowRoot.querySelector('[data-testid="neuron-i1-value"]');
    const style = getComputedStyle(value);
    const root = getComputedStyle(document.querySelector('#first').shadowRoot.querySelector('.backstep'));
    return { font: style.fontFamily, line: root.lineHeight, color: root.color };
  });
  assert.ok(!/Comic/.test(inside.font), inside.font);
  assert.notEqual(inside.line, '45px');
  assert.notEqual(inside.color, 'rgb(204, 0, 255)');

  assert.equal(await frameOf(page, '#first'), 8, 'step="1" event="8" opened δh1');
  assert.equal(await frameOf(page, '#second'), 0);
  await page.click('#next');
  assert.equal(await frameOf(page, '#first'), 9);
  assert.equal(await frameOf(page, '#second'), 0, 'stepping one does not move the other');

  const stepEvents = await page.evaluate(async () => {
    const second = document.querySelector('#second');
    const seen = [];
    second.addEventListener('step', (event) => seen.push(event.detail));
    second.goto(1, 5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return seen;
  });
  assert.deepEqual(stepEvents.at(-1), { step: 1, event: 5, kind: 'error' }); // input, h1, h2, o1, o2, error

  // Keyboard input goes only to the focused one.
  await page.locator('#second').locator('[data-testid="doc-title"]').click();
  await page.keyboard.press('ArrowRight');
  assert.equal(await frameOf(page, '#second'), 6);
  assert.equal(await frameOf(page, '#first'), 9);

  // toJSON() round-trips: the second's document, loaded into the first.
  const title = await page.evaluate(() => {
    const json = document.querySelector('#second').toJSON();
    document.querySelector('#first').load(json.document);
    return document.querySelector('#first').shadowRoot.querySelector('[data-testid="doc-title"]').textContent;
  });
  assert.equal(title, 'Mazur, inline');
  assert.deepEqual(errors, []);
  await close();
});

test('an element renders the same in the aggressive host as alone', async () => {
  // Its layout (every labelled element's box, relative to the element) and its text styles, in both pages.
  const layouts = [];
  for (const path of ['examples/element-host.html', 'alone.html']) {
    const { page, close } = await newPage();
    if (path === 'alone.html')
      await host(
        page,
        path,
        `<div class="column"><backstep-viz id="second" app="../index.html">${await inlineMazur()}</backstep-viz></div>`,
      );
    else await page.goto(`${app.url}${path}`);
    await ready(page, '#second');
    await page.locator('#second').scrollIntoViewIfNeeded();
    // KaTeX arrives after the graph is drawn: both pages are measured with their formulas typeset.
    await page.waitForFunction(() => document.querySelector('#second').shadowRoot.querySelector('.katex-html'));
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(SCREENSHOTS, `element-${path.replace(/\W/g, '-')}.png`), fullPage: true });
    layouts.push(
      await page.evaluate(() => {
        const element = document.querySelector('#second');
        const origin = element.getBoundingClientRect();
        const boxes = {};
        for (const item of element.shadowRoot.querySelectorAll('[data-testid]')) {
          const box = item.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue; // not shown (a closed dialog, the editor)
          const style = getComputedStyle(item);
          boxes[item.dataset.testid] =
            [box.x - origin.x, box.y - origin.y, box.width, box.height].map(Math.round).join(',') +
            ` ${style.fontFamily} ${style.fontSize} ${style.color}`;
        }
        return boxes;
      }),
    );
    await close();
  }
  assert.ok(Object.keys(layouts[0]).length > 40);
  assert.deepEqual(layouts[0], layouts[1]);
});

test('in a 700-px column of a wide window, the element lays out for its column, not for the window', async () => {
  const { page, errors, close } = await newPage({ width: 1280, height: 900 });
  await host(page, 'column.html', '<div class="column"><backstep-viz example="seed"></backstep-viz></div>');
  await ready(page, 'backstep-viz');
  const boxes = await page.evaluate(() => {
    const root = document.querySelector('backstep-viz').shadowRoot;
    const box = (selector) => root.querySelector(selector).getBoundingClientRect().toJSON();
    return {
      element: box('.backstep'),
      graph: box('.graph-card'),
      formula: box('.formula-card'),
      controls: [...root.querySelectorAll('.tbtn, .phase-btn, .scrubber, .speed-field select')].map((node) =>
        node.getBoundingClientRect().toJSON(),
      ),
      overflow: root.querySelector('.backstep').scrollWidth - root.querySelector('.backstep').clientWidth,
    };
  });
  assert.equal(Math.round(boxes.element.width), 700);
  assert.ok(boxes.formula.top >= boxes.graph.bottom, 'the formula is under the graph (one column)');
  assert.ok(boxes.graph.width > 650, `the graph takes the column's width: ${boxes.graph.width}`);
  assert.ok(boxes.overflow <= 0, `nothing overflows the column: ${boxes.overflow}`);
  const overlaps = [];
  boxes.controls.forEach((a, i) =>
    boxes.controls.slice(i + 1).forEach((b) => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
        overlaps.push([a, b]);
    }),
  );
  assert.deepEqual(overlaps, [], 'no two controls overlap');
  assert.deepEqual(errors, []);
  await close();
});

test('attributes changed after it is ready take effect at once: decimals, lang, step and event, example, src', async () => {
  const { page, errors, close } = await newPage();
  await page.route(`${app.url}missing.json`, (route) => route.fulfill({ status: 404, body: 'no' }));
  await host(page, 'live.html', '<backstep-viz id="live" example="seed"></backstep-viz>');
  await ready(page, '#live');
  const inside = (selector, read = 'textContent') =>
    page.evaluate(
      ([s, r]) => document.querySelector('#live').shadowRoot.querySelector(s)?.[r]?.trim(),
      [selector, read],
    );
  const set = (name, value) =>
    page.evaluate(([n, v]) => document.querySelector('#live').setAttribute(n, v), [name, value]);
  await set('event', '8');
  await set('step', '1');
  await page.waitForFunction(
    () => document.querySelector('#live').shadowRoot.querySelector('[data-testid="scrubber"]').value === '8',
  );
  assert.equal(await inside('[data-testid="formula-caption"]'), 'Hidden delta δh1');
  assert.match(await inside('[data-testid="weight-w5"]'), /−0\.688$/, '∂E/∂w5 at 3 decimals');
  await set('decimals', '4');
  await page.waitForFunction(() =>
    /−0\.6876$/.test(document.querySelector('#live').shadowRoot.querySelector('[data-testid="weight-w5"]').textContent),
  );
  await set('lang', 'fr');
  await page.waitForFunction(() => document.querySelector('#live').shadowRoot.querySelector('.backstep').lang === 'fr');
  assert.match(await inside('[data-testid="weight-w5"]'), /−0,6876$/, 'French numbers, still 4 decimals');
  assert.equal(await inside('[data-testid="formula-caption"]'), 'Delta de la couche cachée δh1');
  await set('example', 'mazur');
  await page.waitForFunction(
    () => document.querySelector('#live').shadowRoot.querySelector('[data-testid="neuron-o2"]') !== null,
  );
  await set('src', 'missing.json'); // refused: Mazur stays, with a message
  await page.waitForFunction(() =>
    /404/.test(document.querySelector('#live').shadowRoot.querySelector('.status-banner')?.textContent ?? ''),
  );
  assert.notEqual(
    await page.evaluate(() => document.querySelector('#live').shadowRoot.querySelector('[data-testid="neuron-o2"]')),
    null,
  );
  assert.deepEqual(
    errors.filter((message) => !/favicon|missing\.json|404/.test(message)),
    [],
  );
  await close();
});

test('live hide and theme; of two quick src changes the later wins; attributes set while the engine loads apply', async () => {
  const { page, errors, close } = await newPage();
  const doc = (title) =>
    JSON.stringify({
      format: 'backstep/1',
      title,
      layers: [{ size: 1 }, { size: 1, activation: 'linear' }],
      weights: [[[0.5]]],
      learningRate: 0.1,
      samples: [{ input: [2], target: [1] }],
    });
  await page.route(`${app.url}slow.json`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fulfill({ contentType: 'application/json', body: doc('Slow') });
  });
  await page.route(`${app.url}fast.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: doc('Fast') }),
  );
  // The engine arrives late: attributes set meanwhile must still take effect.
  await page.route('**/*.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await host(page, 'live2.html', '<backstep-viz id="a" example="seed"></backstep-viz>');
  await page.waitForFunction(() => document.querySelector('#a').shadowRoot?.querySelector('.backstep'));
  await page.evaluate(() => {
    const element = document.querySelector('#a');
    element.setAttribute('example', 'mazur');
    element.setAttribute('hide', 'formula');
    element.setAttribute('theme', 'dark');
  });
  await ready(page, '#a');
  const inside = (fn) => page.evaluate(fn);
  await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('[data-testid="neuron-o2"]'));
  assert.equal(await inside(() => document.querySelector('#a').shadowRoot.querySelector('.formula-card').hidden), true);
  assert.equal(
    await inside(() => document.querySelector('#a').shadowRoot.querySelector('.backstep').dataset.theme),
    'dark',
  );
  // Live: show the formula again, go back to the default theme.
  await page.evaluate(() => {
    const element = document.querySelector('#a');
    element.removeAttribute('hide');
    element.removeAttribute('theme');
  });
  assert.equal(
    await inside(() => document.querySelector('#a').shadowRoot.querySelector('.formula-card').hidden),
    false,
  );
  assert.equal(
    await inside(() => document.querySelector('#a').shadowRoot.querySelector('.backstep').dataset.theme),
    'light',
  );
  // Two quick src changes: the slow one answers last, the later one is shown.
  await page.evaluate(async () => {
    const element = document.querySelector('#a');
    element.setAttribute('src', 'slow.json');
    await new Promise((resolve) => setTimeout(resolve, 50));
    element.setAttribute('src', 'fast.json');
  });
  await page.waitForTimeout(1200);
  assert.equal(
    await inside(() => document.querySelector('#a').shadowRoot.querySelector('[data-testid="doc-title"]').textContent),
    'Fast',
  );
  assert.deepEqual(
    errors.filter((message) => !message.includes('favicon')),
    [],
  );
  await close();
});

test('lazy: no .wasm is requested before the element scrolls into view', async () => {
  const { page, requests, errors, close } = await newPage();
  await host(
    page,
    'lazy.html',
    '<p>Text first.</p><div class="spacer"></div><backstep-viz id="late" example="seed"></backstep-viz>',
  );
  await page.waitForTimeout(500);
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 0, 'no engine before it is seen');
  await page.locator('#late').scrollIntoViewIfNeeded();
  await ready(page, '#late');
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  assert.deepEqual(
    errors.filter((message) => !message.includes('favicon')),
    [],
  );
  await close();
});

test('an element takes its network from a share link or from src', async () => {
  const { page, errors, close } = await newPage();
  await page.route(`${app.url}my-network.json`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        format: 'backstep/1',
        title: 'From src',
        layers: [{ size: 1 }, { size: 1, activation: 'linear' }],
        weights: [[[0.5]]],
        learningRate: 0.1,
        samples: [{ input: [2], target: [1] }],
      }),
    }),
  );
  await host(
    page,
    'sources.html',
    '<backstep-viz id="linked" link="#v=1&shape=2-3-1&act=tanh&w=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9&lr=0.1&data=1,2:0.5&at=3&lang=fr"></backstep-viz>' +
      '<backstep-viz id="fetched" src="my-network.json"></backstep-viz>',
  );
  await ready(page, '#linked');
  assert.equal(await frameOf(page, '#linked'), 3);
  assert.equal(
    await page.evaluate(() => document.querySelector('#linked').shadowRoot.querySelector('.backstep').lang),
    'fr',
  );
  assert.equal(
    await page.evaluate(
      () => document.querySelector('#linked').shadowRoot.querySelectorAll('[data-testid="neuron-h3"]').length,
    ),
    1,
  );
  await page.locator('#fetched').scrollIntoViewIfNeeded();
  await ready(page, '#fetched');
  assert.equal(
    await page.evaluate(
      () => document.querySelector('#fetched').shadowRoot.querySelector('[data-testid="doc-title"]').textContent,
    ),
    'From src',
  );
  assert.deepEqual(
    errors.filter((message) => !message.includes('favicon')),
    [],
  );
  await close();
});

test('an element removed before it is ready and added again makes one instance, freed when removed', async () => {
  const { page, errors, close } = await newPage();
  await host(
    page,
    'moved.html',
    '<div id="a"><backstep-viz id="moving" example="seed"></backstep-viz></div><div id="b"></div>',
  );
  await page.evaluate(() => {
    const element = document.querySelector('#moving');
    element.remove(); // at once, while it loads
    document.querySelector('#b').append(element);
  });
  await ready(page, '#moving');
  assert.equal(
    await page.evaluate(() => document.querySelector('#moving').shadowRoot.querySelectorAll('.backstep').length),
    1,
  );
  await page.evaluate(() => document.querySelector('#moving').remove());
  assert.equal(await page.evaluate(() => document.querySelector('#moving')), null);
  assert.deepEqual(
    errors.filter((message) => !message.includes('favicon')),
    [],
  );
  await close();
});

test('an element with the workbench attribute trains in its own shadow root, apart from its neighbour', async () => {
  const { page, errors, close } = await newPage();
  await host(
    page,
    'bench.html',
    '<backstep-viz id="a" example="xor" workbench></backstep-viz><backstep-viz id="b" example="xor"></backstep-viz>',
  );
  await ready(page, '#a');
  const inA = (selector) => page.locator('#a').locator(selector);
  assert.equal(await page.locator('#b').locator('[data-testid="tab-train"]').count(), 0, 'no workbench unless asked');
  await inA('[data-testid="train-100"]').click();
  await page.waitForFunction(
    () => document.querySelector('#a').shadowRoot.querySelector('[data-testid="train-message"]')?.dataset.reason,
  );
  assert.equal(await inA('[data-testid="train-message"]').getAttribute('data-reason'), 'done');
  assert.match(await inA('[data-testid="counter"]').textContent(), /Epoch\s*101/);
  assert.deepEqual(
    errors.filter((message) => !message.includes('favicon')),
    [],
  );
  await close();
});
