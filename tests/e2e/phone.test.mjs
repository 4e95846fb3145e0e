// A phone is a first-class screen: on 390 × 844 and 360 × 740, for the seed and Mazur, in English and in French, the
// graph and the current formula with its sentence are on screen together at every phase of the first step, above a
// control bar under 120 px, without scrolling; no phase name or title is cut without its full text at hand; the
// matrix view says what its "?" means; and the bar's real height pads the page at every width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frame, screenshot, usePage } from './harness.mjs';

const app = usePage();

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];
const PHASES = ['forward', 'error', 'backward', 'update'];

/** Everything the checks measure, in one round trip. */
const measure = (page) =>
  page.evaluate(() => {
    const box = (element) => {
      if (!element) return null;
      const { top, bottom, left, right, height } = element.getBoundingClientRect();
      return { top, bottom, left, right, height };
    };
    const root = document.querySelector('.backstep');
    const card = root.querySelector('.formula-card');
    const cut = [...root.querySelectorAll('.phase-btn, .formula-caption, .brand-doc, .counter, .narration')]
      .filter((element) => element.getClientRects().length > 0)
      .filter(
        (element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      )
      .filter((element) => {
        const words = (element.querySelector('[data-testid="narration"]') ?? element).textContent.trim();
        return !(element.title || element.getAttribute('aria-label') || '').includes(words);
      })
      .map((element) => `${element.className}: ${element.textContent.trim()}`);
    return {
      scrollY: window.scrollY,
      overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      bar: box(root.querySelector('.control-bar')),
      graph: box(root.querySelector('[data-testid="graph"]')),
      card: box(card),
      symbolic: box(root.querySelector('[data-testid="formula-symbolic"]')),
      narration: box(root.querySelector('.narration')),
      sentence: root.querySelector('[data-testid="narration"]').textContent,
      cut,
    };
  });

function assertTogether(m, viewport, where, maxBar = 120) {
  assert.equal(m.scrollY, 0, `${where}: the page did not scroll`);
  assert.ok(m.overflowX <= 0, `${where}: nothing wider than the screen (${m.overflowX} px)`);
  assert.ok(m.bar.height <= maxBar, `${where}: the bar is ${m.bar.height} px`);
  assert.ok(Math.abs(m.bar.bottom - viewport.height) <= 1, `${where}: the bar sits at the bottom`);
  const inside = (b, name) =>
    assert.ok(
      b.top >= 0 && b.left >= 0 && b.right <= viewport.width + 0.5 && b.bottom <= m.bar.top + 0.5,
      `${where}: ${name} [${Math.round(b.top)}, ${Math.round(b.bottom)}] is not inside the screen above the bar ` +
        `(${Math.round(m.bar.top)})`,
    );
  inside(m.graph, 'the graph');
  inside(m.card, 'the formula card');
  inside(m.narration, 'the sentence');
  assert.ok(m.card.top >= m.graph.bottom, `${where}: the formula card is under the graph`);
  // The formula's first line shows in the card, above the sentence at its foot.
  assert.ok(
    m.symbolic.top >= m.card.top && m.symbolic.top + 18 <= m.narration.top,
    `${where}: the formula [${Math.round(m.symbolic.top)}] shows above the sentence [${Math.round(m.narration.top)}]`,
  );
  assert.ok(m.sentence.length > 0, `${where}: a sentence`);
  assert.deepEqual(m.cut, [], `${where}: text cut without its full text`);
}

for (const viewport of PHONES)
  for (const [example, query] of [
    ['seed', ''],
    ['Mazur', '?example=mazur'],
  ])
    for (const locale of ['en-US', 'fr-FR'])
      test(`${viewport.width} × ${viewport.height}, ${example}, ${locale}: graph, formula, sentence`, async () => {
        const { page, errors } = await app.open({ viewport, query, locale });
        await page.locator('.formula-value .katex-html').first().waitFor();
        for (const phase of PHASES) {
          await page.getByTestId(`phase-${phase}`).click();
          const start = await frame(page);
          for (let k = 0; k < 3; k += 1) {
            if (k > 0) await page.getByTestId('step-forward').click();
            const m = await measure(page);
            assertTogether(m, viewport, `${phase}, frame ${start + k}`);
          }
        }
        if (viewport.width === 360 && locale === 'fr-FR')
          await screenshot(page, `phone-${viewport.width}-${example.toLowerCase()}-fr-update`);
        assert.deepEqual(errors, []);
      });

test('the phone bar: 44-px targets in one row of transport buttons; speed and step strip behind "more"', async () => {
  const { page, errors } = await app.open({ viewport: PHONES[1], locale: 'fr-FR' });
  for (const id of [
    'reset',
    'step-back',
    'play',
    'step-forward',
    'skip-end',
    'bar-more',
    ...PHASES.map((p) => `phase-${p}`),
  ]) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${id}: ${box.width} × ${box.height}`);
  }
  const row = await Promise.all(
    ['reset', 'play', 'skip-end', 'bar-more'].map(async (id) => (await page.getByTestId(id).boundingBox()).y),
  );
  assert.ok(Math.max(...row) - Math.min(...row) <= 1, `one row: ${row.join(', ')}`);
  const more = page.getByTestId('bar-more');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.match(await more.getAttribute('aria-label'), /vitesse/);
  assert.equal(await page.getByTestId('speed').isVisible(), false);
  assert.equal(await page.getByTestId('step-strip').isVisible(), false);
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByTestId('speed').isVisible(), true);
  assert.equal(await page.getByTestId('step-strip').isVisible(), true);
  await page.getByTestId('speed').selectOption('2');
  assert.equal(await page.getByTestId('speed').inputValue(), '2');
  // The taller bar: the graph makes room, the formula and its sentence stay in sight above it.
  await page.waitForTimeout(100);
  assertTogether(await measure(page), PHONES[1], 'the bar open', 180);
  await more.click();
  assert.equal(await page.getByTestId('speed').isVisible(), false);
  assert.deepEqual(errors, []);
});

test('Mazur’s matrix view: a "?" is labelled "not computed yet at this frame", in English and French', async () => {
  for (const [locale, words] of [
    ['en-US', 'not computed yet at this frame'],
    ['fr-FR', 'pas encore calculé à cette image'],
  ]) {
    const { page, errors } = await app.open({ query: '?example=mazur', locale });
    await page.getByTestId('view-matrix').click();
    await page.getByTestId('phase-forward').click();
    await page.getByTestId('step-forward').click(); // h1 computed, h2 not yet
    const mark = page.locator('.formula-value .tex-pending').first();
    await mark.waitFor();
    assert.equal(await mark.getAttribute('title'), words);
    const note = page.getByTestId('formula-pending');
    assert.equal(await note.isVisible(), true);
    assert.match(await note.textContent(), new RegExp(`^\\? — ${words}$`));
    await page.getByTestId('skip-end').click(); // the whole step computed: no "?"
    assert.equal(await page.locator('.formula-value .tex-pending').count(), 0);
    assert.equal(await note.isVisible(), false);
    assert.deepEqual(errors, []);
  }
});

test('the bar’s real height pads the page: the last content clears the bar at 1280, 900 and 390 px', async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const { page, errors } = await app.open({ viewport });
    const agree = async (where) => {
      await page.waitForTimeout(50); // the ResizeObserver's turn
      const m = await page.evaluate(() => {
        const root = document.querySelector('.backstep');
        const bar = root.querySelector('.control-bar').getBoundingClientRect();
        window.scrollTo(0, document.documentElement.scrollHeight);
        const cards = [...root.querySelectorAll('.app-main > .card')].filter((card) => !card.hidden);
        const last = cards.at(-1).getBoundingClientRect();
        return {
          barH: bar.height,
          padH: parseFloat(root.style.getPropertyValue('--bar-h')),
          lastBottom: last.bottom,
          barTop: bar.top,
        };
      });
      assert.ok(Math.abs(m.barH - m.padH) <= 1, `${where}: --bar-h ${m.padH} for a bar of ${m.barH} px`);
      assert.ok(
        m.lastBottom <= m.barTop,
        `${where}: the last card ends at ${m.lastBottom}, under the bar (${m.barTop})`,
      );
      await page.evaluate(() => window.scrollTo(0, 0));
    };
    await agree(`${viewport.width} px`);
    if (viewport.width === 390) {
      await page.getByTestId('bar-more').click(); // a taller bar: the padding follows
      await agree('390 px, the bar open');
    }
    assert.deepEqual(errors, []);
  }
});
