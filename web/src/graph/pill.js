// A weight's (or bias's) label: rows of text inside a rounded box. Inline style (when the
// columns are far enough apart): "w5 0.14 → 0.174" over "∂ −0.688". Stacked style (phone, or
// many decimals) keeps two short rows: "w5 0.14" over "∂ −0.688", then "→ 0.174" once updated.
// With the gradient check on the graph, a row under the gradient: "≈ −0.688 · 2.1e−11" (the
// finite-difference estimate and the relative difference); where a third row would hide labels (layout.js), a mark
// after the gradient instead, "∂ −0.688 ✓", the numbers in its accessible name and the check's table.
// A quiz question waiting for its answer (quiz/questions.js) writes "?" for its number: `masked` is 'gradient' or
// 'updated'.
import { select } from 'd3-selection';
import { agrees } from '../state/gradient-check.js';

const MAX_ROWS = 3;

/** The gradient check's row: the estimate and the relative difference, "≈ −0.688 · 2.1e−11". */
export const checkRowText = (check, { format, relative }) =>
  `≈ ${format(check.numeric)} · ${relative(check.relativeDifference)}`;

/**
 * The rows of a label: [[{part, text}]] with part ∈ name, value, old, arrow, grad, check. `pair(old, new)` writes an
 * update's two values ({old, value}: format/change.js, the digits that tell them apart); else both by `format`.
 * `masked`: the part whose number is not shown yet ("?"), 'gradient' or 'updated'.
 */
export function pillRows(
  { name, value, updated, gradient, check = null, masked = null },
  { mode, checkMode, format, relative, pair = (old, next) => ({ old: format(old), value: format(next) }) },
) {
  const isUpdated = (updated !== null && updated !== undefined) || masked === 'updated';
  const hasGradient = (gradient !== null && gradient !== undefined) || masked === 'gradient';
  const gradText = masked === 'gradient' ? '∂ ?' : hasGradient ? `∂ ${format(gradient)}` : '';
  const grad = hasGradient ? [[{ part: 'grad', text: gradText }]] : [];
  if (hasGradient && check && checkMode === 'row')
    grad.push([{ part: 'check', text: checkRowText(check, { format, relative }) }]);
  if (hasGradient && check && checkMode === 'mark') grad[0].push({ part: 'check', text: agrees(check) ? '✓' : '≠' });
  if (!isUpdated)
    return [
      [
        { part: 'name', text: name },
        { part: 'value', text: format(value) },
      ],
      ...grad,
    ];
  const change = masked === 'updated' ? { old: format(value), value: '?' } : pair(value, updated);
  if (mode === 'inline') {
    return [
      [
        { part: 'name', text: name },
        { part: 'old', text: change.old },
        { part: 'arrow', text: '→' },
        { part: 'value', text: change.value },
      ],
      ...grad,
    ];
  }
  return [
    [
      { part: 'name', text: name },
      { part: 'old', text: change.old },
    ],
    [
      { part: 'arrow', text: '→' },
      { part: 'value', text: change.value },
    ],
  ];
}

/** Creates the (empty) rows of a label group. */
export function createPill(group, testPrefix) {
  group.append('rect').attr('class', 'pill-hit');
  group.append('rect').attr('class', 'pill-bg').attr('rx', 7);
  group.append('rect').attr('class', 'focus-ring').attr('rx', 9);
  for (let row = 0; row < MAX_ROWS; row += 1)
    group.append('text').attr('class', 'pill-row').attr('text-anchor', 'middle');
  group.attr('data-test-prefix', testPrefix);
}

/** Writes the rows into the group and sizes the box around them. */
export function renderPill(group, rows, m) {
  const prefix = group.attr('data-test-prefix');
  const texts = group.selectAll('text.pill-row');
  const widths = [];
  texts.each(function fill(_, index) {
    const parts = rows[index] ?? [];
    const text = select(this);
    text
      .selectAll('tspan')
      .data(parts)
      .join('tspan')
      .attr('class', (item) => `pill-${item.part}`)
      .attr('data-testid', (item) =>
        ['value', 'old', 'grad', 'check'].includes(item.part)
          ? `${prefix}-${item.part === 'grad' ? 'gradient' : item.part}`
          : null,
      )
      .attr('dx', (_, k) => (k === 0 ? null : '0.32em'))
      .text((item) => item.text);
    widths.push(parts.length ? this.getComputedTextLength() : 0);
  });
  const count = rows.length;
  const width = Math.max(...widths) + 2 * m.pillPadX;
  const height = count * m.pillLineH + 2 * m.pillPadY;
  const baseline = m.pillFont * 0.36;
  texts
    .attr('y', (_, index) => (index - (count - 1) / 2) * m.pillLineH + baseline)
    .style('display', (_, index) => (index < count ? null : 'none'));
  group
    .select('.pill-bg')
    .attr('x', -width / 2)
    .attr('y', -height / 2)
    .attr('width', width)
    .attr('height', height);
  const hitHeight = Math.max(44, height + 8);
  group
    .select('.pill-hit')
    .attr('x', -width / 2 - 4)
    .attr('y', -hitHeight / 2)
    .attr('width', width + 8)
    .attr('height', hitHeight);
  group
    .select('.focus-ring')
    .attr('x', -width / 2 - 3)
    .attr('y', -height / 2 - 3)
    .attr('width', width + 6)
    .attr('height', height + 6);
}
