// The graph card: header (title, learning rate, counter), the SVG (redrawn when its width or
// the network changes, updated on every state change, animated when moving one frame on),
// and the legend. Hover or focus on an element tells the formula panel.
import { h } from '../dom.js';
import { formatFactor, formatNumber, formatRelative } from '../format/number.js';
import { formatChange } from '../format/change.js';
import { sceneAt } from '../state/scene.js';
import { currentEntry, isNextFrame } from '../state/selectors.js';
import { animationDuration } from '../player/timeline.js';
import { animateEvent } from './animate.js';
import { drawGraph } from './draw.js';
import { fitToWindow, fittedLayout } from './fit-window.js';
import { computeLayout } from './layout.js';
import { NARROW_BELOW } from './metrics.js';
import { cancelAll } from './tokens.js';
import { updateGraph } from './update.js';
import { nextFrame } from '../component/next-frame.js';
import { createGraphHeader, updateGraphHeader } from './header.js';
import { holdsFocus } from './update.js';
import { isPending, questionAt } from '../quiz/state.js';
import { createViewSwitch } from './view-switch.js';
import { mountLater } from '../component/later.js';

// A phone's page, under the graph: the graph card's padding, the gap to the formula card and a margin above the bar.
const PHONE_MARGINS = 12;
const PHONE_GAP = 6;

export function mountGraph(card, { store, actions, hoverLinks, motion, t, uid, scope, bar, root }) {
  const header = createGraphHeader({ t, uid });
  const views = createViewSwitch({ t, actions });
  header.element.querySelector('.graph-head-tools').prepend(views.element);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('data-testid', 'graph');
  const wrap = h('div', { class: 'graph-wrap' }, [svg]);
  const legendCheck = h('span', { class: 'legend-item legend-check', hidden: true, text: t('check.legend') });
  const legend = h('div', { class: 'graph-legend', 'aria-hidden': 'true' }, [
    h('span', { class: 'legend-item legend-pos' }, [h('span', { class: 'legend-swatch' }), t('legend.positive')]),
    h('span', { class: 'legend-item legend-neg' }, [h('span', { class: 'legend-swatch' }), t('legend.negative')]),
    h('span', { class: 'legend-item legend-grad' }, [
      h('span', { class: 'legend-symbol', text: '∂' }),
      t('legend.gradient'),
    ]),
    h('span', { class: 'legend-item legend-delta' }, [
      h('span', { class: 'legend-symbol', text: 'δ' }),
      t('legend.delta'),
    ]),
    legendCheck,
    h('span', { class: 'legend-item legend-edit', 'data-testid': 'legend-edit' }, [t('legend.edit')]),
  ]);
  card.append(header.element, wrap, legend);

  /** Which views show: the neurons, the operations, or both (then the neurons keep their natural height). */
  function showViews(view) {
    views.update(view);
    wrap.hidden = view === 'operations';
    legend.hidden = view === 'operations';
    card.dataset.graphView = view;
  }
  showViews(store.get().settings.graph);

  let layout = null;
  // Compact metrics (compact.css sets --graph-compact by container width): read once per width, not every frame
  // (reading a computed style right after the DOM changed forces the browser to recompute styles).
  let compactWidth = -1;
  let compact = false;
  const compactAt = (forWidth) => {
    if (forWidth !== compactWidth) {
      compactWidth = forWidth;
      compact = getComputedStyle(card).getPropertyValue('--graph-compact').trim() === '1';
    }
    return compact;
  };
  let layoutKey = '';
  const drawn = new Set(); // told of each new layout (the architecture editor's strip follows the columns)
  let width = 0;

  /** The gradient check on the graph, when it is about the step on screen. */
  const checkOf = (state) => (state.check && state.check.entry === currentEntry(state) ? state.check.byName : null);

  const helpers = () => {
    const state = store.get();
    const { decimals } = state.settings;
    const separator = t.decimalSeparator;
    return {
      format: (value) => formatNumber(value, decimals, separator),
      pair: (old, value) => formatChange(old, value, decimals, separator),
      factor: (value) => formatFactor(value, decimals, separator),
      relative: (value) => formatRelative(value, separator),
      check: checkOf(state),
      t,
    };
  };

  const format = () => helpers().format;
  // The operations view: its own chunk, loaded the first time it is shown, and placed under the neurons' legend.
  let operations = null;
  const showOperations = () =>
    (operations ??= mountLater(
      scope,
      Promise.resolve(),
      () => import('../opgraph/view.js'),
      ({ mountOpGraph }) => {
        const view = mountOpGraph(card, { store, actions, hoverLinks, motion, t, scope, format });
        legend.after(view.element);
        return view;
      },
    ));
  if (store.get().settings.graph !== 'neurons') showOperations();

  function render({ animate = false } = {}) {
    const state = store.get();
    const entry = currentEntry(state);
    if (!entry) return;
    updateGraphHeader(header, state, helpers()); // the header serves both views
    if (width === 0 || state.settings.graph === 'operations') return;
    const both = state.settings.graph === 'both';
    const fitHeight = !bar || both ? 0 : width < NARROW_BELOW ? phoneHeight() : availableHeight();
    const compact = compactAt(width);
    const check = checkOf(state);
    const labels = JSON.stringify(state.labels);
    const key = [width, fitHeight, compact, state.loads, state.settings.decimals, Boolean(check), labels].join('|');
    legendCheck.hidden = !check;
    if (key !== layoutKey) {
      const compute = (boxWidth, room, scaleFloor) =>
        computeLayout({
          labels: state.labels,
          document: entry.document,
          width: boxWidth,
          decimals: state.settings.decimals,
          fitHeight: room,
          scaleFloor,
          compact,
          cardTitles: [t('card.title'), t('card.results')],
          check: Boolean(check),
        });
      layout = fittedLayout(compute, width, fitHeight);
      drawGraph(svg, layout);
      fitToWindow(svg, layout);
      layoutKey = key;
      legendCheck.textContent = t(layout.checkMode === 'mark' ? 'check.legendMark' : 'check.legend');
      for (const listener of drawn) listener(layout);
    }
    const scene = sceneAt(entry, state.labels, state.cursor.event, isPending(state) ? questionAt(state) : null);
    cancelAll(svg);
    updateGraph(svg, layout, scene, helpers());
    svg.setAttribute(
      'aria-label',
      t('graph.label', {
        shape: state.labels.neurons.map((layer) => layer.length).join('-'),
        title: entry.document.title ?? '',
      }),
    );
    if (animate)
      animateEvent(
        svg,
        layout,
        scene,
        scene.event,
        animationDuration(scene.event, state.settings.speed, motion.reduced()),
        helpers(),
      );
    const hovered = hoverLinks.get();
    if (hovered) highlight(hovered.ref);
  }

  /** The height the graph may take so the page fits the window above the control bar. */
  function availableHeight() {
    root?.style.removeProperty('--formula-h'); // (a phone's, when the window was narrower)
    const barHeight = bar?.offsetHeight ?? 0;
    const top = svg.getBoundingClientRect().top + window.scrollY; // below the architecture strip, when it shows
    return Math.max(0, Math.round((window.innerHeight - top - barHeight - legend.offsetHeight - 48) / 10) * 10);
  }

  /**
   * A phone's page: the graph and the formula card under it share the window's height above the control bar. The
   * formula card gets a share of it (its height, --formula-h on the instance's root: it scrolls inside), the graph
   * the rest.
   */
  function phoneHeight() {
    const barHeight = bar?.offsetHeight ?? 0;
    const top = svg.getBoundingClientRect().top + window.scrollY;
    const formula = root?.querySelector('.formula-card');
    const room = window.innerHeight - top - barHeight - PHONE_MARGINS;
    const share = formula && !formula.hidden ? Math.round(Math.min(300, Math.max(196, room * 0.44))) : 0;
    root?.style.setProperty('--formula-h', `${share}px`);
    return Math.max(0, room - share - (share ? PHONE_GAP : 0));
  }

  function highlight(target) {
    for (const element of svg.querySelectorAll('.is-hover')) element.classList.remove('is-hover');
    if (!target) return;
    for (const element of svg.querySelectorAll(`[data-ref="${CSS.escape(target)}"]`)) {
      element.classList.add('is-hover');
      // A dense graph shows a hovered neuron's z and δ over its neighbours (graph.css): drawn last.
      if (element.matches('.is-dense .neuron') && !holdsFocus(element)) element.parentNode.append(element);
    }
  }

  store.subscribe((state, previous) => {
    const moved = state.cursor !== previous.cursor;
    const changed =
      moved ||
      state.history !== previous.history ||
      state.labels !== previous.labels ||
      state.settings.decimals !== previous.settings.decimals ||
      state.settings.quiz !== previous.settings.quiz ||
      state.quiz !== previous.quiz ||
      state.check !== previous.check ||
      state.settings.graph !== previous.settings.graph;
    if (state.settings.graph !== previous.settings.graph) showViews(state.settings.graph);
    if (state.settings.graph !== 'neurons') showOperations();
    if (!changed) return;
    const sameStep = state.history[previous.cursor.step] === previous.history[previous.cursor.step];
    render({ animate: moved && sameStep && isNextFrame(state.history, previous.cursor, state.cursor) });
  });
  hoverLinks.subscribe((link) => highlight(link?.ref ?? null));

  const pointTo = (event) => {
    const element = event.target.closest?.('[data-ref]');
    hoverLinks.set(element?.getAttribute('data-ref') ?? null, 'graph');
  };
  svg.addEventListener('pointerover', pointTo);
  svg.addEventListener('focusin', pointTo);
  svg.addEventListener('pointerleave', () => hoverLinks.set(null, 'graph'));
  svg.addEventListener('focusout', (event) => {
    if (!svg.contains(event.relatedTarget)) hoverLinks.set(null, 'graph');
  });

  // Redrawn in the next frame, not inside the observer's callback: a redraw changes sizes the observer watches.
  const resizing = new ResizeObserver((entries) => {
    const next = Math.floor(entries[0].contentRect.width);
    if (next > 0 && next !== width) {
      width = next;
      frames.request(() => render());
    }
  });
  const frames = nextFrame(scope);
  resizing.observe(wrap);
  scope.own(() => resizing.disconnect());
  if (bar) {
    // The full page fits the graph above its fixed control bar, in the window's height.
    const refit = () => {
      const room = width >= NARROW_BELOW ? availableHeight() : phoneHeight();
      if (layout && room !== layout.fitHeight) render();
    };
    scope.listen(window, 'resize', refit);
    // And when the bar's height changes (a phone's "more" row): in the next frame, not inside the observer.
    const barFrames = nextFrame(scope); // its own: a request cancels the one before it
    const barResizing = new ResizeObserver(() => barFrames.request(refit));
    barResizing.observe(bar);
    scope.own(() => barResizing.disconnect());
  }

  /**
   * Draws now if the card has its width: once the whole interface is built, so that the first view is drawn in the
   * frame that shows it rather than in the one after the resize observer's first report (which then finds the same
   * width).
   */
  function drawNow() {
    const next = Math.floor(wrap.getBoundingClientRect().width);
    if (next > 0 && next !== width) {
      width = next;
      render();
    }
  }

  /** Calls `listener(layout)` after each new layout is drawn, and now if there is one; returns the way to stop. */
  const onDraw = (listener) => {
    drawn.add(listener);
    if (layout) listener(layout);
    return () => drawn.delete(listener);
  };

  return { svg, wrap, header, render, drawNow, layout: () => layout, onDraw };
}
