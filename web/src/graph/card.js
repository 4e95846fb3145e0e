// The error panel after the output: target, Δ = prediction − target, E = ½Δ², and after the
// update the new prediction and error (the trace's result event).
import { select } from 'd3-selection';
// Cells are keyed by the refs of what they show (see card-layout.js).
import { parseRef } from '../state/refs.js';

/** card-target-o1, card-difference-o1, card-error-o1, card-error (E), card-result-o1, card-result-E. */
const testId = (id) => {
  const { kind, name } = parseRef(id);
  return name === null ? `card-${kind}` : `card-${kind}-${name}`;
};

export function drawCard(root, layout) {
  const { card } = layout;
  const kind = `errpanel errpanel-${card.mode}${card.rows ? ' errpanel-rows' : ''}`;
  const group = root.append('g').attr('class', kind).attr('data-testid', 'error-card');
  group
    .append('rect')
    .attr('class', 'errpanel-bg')
    .attr('x', card.x)
    .attr('y', card.y)
    .attr('width', card.w)
    .attr('height', card.h)
    .attr('rx', 12);
  group.append('text').attr('class', 'errpanel-title').attr('x', card.title.x).attr('y', card.title.y);
  group
    .append('line')
    .attr('class', 'errpanel-divider')
    .attr('x1', card.divider.x1)
    .attr('x2', card.divider.x2)
    .attr('y1', card.divider.y)
    .attr('y2', card.divider.y2 ?? card.divider.y);
  group
    .append('text')
    .attr('class', 'errpanel-results-title')
    .attr('text-anchor', card.resultsTitle.anchor ?? null)
    .attr('x', card.resultsTitle.x)
    .attr('y', card.resultsTitle.y);
  const wide = card.mode === 'wide';
  const cells = group
    .selectAll('g.cell')
    .data(Object.entries(card.cells), ([id]) => id)
    .join('g')
    .attr('class', ([id]) => `cell cell-${parseRef(id).kind}`)
    .attr('data-ref', ([id]) => id)
    .attr('transform', ([, box]) => `translate(${box.x},${box.y})`);
  cells
    .append('rect')
    .attr('class', 'cell-bg')
    .attr('width', ([, box]) => box.w)
    .attr('height', ([, box]) => box.h)
    .attr('rx', 6);
  cells
    .append('rect')
    .attr('class', 'focus-ring')
    .attr('x', -2)
    .attr('y', -2)
    .attr('width', ([, box]) => box.w + 4)
    .attr('height', ([, box]) => box.h + 4)
    .attr('rx', 8);
  cells
    .append('text')
    .attr('class', 'cell-label')
    .attr('x', wide ? 12 : card.rows ? 5 : 8)
    .attr('y', ([, box]) => (wide ? box.h / 2 + 4.5 : card.rows ? 14 : 17));
  cells
    .append('text')
    .attr('class', 'cell-value')
    .attr('data-testid', ([id]) => testId(id))
    .attr('text-anchor', wide ? 'end' : 'start')
    .attr('x', ([, box]) => (wide ? box.w - 12 : card.rows ? 5 : 8))
    .attr('y', ([, box]) => (wide ? box.h / 2 + 5 : box.h - 8));
  cells
    .filter(([id]) => parseRef(id).kind === 'target')
    .classed('is-editable', true)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('data-testid', ([id]) => `target-${parseRef(id).name}`);
}

/** The catalog key of a cell's label: E and the new E have their own. */
function labelKey({ kind, name }) {
  if (kind === 'error' && name === null) return 'card.total';
  if (kind === 'result' && name === 'E') return 'card.resultError';
  return `card.${kind}`;
}

function labelFor(id, { t, multi }) {
  const parsed = parseRef(id);
  return t(multi ? `${labelKey(parsed)}.multi` : labelKey(parsed), { name: parsed.name });
}

function valueFor(id, scene) {
  const { kind, name } = parseRef(id);
  const output = scene.outputs[name];
  const result = scene.results.at(-1);
  switch (kind) {
    case 'target':
      return output.target;
    case 'difference':
      return output.difference;
    case 'error':
      return name === null ? scene.total : output.error;
    case 'result':
      if (!result) return null;
      return name === 'E' ? result.error : result.prediction[Object.keys(scene.outputs).indexOf(name)];
    default:
      return null;
  }
}

export function updateCard(svg, layout, scene, { t, format }) {
  const multi = Object.keys(scene.outputs).length > 1;
  svg.select('.errpanel-title').text(t('card.title'));
  svg.select('.errpanel-results-title').text(t('card.results'));
  svg.selectAll('.errpanel g.cell').each(function updateCell([id]) {
    const cell = select(this);
    const value = valueFor(id, scene);
    const masked = scene.mask?.ref === id; // the quiz's question (E): "?" until answered
    const pending = !masked && (value === null || value === undefined);
    cell.select('.cell-label').text(labelFor(id, { t, multi }));
    cell.select('.cell-value').text(masked ? '?' : pending ? t('value.pending') : format(value));
    cell.classed('is-pending', pending).classed('is-masked', masked);
    const { kind, name } = parseRef(id);
    if (kind === 'target') cell.attr('aria-label', t('edit.aria.target', { name, value: format(value) }));
  });
  svg.select('.errpanel').classed('has-results', scene.results.length > 0);
}
