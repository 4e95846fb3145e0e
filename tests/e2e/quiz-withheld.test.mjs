// While the quiz still has a question of the step to ask (the one waiting, or one ahead), the workbench's Variants and
// Gradient check tabs hold the step's numbers back (a note in their place) and the Export dialog gives no worked
// solution: they show the whole step at once. The step's questions done, or the quiz off, they are back.
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

test('the Variants tab: while new w5 and w6 are to be asked, a note and not their values; both revealed, the table', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${NEW_W5}&quiz=backward&variant=round-2` });
  const panel = page.getByTestId('panel-variants');
  await openTab(page, 'variants');
  assert.match(await text(page, 'quiz-question'), /new w5/);
  await panel.getByTestId('quiz-withheld').waitFor({ state: 'visible' });
  assert.equal(
    await text(panel, 'quiz-withheld'),
    'Finish this step’s quiz first — this tab shows all of the step’s numbers.',
  );
  assert.equal(await page.getByTestId('variant-table').isVisible(), false);
  const before = await panel.innerText();
  await page.getByTestId('quiz-reveal').click();
  const value = (await text(page, 'quiz-feedback')).match(/= (−?\d+\.\d+)\./)[1];
  assert.ok(!before.includes(value), `${value} was nowhere on the tab`);
  // New w6 is still to be asked in this step: the table, which shows it too, still waits.
  assert.equal(await page.getByTestId('variant-table').isVisible(), false, 'new w6 is ahead');
  await page.getByTestId('quiz-next').click();
  assert.match(await text(page, 'quiz-question'), /new w6/);
  await page.getByTestId('quiz-reveal').click();
  await page.getByTestId('variant-table').waitFor({ state: 'visible' });
  assert.equal(await panel.getByTestId('quiz-withheld').isVisible(), false);
  assert.ok(
    (await text(page, 'variant-row-w5')).includes(value),
    `the step's questions done: the w5 row holds ${value}`,
  );
  // The quiz off: the table stays.
  await page.getByTestId('quiz-toggle').click();
  assert.equal(await page.getByTestId('variant-table').isVisible(), true, 'quiz off');
  assert.deepEqual(errors, []);
});

test('the Gradient check tab: while ∂E/∂w5 and later ones are to be asked, a note, no check; the quiz off, the check', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${W5}&quiz=backward` });
  const panel = page.getByTestId('panel-check');
  await openTab(page, 'check');
  assert.match(await text(page, 'quiz-question'), /w5/);
  assert.equal(await panel.getByTestId('quiz-withheld').isVisible(), true);
  assert.equal(await page.getByTestId('check-run').isVisible(), false);
  await page.getByTestId('quiz-reveal').click();
  const value = (await text(page, 'quiz-feedback')).match(/= (−?\d+\.\d+)\./)[1];
  // ∂E/∂w6, the hidden deltas and the updates are still to be asked: the check, which shows them, waits.
  assert.equal(await panel.getByTestId('quiz-withheld').isVisible(), true, 'later questions of the step are ahead');
  assert.equal(await page.getByTestId('check-run').isVisible(), false);
  assert.equal(await panel.innerText().then((t) => t.includes(value)), false);
  await page.getByTestId('quiz-toggle').click();
  await page.getByTestId('check-run').click();
  assert.ok((await text(page, 'check-w5')).includes(value), `the quiz off: the check's w5 row holds ${value}`);
  assert.deepEqual(errors, []);
});

test('the Export dialog: no worked solution while the step has questions left, the reason instead; done, there', async () => {
  const { page, errors } = await app.open({ query: `#${SEED}&at=${O1}&quiz=forward` });
  await page.getByTestId('share-export').click();
  await page.getByTestId('share-dialog').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('solution-text').isVisible(), false);
  assert.equal(await page.getByTestId('copy-solution').isVisible(), false);
  assert.match(await text(page, 'solution-hint'), /^Finish this step’s quiz first/);
  assert.doesNotMatch(await page.getByTestId('share-dialog').innerText(), /0\.191/);
  await page.getByTestId('dialog-close').click();
  await answer(page, '0.191');
  await page.getByTestId('quiz-next').click(); // E, the last question of the forward set
  await answer(page, '0.327');
  await page.getByTestId('share-export').click();
  assert.equal(await page.getByTestId('solution-hint').isVisible(), false);
  assert.match(await page.getByTestId('solution-text').inputValue(), /0\.191/);
  assert.deepEqual(errors, []);
});
