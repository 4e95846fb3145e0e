// The table of the Variants panel: each value of the step on screen, standard beside variant, and the decimal from
// which they differ. Each
// pair is shown with enough decimals that two different numbers read differently (format/pair.js); the rows that
// differ are marked. Pointing at a row lights its weight, bias or result on the graph.
import { h } from '../dom.js';
import { firstDifferingDecimal, formatPair } from '../format/pair.js';

// The most rows drawn (a large network has thousands of parameters): the summary still counts them all.
export const MAX_ROWS = 400;

function label(row, t, samples) {
  const sample = row.sample + 1;
  if (row.kind === 'prediction')
    return samples > 1 ? t('variants.row.predictionOf', { name: row.name, sample }) : t('variants.row.prediction', row);
  if (row.kind === 'error') return samples > 1 ? t('variants.row.errorOf', { sample }) : t('variants.row.error');
  return t('variants.row.parameter', row);
}

/** A cell's text: the number, or why there is none. */
function cellText(value, present, text, t) {
  if (!present) return t('variants.absent');
  return value === null ? t('variants.overflow') : text;
}

function cells(row, { t, decimals, separator }) {
  const pair = formatPair(row.standard, row.variant, decimals, separator);
  const [standard, variant] = [row.standard, row.variant].map((value, k) =>
    cellText(value, row.present[k], k === 0 ? pair.a : pair.b, t),
  );
  const notUpdated = row.updated?.map((updated) => (updated ? '' : ` (${t('variants.notUpdated')})`)) ?? ['', ''];
  const at = row.differs ? firstDifferingDecimal(row.standard, row.variant) : null;
  const differs =
    at === null
      ? row.differs
        ? '≠'
        : '='
      : at === 0
        ? t('variants.differsUnits')
        : t('variants.differsAt', { n: at });
  return [standard + notUpdated[0], variant + notUpdated[1], differs];
}

/** The rows of `comparison` (state/comparison.js) as table rows; `only`: just the rows that differ. */
export function variantRows(comparison, { t, decimals, separator, only }) {
  const rows = [...comparison.results, ...comparison.parameters].filter((row) => !only || row.differs);
  return rows.slice(0, MAX_ROWS).map((row) => {
    const [standard, variant, differs] = cells(row, { t, decimals, separator });
    return h(
      'tr',
      {
        class: row.differs ? 'is-diff' : '',
        'data-ref': row.ref,
        'data-testid': `variant-row-${row.kind === 'parameter' ? row.name : `${row.name}-${row.sample}`}`,
        tabindex: 0,
      },
      [
        h('th', { scope: 'row', text: label(row, t, comparison.samples) }),
        h('td', { 'data-testid': 'variant-standard', text: standard }),
        h('td', { 'data-testid': 'variant-value', text: variant }),
        h('td', { 'data-testid': 'variant-differs', text: differs }),
      ],
    );
  });
}

/** The table itself, its body filled by variantRows. */
export function variantTable(t, body) {
  return h('table', { class: 'check-table variant-table', 'data-testid': 'variant-table' }, [
    h('caption', { text: t('variants.caption') }),
    h('thead', {}, [
      h('tr', {}, [
        h('th', { scope: 'col', text: t('variants.column.value') }),
        h('th', { scope: 'col', text: t('variants.column.standard') }),
        h('th', { scope: 'col', text: t('variants.column.variant') }),
        h('th', { scope: 'col', text: t('variants.column.differs') }),
      ]),
    ]),
    body,
  ]);
}
