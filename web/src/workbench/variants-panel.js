// The Variants panel: choose how the step is computed another way (Mazur's output-first order, netflow.js's rounding,
// biases fixed or trained, one batch or one sample per update) and see the step on screen both ways, side by side,
// with a sentence per variant saying what it changes and why published answers differ. The engine computes both
// steps (the variant once per step, actions.variantTrace); this panel only formats. The choices are state.variants,
// so they travel in share links.
import { h } from '../dom.js';
import { compareSteps } from '../state/comparison.js';
import { currentEntry } from '../state/selectors.js';
import { mountVariantChoices } from './variant-choices.js';
import { MAX_ROWS, variantRows, variantTable } from './variant-table.js';

const MAX_NAMES = 12; // named in the summary sentence

export function mountVariantsPanel(container, { store, actions, t, uid, hoverLinks }) {
  const choices = h('div', { class: 'variant-choices' });
  const whys = h('ul', { class: 'variant-whys', 'data-testid': 'variant-whys' });
  const summary = h('p', { class: 'check-summary', role: 'status', 'data-testid': 'variant-summary' });
  const only = h('input', { type: 'checkbox', 'data-testid': 'variant-only' });
  const onlyRow = h('label', { class: 'build-check' }, [only, t('variants.only')]);
  const body = h('tbody');
  const table = variantTable(t, body);
  const more = h('p', { class: 'train-hint', 'data-testid': 'variant-more' });
  container.append(
    h('p', { class: 'train-hint', text: t('variants.intro') }),
    choices,
    whys,
    summary,
    onlyRow,
    h('div', { class: 'check-wrap' }, [table]),
    more,
  );
  const controls = mountVariantChoices(choices, {
    t,
    uid,
    onChange: (change) => actions.setVariants(change(store.get().variants)),
  });
  only.addEventListener('change', () => render());

  let visible = false;
  function render() {
    const state = store.get();
    const entry = currentEntry(state);
    if (!entry) return;
    controls.set(state.variants, entry.document);
    const count = entry.document.samples.length;
    whys.replaceChildren(...state.variants.map((name) => h('li', { text: t(`variants.why.${name}`, { count }) })));
    const result = visible ? actions.variantTrace() : null;
    const comparison = result?.ok ? compareSteps(entry.trace, result.trace, state.labels.neurons.at(-1)) : null;
    table.hidden = !comparison;
    onlyRow.hidden = !comparison;
    if (!comparison) {
      body.replaceChildren();
      more.textContent = '';
      summary.textContent = result ? t('variants.refused', { message: result.message }) : t('variants.pick');
      summary.dataset.state = result ? 'refused' : 'none';
      return;
    }
    const format = { t, decimals: state.settings.decimals, separator: t.decimalSeparator, only: only.checked };
    body.replaceChildren(...variantRows(comparison, format));
    const total = comparison.results.length + comparison.parameters.length;
    const { differing } = comparison;
    const all = differing.map((row) => row.name).filter(unique);
    const names = all.length > MAX_NAMES ? [...all.slice(0, MAX_NAMES), '…'] : all; // a large network's thousands
    summary.textContent =
      differing.length === 0
        ? t('variants.same', { count: total })
        : t('variants.differ', { count: differing.length, total, names: names.join(t.listSeparator) });
    summary.dataset.state = differing.length ? 'differ' : 'same';
    const shown = only.checked ? differing.length : total;
    more.textContent = shown > MAX_ROWS ? t('variants.more', { shown: MAX_ROWS, count: shown }) : '';
  }

  // Pointing at a row, or moving the keyboard onto it, lights its weight, bias or result on the graph.
  const light = (event) => {
    const row = event.target.closest?.('tr[data-ref]');
    if (row) hoverLinks.set(row.dataset.ref, 'variants');
  };
  body.addEventListener('pointerover', light);
  body.addEventListener('focusin', light);
  body.addEventListener('pointerleave', () => hoverLinks.set(null, 'variants'));
  body.addEventListener('focusout', () => hoverLinks.set(null, 'variants'));

  // Another step, document, list of variants or precision: drawn again (the variant's trace comes from the cache
  // for a step already seen). Frames within a step change nothing here.
  store.subscribe((state, previous) => {
    const same =
      currentEntry(state) === currentEntry(previous) &&
      state.variants === previous.variants &&
      state.settings.decimals === previous.settings.decimals;
    if (!same) render();
  });
  render();
  return {
    shown(on) {
      visible = on;
      if (on) render();
    },
  };
}

function unique(value, index, list) {
  return list.indexOf(value) === index;
}
