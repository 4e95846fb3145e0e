// The error panel after the output: target, Δ = prediction − target, E = ½Δ², and after the
// update the new prediction and error (the trace's result event).
import { select } from 'd3-selection';
import { ref } from '../state/refs.js';

const testId = (id) => `card-${id.replace(':', '-')}`;

function cellRef(id) {
  const [kind, name] = id.split(':');
  if (kind === 'target') return ref.target(name);
  if (kind === 'difference') return ref.difference(name);
  if (kind === 'result') return ref.result(name);
  if (kind === 'resultError') return ref.result('E');
  return ref.error();
}

export function drawCard(root, layout) {
  const { card } = layout;
  const group = root.append('g').attr('class', `errpanel errpanel-${card.mode}`).attr('data-testid', 'error-card');
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
    .attr('y2', card.divider.y);
  group
    .append('text')
    .attr('class', 'errpanel-results-title')
    .attr('x', card.resultsTitle.x)
    .attr('y', card.resultsTitle.y);
  const wide = card.mode === 'wide';
  const cells = group
    .selectAll('g.cell')
    .data(Object.entries(card.cells), ([id]) => id)
    .join('g')
    .attr('class', ([id]) => `cell cell-${id.split(':')[0]}`)
    .attr('data-cell', ([id]) => id)
    .attr('data-ref', ([id]) => cellRef(id))
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
    .attr('x', wide ? 12 : 8)
    .attr('y', ([, box]) => (wide ? box.h / 2 + 4.5 : 17));
  cells
    .append('text')
    .attr('class', 'cell-value')
    .attr('data-testid', ([id]) => testId(id))
    .attr('text-anchor', wide ? 'end' : 'start')
    .attr('x', ([, box]) => (wide ? box.w - 12 : 8))
    .attr('y', ([, box]) => (wide ? box.h / 2 + 5 : 38));
  cells
    .filter(([id]) => id.startsWith('target:'))
    .classed('is-editable', true)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('data-testid', ([id]) => `target-${id.split(':')[1]}`);
}

function labelFor(id, { t, multi }) {
  const [kind, name] = id.split(':');
  const key = multi ? `card.${kind}.multi` : `card.${kind}`;
  return t(key, { name });
}

function valueFor(id, scene) {
  const [kind, name] = id.split(':');
  const output = scene.outputs[name];
  const result = scene.results.at(-1);
  switch (kind) {
    case 'target':
      return output.target;
    case 'difference':
      return output.difference;
    case 'error':
      return output.error;
    case 'total':
      return scene.total;
    case 'result':
      return result ? result.prediction[Object.keys(scene.outputs).indexOf(name)] : null;
    case 'resultError':
      return result ? result.error : null;
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
    cell.select('.cell-label').text(labelFor(id, { t, multi }));
    cell.select('.cell-value').text(value === null || value === undefined ? t('value.pending') : format(value));
    cell.classed('is-pending', value === null || value === undefined);
    if (id.startsWith('target:')) {
      const index = Object.keys(scene.outputs).indexOf(id.split(':')[1]);
      cell.attr('data-edit', `target:${scene.sample ?? 0}:${index}`);
      cell.attr('aria-label', t('edit.aria.target', { name: id.split(':')[1], value: format(value) }));
    }
  });
  svg.select('.errpanel').classed('has-results', scene.results.length > 0);
}
