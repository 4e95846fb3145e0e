// Small moving labels ("tokens") that carry a number along an edge during an animation, and
// the reveal of a text once the number has arrived. Only animation interpolation here.
import { select } from 'd3-selection';
import 'd3-transition';
import { easeCubicInOut, easeCubicOut } from 'd3-ease';

const ANIMATED = 'is-animated';

/** A token from (x1, y1) to (x2, y2); removed when it arrives. */
export function travel(overlay, { from, to, text = '', className = '', delay = 0, duration }) {
  const token = overlay
    .append('g')
    .attr('class', `token ${className}`)
    .attr('transform', `translate(${from.x},${from.y})`)
    .style('opacity', 0);
  if (text) {
    const label = token
      .append('text')
      .attr('class', 'token-text')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .text(text);
    const width = label.node().getComputedTextLength() + 10;
    token
      .insert('rect', 'text')
      .attr('class', 'token-bg')
      .attr('x', -width / 2)
      .attr('y', -10)
      .attr('width', width)
      .attr('height', 20)
      .attr('rx', 10);
  } else {
    token.append('circle').attr('class', 'token-dot').attr('r', 5);
  }
  token
    .transition()
    .delay(delay)
    .duration(Math.max(1, duration * 0.12))
    .style('opacity', 1)
    .transition()
    .duration(Math.max(1, duration * 0.88))
    .ease(easeCubicInOut)
    .attrTween('transform', () => (k) => `translate(${from.x + (to.x - from.x) * k},${from.y + (to.y - from.y) * k})`)
    .transition()
    .duration(Math.max(1, duration * 0.2))
    .style('opacity', 0)
    .remove();
  return token;
}

/** Hides a selection, then fades it in at `delay`. */
export function reveal(selection, { delay, duration }) {
  selection
    .classed(ANIMATED, true)
    .style('opacity', 0)
    .transition()
    .delay(delay)
    .duration(duration)
    .ease(easeCubicOut)
    .style('opacity', 1)
    .on('end', function settled() {
      select(this).style('opacity', null).classed(ANIMATED, false);
    });
}

/** A ring that grows and fades around a neuron. */
export function pulse(neuronGroup, { delay, duration }) {
  neuronGroup
    .select('.neuron-pulse')
    .classed(ANIMATED, true)
    .interrupt()
    .attr('r', (neuron) => neuron.r)
    .style('opacity', 0.55)
    .style('display', null)
    .transition()
    .delay(delay)
    .duration(duration)
    .ease(easeCubicOut)
    .attr('r', (neuron) => neuron.r + 14)
    .style('opacity', 0)
    .on('end', function settled() {
      select(this).classed(ANIMATED, false);
    });
}

/** Stops every animation and leaves the graph exactly as update.js drew it. */
export function cancelAll(svgElement) {
  const svg = select(svgElement);
  svg.selectAll(`.${ANIMATED}`).interrupt().style('opacity', null).classed(ANIMATED, false);
  svg.selectAll('.edge-line, .edge-halo').interrupt();
  svg.selectAll('.neuron-pulse').interrupt().style('opacity', null);
  svg.select('.overlay').selectAll('*').interrupt().remove();
}
