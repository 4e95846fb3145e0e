// Builds the SVG elements for a layout (once per layout: size or network change).
// Values are filled in later by update.js; nothing here depends on a step.
import { select } from 'd3-selection';
import { ref } from '../state/refs.js';
import { drawCard } from './card.js';
import { createPill } from './pill.js';

function drawEdges(root, layout) {
  const edges = root
    .append('g')
    .attr('class', 'edges')
    .selectAll('g')
    .data(layout.edges, (edge) => edge.name)
    .join('g')
    .attr('class', 'edge')
    .attr('data-ref', (edge) => ref.weight(edge.name));
  for (const part of ['edge-halo', 'edge-line', 'edge-hit']) {
    edges
      .append('line')
      .attr('class', part)
      .attr('x1', (edge) => edge.x1)
      .attr('y1', (edge) => edge.y1)
      .attr('x2', (edge) => edge.x2)
      .attr('y2', (edge) => edge.y2);
  }
}

function drawNeurons(root, layout) {
  const { m } = layout;
  const neurons = root
    .append('g')
    .attr('class', 'neurons')
    .selectAll('g')
    .data(layout.neurons, (neuron) => neuron.name)
    .join('g')
    .attr('class', (neuron) => `neuron layer-${neuron.layer === 0 ? 'input' : neuron.output ? 'output' : 'hidden'}`)
    .attr('data-ref', (neuron) => ref.neuron(neuron.name))
    .attr('data-testid', (neuron) => `neuron-${neuron.name}`)
    .attr('transform', (neuron) => `translate(${neuron.x},${neuron.y})`);
  neurons
    .append('circle')
    .attr('class', 'neuron-pulse')
    .attr('r', (neuron) => neuron.r);
  neurons
    .append('circle')
    .attr('class', 'focus-ring')
    .attr('r', (neuron) => neuron.r + 5);
  neurons
    .append('circle')
    .attr('class', 'neuron-body')
    .attr('r', (neuron) => neuron.r);
  // Above the circle; left of it in a dense layout (layout.js), where the neurons are packed too close for it.
  neurons
    .append('text')
    .attr('class', 'neuron-name')
    .attr('text-anchor', layout.dense ? 'end' : 'middle')
    .attr('x', (neuron) => (layout.dense ? -neuron.r - 4 : 0))
    .attr('y', (neuron) => (layout.dense ? 0 : -neuron.r - 8))
    .attr('dy', layout.dense ? '0.35em' : null)
    .text((neuron) => neuron.name);
  neurons
    .append('text')
    .attr('class', 'neuron-value')
    .attr('data-testid', (neuron) => `neuron-${neuron.name}-value`)
    .attr('text-anchor', 'middle')
    .attr('dy', '0.35em');
  const below = neurons.filter((neuron) => neuron.layer > 0);
  below
    .append('text')
    .attr('class', 'neuron-z')
    .attr('data-testid', (neuron) => `neuron-${neuron.name}-z`)
    .attr('text-anchor', 'middle')
    .attr('y', (neuron) => neuron.r + m.lineH);
  below
    .append('text')
    .attr('class', 'neuron-delta')
    .attr('data-testid', (neuron) => `neuron-${neuron.name}-delta`)
    .attr('text-anchor', 'middle')
    .attr('y', (neuron) => neuron.r + m.lineH * (neuron.linesBelow === 2 ? 2 : 1));
  neurons
    .filter((neuron) => neuron.layer === 0)
    .classed('is-editable', true)
    .attr('tabindex', 0)
    .attr('role', 'button');
}

function drawPills(root, items, kind, { hidden = false } = {}) {
  const pills = root
    .append('g')
    .attr('class', `pills pills-${kind}${hidden ? ' pills-hidden' : ''}`)
    .selectAll('g')
    .data(items, (item) => item.name)
    .join('g')
    .attr('class', `pill pill-${kind} is-editable${hidden ? ' is-label-hidden' : ''}`)
    .attr('data-ref', (item) => ref.parameter(kind, item.name))
    .attr('data-testid', (item) => `${kind}-${item.name}`)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('transform', (item) =>
      kind === 'bias' ? `translate(${item.x},${item.y})` : `translate(${item.label.x},${item.label.y})`,
    );
  pills.each(function addRows(item) {
    createPill(select(this), `${kind}-${item.name}`);
  });
  // A hidden label carries the refs of its neurons (its edge's two, or its bias's one; empty groups, never hit):
  // hovering a neuron marks them .is-hover like the neuron itself (view.js), and the label shows (graph-labels.css).
  if (hidden)
    pills
      .selectAll('g.pill-end')
      .data((item) => item.ends)
      .join('g')
      .attr('class', 'pill-end')
      .attr('data-ref', (name) => ref.neuron(name));
}

/** Draws everything for a layout into the svg (cleared first). */
export function drawGraph(svgElement, layout) {
  const svg = select(svgElement);
  svg.selectAll('*').remove();
  svg
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height)
    .attr(
      'class',
      `graph graph-${layout.mode}${layout.m.compact ? ' is-compact' : ''}${layout.dense ? ' is-dense' : ''}`,
    );
  const root = svg.append('g').attr('class', 'graph-root');
  drawEdges(root, layout);
  root
    .append('g')
    .attr('class', 'links')
    .selectAll('line')
    .data(layout.card.links)
    .join('line')
    .attr('class', 'card-link')
    .attr('x1', (link) => link.x1)
    .attr('y1', (link) => link.y1)
    .attr('x2', (link) => link.x2)
    .attr('y2', (link) => link.y2);
  drawNeurons(root, layout);
  const shown = layout.edges.filter((edge) => !edge.label.hidden);
  const hidden = layout.edges.filter((edge) => edge.label.hidden);
  drawPills(root, shown, 'weight');
  drawPills(
    root,
    layout.biases.filter((bias) => !bias.hidden),
    'bias',
  );
  // Labels with no free place (layout.js) last, so that one shown on hover or focus is drawn above the others.
  drawPills(root, hidden, 'weight', { hidden: true });
  drawPills(
    root,
    layout.biases.filter((bias) => bias.hidden),
    'bias',
    { hidden: true },
  );
  drawCard(root, layout);
  root.append('g').attr('class', 'overlay');
  return svg;
}
