// Training mode: train 1, 10, 100 or 1000 epochs, or until the mean error is below a target, with a progress bar,
// a cancel button and the loss curve. The run itself is the instance's training controller
// (training/controller.js): this panel starts it and draws it, and can be rebuilt (another language) mid-run.
import { h } from '../dom.js';
import { parseNumber } from '../edit/parse.js';
import { nextFrame } from '../component/next-frame.js';
import { mountLossChart } from '../training/loss-chart.js';

const EPOCH_CHOICES = [1, 10, 100, 1000];
export const UNTIL_MAX_EPOCHS = 100000;

/** The sentence for how a run ended (one epoch is singular; a target not reached is said so). */
function endKey({ reason, count, target }) {
  if (reason === 'refused') return 'train.diverged';
  const key = reason === 'done' && target > 0 ? 'train.notReached' : `train.${reason}`;
  return count === 1 ? `${key}.one` : key;
}

export function mountTrainPanel(container, { t, uid, scope, format, training }) {
  const message = h('p', { class: 'train-message', role: 'status', 'data-testid': 'train-message' });
  const progress = h('progress', {
    class: 'train-bar',
    max: 1,
    value: 0,
    'data-testid': 'train-bar',
    'aria-label': t('train.progressLabel'),
  });
  const progressText = h('p', { class: 'train-progress', 'data-testid': 'train-progress' });
  const cancel = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'train-cancel',
    text: t('train.cancel'),
    onclick: () => training.cancel(),
  });
  const target = h('input', {
    type: 'text',
    inputmode: 'decimal',
    class: 'train-target',
    value: '0.01',
    id: uid('train-target'),
    'data-testid': 'train-target',
  });
  const buttons = EPOCH_CHOICES.map((epochs) =>
    h('button', {
      type: 'button',
      class: 'dialog-button',
      'data-testid': `train-${epochs}`,
      text: t(epochs === 1 ? 'train.oneEpoch' : 'train.epochs', { count: epochs }),
      onclick: () => training.start(epochs),
    }),
  );
  const until = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'train-until',
    text: t('train.until'),
    onclick: () => {
      const parsed = parseNumber(target.value);
      if (!parsed.ok || !(parsed.value > 0)) {
        message.textContent = t('train.badTarget', { text: target.value });
        message.dataset.reason = 'badTarget';
        return;
      }
      training.start(UNTIL_MAX_EPOCHS, parsed.value);
    },
  });
  const logScale = h('input', { type: 'checkbox', 'data-testid': 'loss-log' });
  const chartBox = h('div', { class: 'loss-box' });
  container.append(
    h('div', { class: 'train-row' }, [h('span', { class: 'train-label', text: t('train.label') }), ...buttons]),
    h('div', { class: 'train-row' }, [
      h('label', { class: 'train-label', for: uid('train-target') }, [t('train.untilLabel')]),
      target,
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
  const frames = nextFrame(scope);

  function render(status) {
    for (const button of [...buttons, until]) button.disabled = status.running;
    cancel.disabled = !status.running;
    progress.max = Math.max(1, status.epochs);
    progress.value = status.done;
    const last = training.points().at(-1);
    progressText.textContent = status.epochs
      ? t('train.progress', {
          done: status.done,
          total: status.epochs,
          rate: Math.round(status.rate),
          error: last ? format(last.meanError) : '—',
        })
      : '';
    const end = status.end;
    const target = end?.target ? format(end.target) : '';
    message.textContent = end ? t(endKey(end), { message: end.message, count: end.count, target }) : '';
    if (end) message.dataset.reason = end.reason;
    else delete message.dataset.reason;
    frames.request(() => chart.update(training.points()));
  }

  scope.own(training.subscribe(render));
  render(training.status());
}
