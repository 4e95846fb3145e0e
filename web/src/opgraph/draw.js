// Draws the operations graph (SVG, D3): the boxes and curves once per layout (drawOpGraph), then the numbers the
// trace has given at a frame (updateOpGraph). Values and gradients are formatted here, never computed.
import { select } from 'd3-selection';
import { LEAF_KINDS } from './model.js';

/** The width of an operation's badge: a circle for one character, a pill for more. */
const symbolWidth = (symbol) => (symbol.length > 1 ? 8 + symbol.length * 6 : 16);

/** The line over an operation's box: which neuron's z or a, which output's Δ or error, E. */
export function captionOf(node, multiOutput) {
  switch (node.kind) {
    case 'sum':
      return `z ${node.name}`;
    case 'activation':
      return node.name;
    case 'difference':
      return `Δ ${node.name}`;
    case 'loss':
      return multiOutput ? `E ${node.name}` : 'E';
    case 'total':
      return 'E = Σ';
    default:
      return '';
  }
}

export function drawOpGraph(svg, layout) {
  const root = select(svg);
  root.selectAll('*').remove();
  root.attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
  root.attr('width', layout.width).attr('height', layout.height);
  const multiOutput = layout.nodes.filter((node) => node.kind === 'loss').length > 1;
  root
    .append('g')
    .attr('class', 'op-edges')
    .selectAll('path')
    .data(layout.edges)
    .join('path')
    .attr('class', 'op-edge')
    .attr('data-from', (edge) => edge.from)
    .attr('data-to', (edge) => edge.to)
    .attr('d', (edge) => edge.path);
  const { height: h } = layout.metrics;
  const nodes = root
    .append('g')
    .attr('class', 'op-nodes')
    .selectAll('g')
    .data(layout.nodes, (node) => node.id)
    .join('g')
    .attr('class', (node) => `op-node op-${node.kind} ${LEAF_KINDS.has(node.kind) ? 'is-leaf' : 'is-op'}`)
    .attr('data-ref', (node) => node.ref)
    .attr('data-node', (node) => node.id)
    .attr('data-testid', (node) => `op-${node.id.replace(':', '-')}`)
    .attr('transform', (node) => `translate(${node.x},${node.y})`);
  nodes
    .append('rect')
    .attr('class', 'op-box')
    .attr('width', (node) => node.w)
    .attr('height', h)
    .attr('rx', (node) => (LEAF_KINDS.has(node.kind) ? 5 : 10));
  nodes
    .filter((node) => Boolean(captionOf(node, multiOutput)))
    .append('text')
    .attr('class', 'op-caption')
    .attr('x', (node) => node.w / 2)
    .attr('y', -4)
    .attr('text-anchor', 'middle')
    .text((node) => captionOf(node, multiOutput));
  // An operation's symbol in a badge (a word or ½(·)² in a wider one); a leaf's name as plain text.
  const ops = nodes.filter((node) => !LEAF_KINDS.has(node.kind));
  ops
    .append('rect')
    .attr('class', 'op-badge')
    .attr('x', 4)
    .attr('y', 4)
    .attr('width', (node) => symbolWidth(node.symbol))
    .attr('height', 16)
    .attr('rx', 8);
  ops
    .append('text')
    .attr('class', (node) => `op-symbol${node.symbol.length > 2 ? ' is-long' : ''}`)
    .attr('x', (node) => 4 + symbolWidth(node.symbol) / 2)
    .attr('y', 16)
    .attr('text-anchor', 'middle')
    .text((node) => node.symbol);
  nodes
    .filter((node) => LEAF_KINDS.has(node.kind))
    .append('text')
    .attr('class', 'op-name')
    .attr('x', 7)
    .attr('y', 15)
    .text((node) => node.name);
  nodes
    .append('text')
    .attr('class', 'op-value')
    .attr('data-testid', (node) => `op-${node.id.replace(':', '-')}-value`)
    .attr('x', (node) => node.w - 7)
    .attr('y', 15)
    .attr('text-anchor', 'end');
  const withGradient = nodes.filter((node) => !['input', 'target', 'loss', 'total'].includes(node.kind));
  withGradient.append('text').attr('class', 'op-grad-symbol').attr('x', 7).attr('y', 31).text('∂');
  withGradient
    .append('text')
    .attr('class', 'op-gradient')
    .attr('data-testid', (node) => `op-${node.id.replace(':', '-')}-gradient`)
    .attr('x', (node) => node.w - 7)
    .attr('y', 31)
    .attr('text-anchor', 'end');
  nodes.append('title');
  // Single-line leaves (an input, a target): their line in the middle of the box.
  nodes
    .filter((node) => ['input', 'target', 'loss', 'total'].includes(node.kind))
    .selectAll('.op-name, .op-value')
    .attr('y', h / 2 + 4);
  nodes
    .filter((node) => ['loss', 'total'].includes(node.kind))
    .each(function middle() {
      select(this)
        .select('.op-badge')
        .attr('y', h / 2 - 8);
      select(this)
        .select('.op-symbol')
        .attr('y', h / 2 + 4);
    });
}

/** A node's tooltip: what it is and its numbers so far. */
function titleOf(node, state, { format, t }) {
  const parts = [t(`ops.kind.${node.kind}`, { name: node.name, source: node.source ?? '' })];
  if (state.factors) parts.push(`${format(state.factors[0])} × ${format(state.factors[1])} = ${format(state.value)}`);
  else if (state.value !== null) parts.push(`${t('ops.value')} ${format(state.value)}`);
  if (state.gradient !== null) parts.push(`∂E = ${format(state.gradient)}`);
  if (state.updated !== null) parts.push(`${t('ops.updated')} ${format(state.updated)}`);
  return parts.join('\n');
}

/** The numbers at a frame (`frame` from opGraphAt); `animate`: what this frame fills in fades in, the flow runs. */
export function updateOpGraph(svg, frame, { format, t, animate }) {
  const root = select(svg);
  const current = new Set(frame.current);
  root.attr('data-phase', frame.phase ?? '');
  root.classed('is-animated', Boolean(animate));
  root.selectAll('g.op-node').each(function update(node) {
    const state = frame.nodes[node.id];
    const group = select(this);
    const shown = state.updated ?? state.value;
    group.select('.op-value').text(shown === null ? '·' : format(shown));
    group.select('.op-gradient').text(state.gradient === null ? '' : format(state.gradient));
    group.classed('is-pending', state.value === null);
    group.classed('has-gradient', state.gradient !== null);
    group.classed('is-updated', state.updated !== null);
    group.classed('is-current', current.has(node.id));
    group.select('title').text(titleOf(node, state, { format, t }));
  });
  const flowing = new Set(frame.flow.map((edge) => `${edge.from}>${edge.to}`));
  root
    .selectAll('path.op-edge')
    .classed('is-flow', (edge) => flowing.has(`${edge.from}>${edge.to}`))
    .classed('has-gradient', (edge) => frame.nodes[edge.from].gradient !== null)
    .classed('is-pending', (edge) => frame.nodes[edge.to].value === null);
  // Restarts the CSS animations of what this frame filled in (an element that keeps its class would not replay).
  for (const element of svg.querySelectorAll('.is-fresh')) element.classList.remove('is-fresh');
  if (!animate) return;
  svg.getBoundingClientRect(); // one style flush, so the class added again starts the animations over
  for (const element of svg.querySelectorAll('.is-current, .is-flow')) element.classList.add('is-fresh');
}
