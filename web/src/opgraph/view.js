// The operations view in the graph card: the step as a scalar autograd graph (model.js, layout.js, draw.js),
// filled in frame by frame like the neuron view, and linked to it and to the formulas through the shared hover
// (data-ref keys). A network with more than MAX_OPERATIONS operations is not drawn: it is said, with the way back.
import { h } from '../dom.js';
import { currentEntry, isNextFrame } from '../state/selectors.js';
import { nextFrame } from '../component/next-frame.js';
import { buildOpGraph, opGraphAt } from './model.js';
import { isPending } from '../quiz/state.js';
import { layoutOpGraph } from './layout.js';
import { drawOpGraph, updateOpGraph } from './draw.js';

export const MAX_OPERATIONS = 40;
const MIN_SCALE = 0.76; // narrower than that, the graph keeps this size and scrolls sideways

export function mountOpGraph(container, { store, actions, hoverLinks, motion, t, scope, format }) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'opgraph-svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('data-testid', 'opgraph');
  const scroller = h('div', { class: 'opgraph-scroll', role: 'region' }, [svg]);
  const tooMany = h('p', { class: 'opgraph-too-many-text', 'data-testid': 'opgraph-too-many' });
  const back = h('button', {
    type: 'button',
    class: 'opgraph-back',
    'data-testid': 'opgraph-show-neurons',
    text: t('ops.showNeurons'),
    onclick: () => actions.setSetting('graph', 'neurons'),
  });
  const note = h('div', { class: 'opgraph-too-many', hidden: true }, [tooMany, back]);
  const legend = h('p', { class: 'opgraph-legend', 'aria-hidden': 'true' }, [
    h('span', { class: 'opgraph-legend-item' }, [h('span', { class: 'legend-box is-leaf' }), t('ops.legend.leaf')]),
    h('span', { class: 'opgraph-legend-item' }, [h('span', { class: 'legend-box is-op' }), t('ops.legend.op')]),
    h('span', { class: 'opgraph-legend-item' }, [
      h('span', { class: 'legend-symbol', text: '∂' }),
      t('ops.legend.grad'),
    ]),
  ]);
  const element = h('div', { class: 'opgraph', 'data-testid': 'opgraph-view', hidden: true }, [
    h('h3', { class: 'opgraph-title', text: t('ops.title') }),
    note,
    scroller,
    legend,
  ]);
  container.append(element);

  let graph = null;
  let layout = null;
  let key = '';
  let width = 0;

  function render({ animate = false } = {}) {
    const state = store.get();
    const entry = currentEntry(state);
    const visible = state.settings.graph !== 'neurons';
    element.hidden = !visible;
    if (!visible || !entry) return;
    const activations = entry.document.layers.map((layer) => layer.activation ?? '').join(',');
    const nextKey = [state.loads, JSON.stringify(state.labels), activations, state.settings.decimals].join('|');
    if (nextKey !== key) {
      key = nextKey;
      graph = buildOpGraph(state.labels, entry.document);
      const big = graph.operations > MAX_OPERATIONS;
      note.hidden = !big;
      scroller.hidden = big;
      legend.hidden = big;
      tooMany.textContent = t('ops.tooMany', { count: graph.operations, limit: MAX_OPERATIONS });
      layout = big ? null : layoutOpGraph(graph, { decimals: state.settings.decimals });
      if (layout) drawOpGraph(svg, layout);
      fit();
    }
    if (!layout) return;
    const step = { labels: state.labels, document: entry.document, trace: entry.trace };
    const frame = opGraphAt(graph, step, state.cursor.event);
    // A quiz question waiting for its answer: the values as they were before this event (the highlight stays on it),
    // so no node gives the answer away (a linear neuron's sum is its value; a delta sits on its products too).
    if (isPending(state)) frame.nodes = opGraphAt(graph, step, state.cursor.event - 1).nodes;
    updateOpGraph(svg, frame, { format: format(), t, animate: animate && !motion.reduced() });
    const label = t('ops.label', { count: graph.operations, sample: frame.sample + 1 });
    svg.setAttribute('aria-label', label);
    scroller.setAttribute('aria-label', label);
    highlight(hoverLinks.get()?.ref ?? null);
  }

  /** Scales the drawing to the card's width, down to MIN_SCALE; narrower, it scrolls. */
  function fit() {
    if (!layout || width === 0) return;
    const scale = Math.min(1, width / layout.width);
    const used = scale >= MIN_SCALE ? scale : 1;
    svg.setAttribute('width', String(Math.floor(layout.width * used)));
    svg.setAttribute('height', String(Math.floor(layout.height * used)));
    scroller.classList.toggle('is-scrolling', scale < MIN_SCALE);
    // Wider than the card, the keyboard can scroll it too.
    if (scale < MIN_SCALE) scroller.setAttribute('tabindex', '0');
    else scroller.removeAttribute('tabindex');
  }

  function highlight(target) {
    for (const node of svg.querySelectorAll('.is-hover')) node.classList.remove('is-hover');
    if (!target) return;
    for (const node of svg.querySelectorAll(`[data-ref="${CSS.escape(target)}"]`)) node.classList.add('is-hover');
  }

  store.subscribe((state, previous) => {
    const moved = state.cursor !== previous.cursor;
    const changed =
      moved ||
      state.history !== previous.history ||
      state.labels !== previous.labels ||
      state.settings.decimals !== previous.settings.decimals ||
      state.settings.graph !== previous.settings.graph ||
      state.settings.quiz !== previous.settings.quiz ||
      state.quiz !== previous.quiz; // an answer reveals the number
    if (!changed) return;
    const sameStep = state.history[previous.cursor.step] === previous.history[previous.cursor.step];
    render({ animate: moved && sameStep && isNextFrame(state.history, previous.cursor, state.cursor) });
  });
  scope.own(hoverLinks.subscribe((link) => highlight(link?.ref ?? null)));
  scope.listen(svg, 'pointerover', (event) => {
    const node = event.target.closest?.('[data-ref]');
    hoverLinks.set(node?.getAttribute('data-ref') ?? null, 'graph');
  });
  scope.listen(svg, 'pointerleave', () => hoverLinks.set(null, 'graph'));

  const frames = nextFrame(scope);
  const resizing = new ResizeObserver((entries) => {
    const next = Math.floor(entries[0].contentRect.width);
    if (next > 0 && next !== width) {
      width = next;
      frames.request(() => fit());
    }
  });
  resizing.observe(element);
  scope.own(() => resizing.disconnect());
  render();
  return { element, svg, render };
}
