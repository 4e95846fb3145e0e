// The animation of one trace event on a graph that already shows the event's result
// (update.js): numbers travel along edges, then the new texts fade in. Durations in ms.
import { select } from 'd3-selection';
import 'd3-transition';
import { easeCubicInOut } from 'd3-ease';
import { parseRef, ref } from '../state/refs.js';
import { pulse, reveal, travel } from './tokens.js';
import { edgeWidth, largestWeight } from './update.js';

/** The element matching `selector` that carries the ref `key`. */
const byRef = (svg, selector, key) => svg.select(`${selector}[data-ref="${CSS.escape(key)}"]`);

function parts(svg, layout) {
  return {
    overlay: svg.select('.overlay'),
    neuron: (name) => byRef(svg, '.neuron', ref.neuron(name)),
    pill: (name, type = 'weight') => byRef(svg, `.pill-${type}`, ref.parameter(type, name)),
    edge: (name) => layout.edges.find((edge) => edge.name === name),
    cell: (key) => byRef(svg, '.cell', key),
  };
}

const centreOf = (box) => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
const edgeStart = (edge) => ({ x: edge.x1, y: edge.y1 });
const edgeEnd = (edge) => ({ x: edge.x2, y: edge.y2 });

const animations = {
  input(event, p, D) {
    for (const input of event.inputs) {
      pulse(p.neuron(input.name), { delay: 0, duration: 0.8 * D });
      reveal(p.neuron(input.name).select('.neuron-value'), { delay: 0.1 * D, duration: 0.5 * D });
    }
    for (const target of event.targets)
      reveal(p.cell(ref.target(target.name)).select('.cell-value'), { delay: 0.3 * D, duration: 0.5 * D });
  },

  forward(event, p, D, { format, layout }) {
    for (const term of event.terms) {
      const edge = p.edge(term.weight);
      travel(p.overlay, {
        from: edgeStart(edge),
        to: edgeEnd(edge),
        text: format(term.product),
        className: 'token-forward',
        duration: 0.45 * D,
      });
    }
    if (event.bias) {
      const bias = layout.biases.find((item) => item.name === event.bias.name);
      const neuron = layout.byName[event.name];
      travel(p.overlay, {
        from: bias,
        to: { x: neuron.x, y: neuron.y - neuron.r },
        text: format(event.bias.value),
        className: 'token-forward',
        duration: 0.45 * D,
      });
    }
    const group = p.neuron(event.name);
    const linear = event.activation === 'linear';
    if (!linear) reveal(group.select('.neuron-z'), { delay: 0.48 * D, duration: 0.18 * D });
    reveal(group.select('.neuron-value'), { delay: (linear ? 0.5 : 0.7) * D, duration: 0.22 * D });
    pulse(group, { delay: (linear ? 0.5 : 0.7) * D, duration: 0.45 * D });
  },

  error(event, p, D, { format, layout }) {
    for (const output of event.outputs) {
      const link = layout.card.links.find((item) => item.name === output.name);
      travel(p.overlay, {
        from: { x: link.x1, y: link.y1 },
        to: { x: link.x2, y: link.y2 },
        text: format(output.prediction),
        className: 'token-error',
        duration: 0.38 * D,
      });
      reveal(p.cell(ref.difference(output.name)).selectAll('text'), { delay: 0.4 * D, duration: 0.2 * D });
      reveal(p.cell(ref.error(output.name)).selectAll('text'), { delay: 0.62 * D, duration: 0.2 * D });
    }
    reveal(p.cell(ref.error()).selectAll('text'), { delay: 0.66 * D, duration: 0.22 * D });
  },

  delta(event, p, D, { format, factor, layout }) {
    if (event.output) {
      const link = layout.card.links.find((item) => item.name === event.name);
      travel(p.overlay, {
        from: { x: link.x2, y: link.y2 },
        to: { x: link.x1, y: link.y1 },
        text: `Δ ${format(event.difference)}`,
        className: 'token-backward',
        duration: 0.45 * D,
      });
    } else {
      for (const term of event.terms) {
        const edge = p.edge(term.weight);
        const factors = `${format(term.w)} × ${factor(term.delta)}`;
        travel(p.overlay, {
          from: edgeEnd(edge),
          to: edgeStart(edge),
          text: factors,
          className: 'token-backward',
          duration: 0.48 * D,
        });
      }
    }
    reveal(p.neuron(event.name).select('.neuron-delta'), { delay: 0.55 * D, duration: 0.25 * D });
    pulse(p.neuron(event.name), { delay: 0.55 * D, duration: 0.4 * D });
  },

  gradient(event, p, D, { format, layout }) {
    const pill = p.pill(event.parameter, event.type);
    const at =
      event.type === 'bias'
        ? layout.biases.find((item) => item.name === event.parameter)
        : p.edge(event.parameter).label;
    const dest = layout.byName[event.destName];
    travel(p.overlay, {
      from: { x: dest.x, y: dest.y + dest.r },
      to: at,
      text: `δ ${format(event.delta)}`,
      className: 'token-backward',
      duration: 0.45 * D,
    });
    if (event.type === 'weight') {
      const source = layout.byName[event.sourceName];
      travel(p.overlay, {
        from: { x: source.x + source.r, y: source.y },
        to: at,
        text: format(event.a),
        className: 'token-forward',
        duration: 0.45 * D,
      });
    }
    reveal(pill.select('.pill-grad'), { delay: 0.5 * D, duration: 0.3 * D });
  },

  update(event, p, D, { scene }) {
    const pill = p.pill(event.parameter, event.type);
    reveal(pill.selectAll('.pill-arrow, .pill-value'), { delay: 0.2 * D, duration: 0.35 * D });
    pill.classed('is-flash', true);
    setTimeout(() => pill.classed('is-flash', false), D);
    if (event.type !== 'weight' || event.new === null) return; // null: the quiz's question, not answered yet
    const largest = largestWeight(scene);
    const edge = byRef(select(pill.node().ownerSVGElement), '.edge', ref.weight(event.parameter));
    for (const [part, extra] of [
      ['.edge-line', 0],
      ['.edge-halo', 9],
    ]) {
      edge
        .select(part)
        .attr('stroke-width', edgeWidth(event.old, largest) + extra)
        .transition()
        .duration(0.7 * D)
        .ease(easeCubicInOut)
        .attr('stroke-width', edgeWidth(event.new, largest) + extra);
    }
  },

  result(event, p, D, { layout }) {
    const layers = Math.max(...layout.edges.map((edge) => edge.layer)) + 1;
    const slice = (0.6 * D) / layers;
    for (const edge of layout.edges) {
      travel(p.overlay, {
        from: edgeStart(edge),
        to: edgeEnd(edge),
        className: 'token-result',
        delay: edge.layer * slice,
        duration: slice * 1.1,
      });
    }
    for (const id of Object.keys(layout.card.cells).filter((key) => parseRef(key).kind === 'result')) {
      reveal(p.cell(id).selectAll('text'), { delay: 0.65 * D, duration: 0.25 * D });
    }
  },
};

/** Plays the animation of `event` (the graph already shows its end state). */
export function animateEvent(svgElement, layout, scene, event, duration, helpers) {
  const animation = animations[event?.kind];
  if (!animation || duration <= 0) return;
  const svg = select(svgElement);
  animation(event, parts(svg, layout), duration, { ...helpers, layout, scene });
}
