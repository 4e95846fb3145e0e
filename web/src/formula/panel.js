// The formula card: for the current event (or, while the pointer rests on a graph element,
// that element's latest event) the symbolic formula, the numbers, and the result, in the
// scalar or the matrix view. Hovering a term highlights its place in the graph.
import { h } from '../dom.js';
import { latestEventFor } from '../state/refs.js';
import { currentEntry } from '../state/selectors.js';
import { phaseOf } from '../player/timeline.js';
import { isSeedLike } from './context.js';
import { loadKatex, renderLines } from './katex-render.js';
import { matrixFormula } from './matrix.js';
import { scalarFormula } from './scalar.js';
import { createBoxFit } from './fit.js';
import { nextFrame } from '../component/next-frame.js';
import { eventTitle, refLabel } from './titles.js';
import { createWhyLine } from './why-line.js';
import { visibleEvents } from '../quiz/state.js';
import { mountQuizToggle } from '../quiz/toggle.js';

function formulaContext(state, upTo, t) {
  const entry = currentEntry(state);
  return {
    events: visibleEvents(state, entry.trace.events),
    upTo,
    decimals: state.settings.decimals,
    labels: state.labels,
    document: entry.document,
    singleOutput: state.labels.neurons.at(-1).length === 1,
    seedLike: isSeedLike(entry.document),
    batchSize: entry.document.batchSize ?? 1,
    sample: entry.trace.samples[0] ?? 0,
    outputNames: state.labels.neurons.at(-1),
    t,
  };
}

function viewButton(view, onClick, t) {
  return h('button', {
    type: 'button',
    class: 'segment',
    'data-view': view,
    'data-testid': `view-${view}`,
    text: t(`view.${view}`),
    onclick: onClick,
  });
}

/** What the "Why?" line reads for an event of the step on screen. */
function whyContext(state, t) {
  const entry = currentEntry(state);
  return {
    t,
    decimals: state.settings.decimals,
    events: visibleEvents(state, entry.trace.events),
    outputNames: state.labels.neurons.at(-1),
    batchSize: entry.trace.batchSize ?? 1,
  };
}

export function mountFormulaPanel(card, { store, actions, hoverLinks, t, uid, scope, graphDrawn }) {
  const phase = h('span', { class: 'phase-chip', 'data-testid': 'phase-chip' });
  const caption = h('p', { class: 'formula-caption', 'data-testid': 'formula-caption' });
  const why = createWhyLine({ actions, t, uid });
  const quiz = mountQuizToggle({ store, actions, t, uid, scope });
  const views = ['scalar', 'matrix'].map((view) => viewButton(view, () => actions.setSetting('view', view), t));
  const rows = ['symbolic', 'substituted', 'result'].map((part) => ({
    part,
    value: h('div', { class: `formula-value formula-${part}`, 'data-testid': `formula-${part}` }),
  }));
  const preview = h('p', { class: 'formula-preview', 'data-testid': 'formula-preview', hidden: true });
  // The matrix view writes "?" for what the step has not computed yet at this frame: this line says so.
  const pendingNote = h('p', { class: 'formula-pending', 'data-testid': 'formula-pending', hidden: true }, [
    h('span', { class: 'formula-pending-mark', text: '?' }),
    ` — ${t('formula.pending')}`,
  ]);
  const body = h(
    'dl',
    { class: 'formula-rows' },
    rows.map(({ part, value }) =>
      h('div', { class: `formula-row row-${part}` }, [h('dt', { text: t(`formula.${part}`) }), h('dd', {}, [value])]),
    ),
  );
  card.append(
    h('div', { class: 'card-head formula-head' }, [
      h('h2', { id: uid('formula-title'), class: 'card-title', text: t('formula.title') }),
      h('div', { class: 'formula-head-tools' }, [
        why.toggle,
        h('div', { class: 'segmented', role: 'group', 'aria-label': t('view.label') }, views),
      ]),
    ]),
    h('div', { class: 'formula-caption-line' }, [phase, caption, quiz.toggle]),
    why.text,
    preview,
    body,
    quiz.element,
    pendingNote,
  );

  const fit = createBoxFit(body);
  let katexFailed = false; // KaTeX's chunk could not load (below)
  let width = 0; // the card's, which the box's layout depends on

  function show(state, eventIndex, previewRef) {
    const entry = currentEntry(state);
    if (!entry) return;
    const context = formulaContext(state, eventIndex, t);
    const event = context.events[eventIndex]; // the quiz's question has its answer masked until answered
    const formula = (state.settings.view === 'matrix' ? matrixFormula : scalarFormula)(event, context);
    card.dataset.view = state.settings.view; // first: the view's styles decide how the formula is fitted
    phase.textContent = t(`phase.${phaseOf(event)}`);
    phase.dataset.phase = phaseOf(event);
    caption.textContent = eventTitle(event, t);
    caption.title = caption.textContent; // whole, where one line cuts it with an ellipsis
    why.show(event, whyContext(state, t), state.settings.why);
    preview.hidden = !previewRef;
    if (previewRef) preview.textContent = t('formula.preview', { name: refLabel(previewRef, t) });
    for (const { part, value } of rows) renderLines(value, formula?.[part] ?? []);
    if (katexFailed) rows[0].value.textContent = t('formula.unavailable'); // the numbers stay on the graph
    const pending = body.querySelectorAll('.tex-pending');
    for (const mark of pending) mark.title = t('formula.pending');
    pendingNote.hidden = pending.length === 0;
    fit(`${state.loads}|${state.settings.view}|${state.settings.decimals}|${width}`);
    for (const button of views)
      button.setAttribute('aria-pressed', String(button.dataset.view === state.settings.view));
    card.classList.toggle('is-preview', Boolean(previewRef));
  }

  function render() {
    const state = store.get();
    const link = hoverLinks.get();
    if (link?.origin === 'graph') {
      const entry = currentEntry(state);
      const index = latestEventFor(entry.trace.events, state.cursor.event, link.ref);
      if (index >= 0 && index !== state.cursor.event) {
        show(state, index, link.ref);
        markTerms(link.ref);
        return;
      }
    }
    show(state, state.cursor.event, null);
    markTerms(link?.ref ?? null);
  }

  function markTerms(ref) {
    for (const element of body.querySelectorAll('.is-hover')) element.classList.remove('is-hover');
    if (ref)
      for (const element of body.querySelectorAll(`[data-ref="${CSS.escape(ref)}"]`)) element.classList.add('is-hover');
  }

  body.addEventListener('pointerover', (event) => {
    const term = event.target.closest?.('[data-ref]');
    if (term) hoverLinks.set(term.getAttribute('data-ref'), 'formula');
  });
  body.addEventListener('pointerleave', () => {
    if (hoverLinks.get()?.origin === 'formula') hoverLinks.set(null, 'formula');
  });
  hoverLinks.subscribe((link) => (link?.origin === 'formula' ? markTerms(link.ref) : render()));
  store.subscribe((state, previous) => {
    if (
      state.cursor !== previous.cursor ||
      state.history !== previous.history ||
      state.settings.decimals !== previous.settings.decimals ||
      state.settings.view !== previous.settings.view ||
      state.settings.why !== previous.settings.why ||
      state.settings.quiz !== previous.settings.quiz ||
      state.quiz !== previous.quiz
    )
      render();
  });
  // Refitted in the next frame, not inside the observer's callback: a refit changes the card's height.
  const frames = nextFrame(scope);
  const resizing = new ResizeObserver(([entry]) => {
    if (Math.round(entry.contentRect.width) === width) return;
    width = Math.round(entry.contentRect.width);
    frames.request(render);
  });
  // KaTeX's fonts change the formulas' sizes as they arrive (they load when first used): fit again then.
  if (document.fonts) scope.listen(document.fonts, 'loadingdone', () => frames.request(render));
  resizing.observe(card);
  // KaTeX comes after the first view (katex-render.js): asked for once the network is drawn and painted (a frame,
  // then a task), so its bytes never hold the graph up; the formulas then, if this panel is still there.
  // (Nothing once the panel is disposed: next-frame.js.) A chunk that cannot load (offline, a host's policy) is said.
  const afterFirstView = (callback) =>
    (graphDrawn ?? Promise.resolve()).then(() => requestAnimationFrame(() => setTimeout(callback)));
  afterFirstView(() =>
    loadKatex().then(
      () => frames.request(render),
      () => {
        katexFailed = true;
        frames.request(render);
      },
    ),
  );
  scope.own(() => resizing.disconnect());
  return { render, body };
}
