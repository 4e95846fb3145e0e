// While the quiz waits for an answer, the workbench's Variants and Gradient check tabs hold the step's numbers back
// (a note in their place) and the Export dialog gives no worked solution; answered, or the quiz off, they are back.
// Each pending value is read from the page (the table or the quiz's own feedback), none is guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text, usePage } from './harness.mjs';

const app = usePage();

const SEED = 'v=1&shape=2-2-1&act=linear&w=0.11,0.21,0.12,0.08,0.14,0.15&lr=0.05&data=2,3:1&title=Backpropagation';
const O1 = 3; // the seed step's frames: forward o1
const W5 = 6; // ∂E/∂w5
const NEW_W5 = 18; // w5 updated

async function answer(page, value) {
  await page.getByTestId('quiz-input').fill(value);
  await page.getByTestId('quiz-input').press('Enter');
}

async function openTab(page, name) {
  await page.getByTestId(`tab-${name}`).click();
  await page.getByTestId(`panel-${name}`).waitFor({ state: 'visible' });
}

test('the Variants tab: while new w5 is asked, a note and not its value; revealed, the table holds it', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${NEW_W5}&quiz=backward&variant=round-2` });
  const panel = page.getByTestId('panel-variants');
  await openTab(page, 'variants');
  assert.match(await text(page, 'quiz-question'), /new w5/);
  await panel.getByTestId('quiz-withheld').waitFor({ state: 'visible' });
  assert.equal(await text(panel, 'quiz-withheld'), 'Answer the question first — this tab shows the step’s numbers.');
  assert.equal(await page.getByTestId('variant-table').isVisible(), false);
  const before = await panel.innerText();
  await page.getByTestId('quiz-reveal').click();
  const value = (await text(page, 'quiz-feedback')).match(/= (−?\d+\.\d+)\./)[1];
  assert.ok(!before.includes(value), `${value} was nowhere on the tab`);
  await page.getByTestId('variant-table').waitFor({ state: 'visible' });
  assert.equal(await panel.getByTestId('quiz-withheld').isVisible(), false);
  assert.ok((await text(page, 'variant-row-w5')).includes(value), `revealed: the w5 row holds ${value}`);
  // The next question (new w6) waits: held back again; the quiz off: back.
  await page.getByTestId('quiz-next').click();
  assert.match(await text(page, 'quiz-question'), /new w6/);
  assert.equal(await page.getByTestId('variant-table').isVisible(), false);
  await page.getByTestId('quiz-toggle').click();
  assert.equal(await page.getByTestId('variant-table').isVisible(), true, 'quiz off');
  assert.deepEqual(errors, []);
});

test('the Gradient check tab: while ∂E/∂w5 is asked, a note, no check; revealed, the check shows it', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${W5}&quiz=backward` });
  const panel = page.getByTestId('panel-check');
  await openTab(page, 'check');
  assert.match(await text(page, 'quiz-question'), /w5/);
  assert.equal(await panel.getByTestId('quiz-withheld').isVisible(), true);
  assert.equal(await page.getByTestId('check-run').isVisible(), false);
  await page.getByTestId('quiz-reveal').click();
  const value = (await text(page, 'quiz-feedback')).match(/= (−?\d+\.\d+)\./)[1];
  assert.equal(await panel.getByTestId('quiz-withheld').isVisible(), false);
  await page.getByTestId('check-run').click();
  assert.ok((await text(page, 'check-w5')).includes(value), `the check's w5 row holds ${value}`);
  // The next question (∂E/∂w6) waits: the table is held back again.
  await page.getByTestId('quiz-next').click();
  const next = await text(page, 'quiz-question');
  assert.match(next, /w6/);
  assert.equal(await page.getByTestId('check-table').isVisible(), false, 'w6 is asked: the table waits');
  assert.equal(await panel.innerText().then((t) => t.includes(value)), false);
  assert.deepEqual(errors, []);
});

test('the Export dialog: no worked solution while a question waits, the reason instead; answered, there', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${O1}&quiz=forward` });
  await page.getByTestId('share-export').click();
  await page.getByTestId('share-dialog').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('solution-text').isVisible(), false);
  assert.equal(await page.getByTestId('copy-solution').isVisible(), false);
  assert.match(await text(page, 'solution-hint'), /^Answer the quiz’s question first/);
  assert.doesNotMatch(await page.getByTestId('share-dialog').innerText(), /0\.191/);
  await page.getByTestId('dialog-close').click();
  await answer(page, '0.191');
  await page.getByTestId('share-export').click();
  assert.equal(await page.getByTestId('solution-hint').isVisible(), false);
  assert.match(await page.getByTestId('solution-text').inputValue(), /0\.191/);
  assert.deepEqual(errors, []);
});
