// The whole training at a glance: above the phase timeline, one bar per step so far (history), its height E of that
// step (state/step-error.js: the error before its update), the current step marked, a tick over each step where
// the learner changed something, a training run's end drawn apart. A slider: click or drag a bar, or use the arrow
// keys (Home, End, Page Up/Down: 10 steps), to go to that step; → past the last computes the next (Page Up, the next
// 10). Many steps share a bar (strip-bins.js). It reads the number kept on each history entry, never a trace. A
// training run is one entry here: its epochs are the loss curve's (the Train tab), not the strip's.
import { h, s } from '../dom.js';
import { formatNumber } from '../format/number.js';
import { nextFrame } from '../component/next-frame.js';
import { changeSentence } from '../narration/change-sentence.js';
import { barHeights, entryAt, stripBins } from './strip-bins.js';
import { stepErrorHidden } from '../quiz/state.js';

const GAP = 1; // between two bars
const MARK_SHARE = 0.25; // of the height: the row of edit ticks above the bars

const stepNumber = (entry) => entry.position.step + 1;

export function mountStepStrip(container, { store, actions, t, scope, uid }) {
  // No size until measured (an SVG's default 300 × 150 would be laid out for a frame).
  const svg = s('svg', { class: 'step-strip-svg', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' });
  const plot = h('div', { class: 'strip-plot' }, [svg]);
  const element = h(
    'div',
    {
      class: 'step-strip',
      id: uid('step-strip'),
      role: 'slider',
      tabindex: 0,
      'aria-label': t('strip.label'),
      'aria-orientation': 'horizontal',
      'aria-valuemin': 1,
      title: t('strip.title'),
      'data-testid': 'step-strip',
    },
    [h('span', { class: 'strip-label', text: 'E', 'aria-hidden': 'true' }), plot],
  );
  container.prepend(element);
  let width = 0;
  let height = 0; // the strip's CSS height: 24 px, less in a compact embed
  let bins = null;

  let hidden = false; // the quiz has yet to ask for the current step's E: its bar and number wait (quiz/state.js)
  const format = (value) =>
    Number.isFinite(value)
      ? formatNumber(value, store.get().settings.decimals, t.decimalSeparator)
      : t('strip.noError');

  /** A bar's tooltip: its steps, E, and what happened there. */
  function barTitle(bar, history) {
    const first = stepNumber(history[bar.start]);
    const last = stepNumber(history[bar.end]);
    const steps = first === last ? `${t('counter.step')} ${first}` : `${t('counter.step')} ${first}–${last}`;
    const notes = [];
    if (bar.trained) notes.push(t('strip.trained'));
    const edited = history.slice(bar.start, bar.end + 1).find((entry) => entry.edit);
    if (edited)
      notes.push(
        `${t('strip.edited')}: ${changeSentence(edited.edit, { t, decimals: store.get().settings.decimals })}`,
      );
    const upTo = first === last ? '' : `${t('strip.upTo')} `; // a bin: its largest E
    return [`${steps}: E ${upTo}${bar.current && hidden ? '?' : format(bar.error)}`, ...notes].join(' · ');
  }

  function draw() {
    const { history, cursor } = store.get();
    if (width === 0 || height === 0 || history.length === 0) return;
    const mark = Math.round(height * MARK_SHARE);
    const entries = history.map((entry) => ({
      error: entry.error,
      edited: Boolean(entry.edit),
      trained: entry.trained,
    }));
    bins = stripBins(entries, width, cursor.step);
    const { heights, log } = barHeights(bins.bars.map((bar) => bar.error));
    element.title = `${t('strip.title')}${log ? ` ${t('strip.logScale')}` : ''}`;
    const room = height - mark - 2;
    const barWidth = Math.max(1, bins.slot - GAP);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const parts = [s('line', { class: 'strip-base', x1: 0, x2: width, y1: height - 1.5, y2: height - 1.5 })];
    bins.bars.forEach((bar, k) => {
      const x = k * bins.slot;
      const tall = Number.isFinite(bar.error) && !(bar.current && hidden) ? Math.max(2, heights[k] * room) : 0;
      const kind = `strip-bar${bar.current ? ' is-current' : ''}${bar.trained ? ' is-trained' : ''}`;
      parts.push(
        s('g', { class: kind, 'data-start': bar.start, 'data-end': bar.end }, [
          s('title', { text: barTitle(bar, history) }),
          s('rect', { class: bar.current ? 'strip-hit strip-now' : 'strip-hit', x, y: 0, width: bins.slot, height }),
          s('rect', { class: 'strip-fill', x, y: height - 2 - tall, width: barWidth, height: tall }),
          // A training run's end: a line before its bar, the epochs it skipped over.
          bar.trained ? s('line', { class: 'strip-run', x1: x + 0.5, x2: x + 0.5, y1: mark, y2: height }) : null,
          bar.edited
            ? s('path', {
                class: 'strip-edit',
                'data-testid': 'strip-edit',
                d: `M${x + barWidth / 2 - mark / 2 - 0.5} 0 h${mark + 1} l${-mark / 2 - 0.5} ${mark - 1} z`,
              })
            : null,
          bar.current
            ? s('rect', {
                class: 'strip-cursor',
                x: Math.max(0, Math.min(x - 1, width - Math.max(4, barWidth + 2))),
                y: height - 3,
                width: Math.max(4, barWidth + 2),
                height: 3,
              })
            : null,
        ]),
      );
    });
    svg.replaceChildren(...parts);
  }

  function describe() {
    const state = store.get();
    const { history, cursor } = state;
    const entry = history[cursor.step];
    if (!entry) return;
    element.setAttribute('aria-valuemax', String(history.length));
    element.setAttribute('aria-valuenow', String(cursor.step + 1));
    const size = bins?.size ?? 1;
    const words = [
      t(size > 1 ? 'strip.valueTextBinned' : 'strip.valueText', {
        step: stepNumber(entry),
        index: cursor.step + 1,
        count: history.length,
        error: hidden ? '?' : format(entry.error),
        size,
      }),
    ];
    if (entry.trained) words.push(t('strip.trained'));
    if (entry.edit) words.push(t('strip.edited'));
    element.setAttribute('aria-valuetext', words.join(', '));
    element.dataset.current = String(cursor.step);
  }

  const frames = nextFrame(scope);
  const render = () => {
    draw();
    describe();
  };

  // Click or drag: the step under the pointer (the element keeps the pointer while the button is down).
  const goTo = (event) => {
    const box = svg.getBoundingClientRect();
    const index = entryAt(event.clientX - box.left, bins ?? { slot: 1, size: 1 }, store.get().history.length);
    if (index !== store.get().cursor.step) actions.showStep(index);
  };
  scope.listen(element, 'pointerdown', (event) => {
    if (event.button !== 0) return;
    element.setPointerCapture?.(event.pointerId);
    element.focus({ preventScroll: true });
    goTo(event);
  });
  scope.listen(element, 'pointermove', (event) => {
    if (element.hasPointerCapture?.(event.pointerId)) goTo(event);
  });
  scope.listen(element, 'keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { history, cursor } = store.get();
    const page = Math.max(10, bins?.size ?? 1);
    const moves = {
      ArrowLeft: cursor.step - 1,
      ArrowDown: cursor.step - 1,
      ArrowRight: cursor.step + 1, // past the last step: the next one is computed
      ArrowUp: cursor.step + 1,
      PageDown: cursor.step - page,
      PageUp: cursor.step + page,
      Home: 0,
      End: history.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault(); // the instance's own keys (step by frame) leave a handled event alone
    const index = Math.max(0, moves[event.key]); // past the last step: the steps up to it are computed
    if (index !== cursor.step) actions.showStep(index);
  });

  const resizing = new ResizeObserver(([entry]) => {
    const next = Math.floor(entry.contentRect.width);
    const nextHeight = Math.floor(entry.contentRect.height);
    if (next === width && nextHeight === height) return;
    width = next;
    height = nextHeight;
    frames.request(render);
  });
  resizing.observe(plot);
  scope.own(() => resizing.disconnect());

  store.subscribe((state, previous) => {
    const wasHidden = hidden;
    hidden = stepErrorHidden(state);
    if (
      hidden !== wasHidden ||
      state.history !== previous.history ||
      state.cursor.step !== previous.cursor.step ||
      state.settings.decimals !== previous.settings.decimals
    )
      render();
  });
  hidden = stepErrorHidden(store.get());
  render();
  return { element };
}
