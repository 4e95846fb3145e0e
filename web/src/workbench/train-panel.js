// Training mode: train 1, 10, 100 or 1000 epochs, or until the mean error is below a target, away from the page
// (trainer.js), with a progress bar, a cancel button and the loss curve. The network on screen follows the run a few
// times a second (one history entry per run: stepping afterwards shows the trained network, step back goes to
// before the run). A run that diverges stops with the engine's message and keeps the last finite state.
import { h } from '../dom.js';
import { currentEntry } from '../state/selectors.js';
import { createCurve } from '../training/curve-model.js';
import { createTrainer } from '../training/trainer.js';
import { mountLossChart } from '../training/loss-chart.js';

const EPOCH_CHOICES = [1, 10, 100, 1000];
const UNTIL_MAX_EPOCHS = 100000;
const LIVE_MS = 250; // how often the network on screen follows a run

export function mountTrainPanel(container, { store, actions, t, scope, format }) {
  const curve = createCurve();
  const message = h('p', { class: 'train-message', role: 'status', 'data-testid': 'train-message' });
  const progress = h('progress', { class: 'train-bar', max: 1, value: 0, 'data-testid': 'train-bar' });
  const progressText = h('p', { class: 'train-progress', 'data-testid': 'train-progress' });
  const cancel = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'train-cancel',
    text: t('train.cancel'),
    disabled: true,
  });
  const target = h('input', {
    type: 'text',
    inputmode: 'decimal',
    class: 'train-target',
    value: '0.01',
    'data-testid': 'train-target',
    'aria-label': t('train.targetLabel'),
  });
  const buttons = EPOCH_CHOICES.map((epochs) =>
    h('button', {
      type: 'button',
      class: 'dialog-button',
      'data-testid': `train-${epochs}`,
      text: t(epochs === 1 ? 'train.oneEpoch' : 'train.epochs', { count: epochs }),
      onclick: () => start(epochs, 0),
    }),
  );
  const until = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'train-until',
    text: t('train.until'),
    onclick: () => {
      const value = Number(target.value.replace(',', '.').replace('\u2212', '-'));
      if (!(value > 0 && Number.isFinite(value))) {
        message.textContent = t('train.badTarget', { text: target.value });
        return;
      }
      start(UNTIL_MAX_EPOCHS, value);
    },
  });
  const logScale = h('input', { type: 'checkbox', 'data-testid': 'loss-log' });
  const chartBox = h('div', { class: 'loss-box' });
  container.append(
    h('div', { class: 'train-row' }, [h('span', { class: 'train-label', text: t('train.label') }), ...buttons]),
    h('div', { class: 'train-row' }, [
      h('label', { class: 'train-label' }, [t('train.untilLabel'), target]),
      until,
      h('span', { class: 'train-hint', text: t('train.untilHint', { max: UNTIL_MAX_EPOCHS }) }),
    ]),
    h('div', { class: 'train-row' }, [progress, cancel]),
    progressText,
    message,
    chartBox,
    h('label', { class: 'train-check' }, [logScale, t('train.logScale')]),
  );
  const chart = mountLossChart(chartBox, { t, format, scope });
  scope.listen(logScale, 'change', () => chart.setLogScale(logScale.checked));
  chart.update([]);

  let run = null; // { after, epochs, lastShown, latest, shownLatest }
  let drawPending = false;
  const trainer = createTrainer({ onChunk, onEnd });
  scope.own(() => trainer.dispose());
  scope.listen(cancel, 'click', () => trainer.cancel());

  function start(epochs, stopBelow) {
    if (trainer.running()) return;
    const state = store.get();
    const entry = currentEntry(state);
    actions.pause();
    run = { after: state.cursor.step, epochs, lastShown: 0, latest: null, shownLatest: true };
    message.textContent = '';
    progress.max = epochs;
    progress.value = 0;
    progressText.textContent = t('train.starting');
    for (const button of [...buttons, until]) button.disabled = true;
    cancel.disabled = false;
    trainer.start({ document: entry.document, position: entry.position, epochs, stopBelow });
  }

  function follow(current, force = false) {
    if (!current?.latest || current.shownLatest) return;
    const now = performance.now();
    if (!force && now - current.lastShown < LIVE_MS) return;
    current.lastShown = now;
    current.shownLatest = true;
    actions.showTrained(current.latest, { after: current.after });
  }

  function onChunk(chunk) {
    curve.add(chunk.epochs, chunk.meanErrors);
    run.latest = { document: chunk.document, position: chunk.position };
    run.shownLatest = false;
    progress.value = chunk.epochsDone;
    const last = curve.last();
    progressText.textContent = t('train.progress', {
      done: chunk.epochsDone,
      total: run.epochs,
      rate: Math.round(chunk.rate),
      error: last ? format(last.meanError) : '—',
    });
    follow(run);
    if (!drawPending) {
      drawPending = true;
      requestAnimationFrame(() => {
        drawPending = false;
        chart.update(curve.points());
      });
    }
  }

  function onEnd({ reason, message: detail }) {
    const current = run;
    run = null;
    follow(current, true); // none when the run ended because another network opened
    chart.update(curve.points());
    for (const button of [...buttons, until]) button.disabled = false;
    cancel.disabled = true;
    const done = progress.value;
    if (reason === 'refused') message.textContent = t('train.diverged', { message: detail });
    else if (reason === 'cancelled') message.textContent = t('train.cancelled', { count: done });
    else if (reason === 'target') message.textContent = t('train.reached', { count: done });
    else message.textContent = t('train.done', { count: done });
    message.dataset.reason = reason;
  }

  store.subscribe((state, previous) => {
    if (state.loads === previous.loads) return;
    run = null; // another network: this run, and its curve, are about the old one
    trainer.cancel();
    curve.clear();
    chart.update([]);
    message.textContent = '';
    progressText.textContent = '';
  });
}
