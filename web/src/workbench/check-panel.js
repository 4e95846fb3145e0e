// The gradient check: for the step on screen, every weight's and bias's gradient by backpropagation beside the
// engine's central finite-difference estimate and their relative difference, so the learner sees the chain rule is
// right. Computed on demand (it runs two forward passes per parameter). Pointing at a row lights its weight or bias
// on the graph; with "show on the graph" (on by default) each label there carries its estimate under its gradient
// (state.check, drawn by graph/pill.js).
import { h } from '../dom.js';
import { ref } from '../state/refs.js';
import { formatRelative } from '../format/number.js';
import { formatColumn } from '../format/column.js';
import { currentEntry } from '../state/selectors.js';
import { AGREES_BELOW, agrees } from '../state/gradient-check.js';

export function mountCheckPanel(container, { store, actions, t, hoverLinks }) {
  const relative = (value) => formatRelative(value, t.decimalSeparator);
  // The table's columns keep their trailing zeros, so the gradients line up (the graph's labels strip them).
  const column = (value) => formatColumn(value, store.get().settings.decimals, t.decimalSeparator);
  const body = h('tbody');
  const table = h('table', { class: 'check-table', 'data-testid': 'check-table', hidden: true }, [
    h('caption', { text: t('check.caption') }),
    h('thead', {}, [
      h('tr', {}, [
        h('th', { scope: 'col', text: t('check.parameter') }),
        h('th', { scope: 'col', text: t('check.backprop') }),
        h('th', { scope: 'col', text: t('check.numeric') }),
        h('th', { scope: 'col', text: t('check.difference') }),
      ]),
    ]),
    body,
  ]);
  const summary = h('p', { class: 'check-summary', role: 'status', 'data-testid': 'check-summary' });
  const run = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'check-run',
    text: t('check.run'),
    onclick: () => check(),
  });
  const onGraph = h('input', { type: 'checkbox', checked: true, 'data-testid': 'check-on-graph' });
  onGraph.addEventListener('change', () => show(last));
  container.append(
    h('p', { class: 'train-hint', text: t('check.intro') }),
    h('div', { class: 'build-row' }, [run, h('label', { class: 'build-check' }, [onGraph, t('check.onGraph')])]),
    summary,
    h('div', { class: 'check-wrap' }, [table]),
  );

  /** The result on the graph (or off it), for the step it is about. */
  // The result is about one step (history entry): the table and the graph show it while that step is on screen.
  let last = null;
  let lastEntry = null;
  function show(result) {
    last = result;
    const byName = result && onGraph.checked ? Object.fromEntries(result.parameters.map((p) => [p.name, p])) : null;
    store.update((state) => ({ ...state, check: byName ? { entry: lastEntry, byName } : null }));
  }

  function check() {
    const result = actions.inspect((engine) => engine.gradientCheck());
    if (!result) return;
    lastEntry = currentEntry(store.get());
    show(result);
    const worst = Math.max(0, ...result.parameters.map((p) => p.relativeDifference));
    body.replaceChildren(
      ...result.parameters.map((p) =>
        h(
          'tr',
          {
            'data-testid': `check-${p.name}`,
            'data-ref': p.name.startsWith('b') ? ref.bias(p.name) : ref.weight(p.name),
            tabindex: 0,
            class: agrees(p) ? '' : 'is-off',
          },
          [
            h('th', { scope: 'row', text: p.name }),
            h('td', { text: column(p.backprop) }),
            h('td', { text: column(p.numeric) }),
            h('td', { text: relative(p.relativeDifference) }),
          ],
        ),
      ),
    );
    table.hidden = false;
    summary.hidden = false;
    const allZero = result.parameters.every((p) => p.backprop === 0 && p.numeric === 0);
    summary.textContent = t(allZero ? 'check.allZero' : worst < AGREES_BELOW ? 'check.agree' : 'check.disagree', {
      count: result.parameters.length,
      worst: relative(worst),
    });
  }

  // Pointing at a row, or moving the keyboard onto it, lights its weight on the graph.
  const light = (event) => {
    const row = event.target.closest?.('tr[data-ref]');
    if (row) hoverLinks.set(row.dataset.ref, 'check');
  };
  body.addEventListener('pointerover', light);
  body.addEventListener('focusin', light);
  body.addEventListener('pointerleave', () => hoverLinks.set(null, 'check'));
  body.addEventListener('focusout', () => hoverLinks.set(null, 'check'));
  // And the other way: pointing at a label on the graph marks its row (where the graph shows only a ✓).
  hoverLinks.subscribe((link) => {
    for (const row of body.rows) row.classList.toggle('is-hover', row.dataset.ref === link?.ref);
  });

  // Another step on screen: the result stays for its own step (the graph's overlay too, graph/view.js), hidden here.
  store.subscribe((state, previous) => {
    if (state.cursor.step === previous.cursor.step && state.history === previous.history) return;
    const about = lastEntry !== null && currentEntry(state) === lastEntry;
    table.hidden = !about;
    summary.hidden = !about;
  });
}
