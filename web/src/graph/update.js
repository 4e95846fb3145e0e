// Puts the numbers of a scene into the drawn graph: values, gradients, updated weights,
// edge colour (sign) and width (magnitude), and which elements the current event is about.
import { select } from 'd3-selection';
import { ref, refsOf } from '../state/refs.js';
import { updateCard } from './card.js';
import { pillRows, renderPill } from './pill.js';
import { agrees } from '../state/gradient-check.js';

const isSet = (value) => value !== null && value !== undefined;

/** Stroke width for a weight: geometry from |w| relative to the largest weight on screen. */
export function edgeWidth(value, maxAbs) {
  return 1.4 + 6 * Math.min(1, Math.abs(value) / (maxAbs || 1));
}

export function largestWeight(scene) {
  let largest = 0;
  for (const weight of Object.values(scene.weights))
    largest = Math.max(largest, Math.abs(weight.value), Math.abs(weight.updated ?? 0));
  return largest;
}

/** The part of this element whose number the quiz masks ("?"), or null. */
const maskedPart = (scene, key) => (scene.mask?.ref === key ? scene.mask.part : null);

function updatePills(svg, layout, kind, scene, { format, pair, relative, t, check }) {
  const table = kind === 'bias' ? scene.biases : scene.weights;
  svg.selectAll(`.pill-${kind}`).each(function updatePill(item) {
    const group = select(this);
    const parameter = table[item.name];
    const masked = maskedPart(scene, ref.parameter(kind, item.name));
    const updated = isSet(parameter.updated);
    const shown = updated ? parameter.updated : parameter.value;
    const name = kind === 'bias' ? `+${item.name}` : item.name;
    const checked = isSet(parameter.gradient) ? (check?.[item.name] ?? null) : null;
    renderPill(
      group,
      pillRows(
        {
          name,
          value: parameter.value,
          updated: parameter.updated,
          gradient: parameter.gradient,
          check: checked,
          masked,
        },
        { mode: layout.pillMode, checkMode: layout.checkMode, format, pair, relative },
      ),
      layout.m,
    );
    group
      .classed('is-updated', updated || masked === 'updated')
      .classed('is-masked', Boolean(masked))
      .classed('is-pos', shown >= 0)
      .classed('is-neg', shown < 0);
    const label =
      masked === 'updated'
        ? t('edit.aria.updated', { name: item.name, old: format(parameter.value), value: '?' })
        : updated
          ? t('edit.aria.updated', { name: item.name, ...pair(parameter.value, shown) })
          : t('edit.aria.parameter', { name: item.name, value: format(shown) });
    const gradient =
      masked === 'gradient' || isSet(parameter.gradient)
        ? ` ${t('edit.aria.gradient', { value: masked === 'gradient' ? '?' : format(parameter.gradient) })}`
        : '';
    const estimate = checked
      ? ` ${t('check.aria', {
          numeric: format(checked.numeric),
          relative: relative(checked.relativeDifference),
          verdict: t(agrees(checked) ? 'check.agrees' : 'check.differs'),
        })}`
      : '';
    group.attr('aria-label', `${label}${gradient}${estimate} ${t('edit.aria.hint')}`);
  });
}

/** The value's font size, shrunk so that long numbers stay inside the circle. */
function fittedFont(text, radius, preferred) {
  const room = 2 * radius - 8;
  const needed = text.length * 0.6 * preferred;
  return needed > room ? Math.max(9, Math.floor((preferred * room) / needed)) : preferred;
}

function updateNeurons(svg, scene, { format, t }, valueFont) {
  svg.selectAll('.neuron').each(function updateNeuron(neuron) {
    const group = select(this);
    const state = scene.neurons[neuron.name];
    const layerActivation = neuron.activation;
    const masked = maskedPart(scene, ref.neuron(neuron.name)); // the quiz's question: "?" until answered
    const done = isSet(state.value) || masked === 'value';
    group.classed('is-idle', !done).classed('is-done', done).classed('is-masked', Boolean(masked));
    const value = masked === 'value' ? '?' : isSet(state.value) ? format(state.value) : '';
    group
      .select('.neuron-value')
      .text(value)
      .style('font-size', `${fittedFont(value, neuron.r, valueFont)}px`);
    group.select('.neuron-z').text(isSet(state.z) && layerActivation !== 'linear' ? `z ${format(state.z)}` : '');
    group
      .select('.neuron-delta')
      .text(masked === 'delta' ? 'δ ?' : isSet(state.delta) ? `δ ${format(state.delta)}` : '');
    if (neuron.layer === 0) {
      group.attr(
        'aria-label',
        `${t('edit.aria.input', { name: neuron.name, value: format(state.value) })} ${t('edit.aria.hint')}`,
      );
    }
  });
}

function updateEdges(svg, scene) {
  const largest = largestWeight(scene);
  svg.selectAll('.edge').each(function updateEdge(edge) {
    const weight = scene.weights[edge.name];
    const value = weight.updated ?? weight.value;
    const group = select(this);
    group.classed('is-pos', value >= 0).classed('is-neg', value < 0);
    group.select('.edge-line').attr('stroke-width', edgeWidth(value, largest));
    group.select('.edge-halo').attr('stroke-width', edgeWidth(value, largest) + 9);
  });
}

/** Whether the keyboard is on this element (moving it in the DOM would drop the focus). */
export const holdsFocus = (element) => element.contains(element.getRootNode().activeElement);

function updateFocus(svg, scene) {
  const { subjects, related } = scene.event ? refsOf(scene.event) : { subjects: [], related: [] };
  svg.selectAll('[data-ref]').each(function mark() {
    const key = this.getAttribute('data-ref');
    this.classList.toggle('is-current', subjects.includes(key));
    this.classList.toggle('is-related', related.includes(key));
  });
  svg.classed('has-current', subjects.length > 0);
  // A dense graph shows the current neurons' z and δ over their neighbours: drawn last among the neurons.
  if (svg.classed('is-dense'))
    svg
      .selectAll('.neuron.is-current')
      .filter((_, i, nodes) => !holdsFocus(nodes[i]))
      .raise();
  svg.attr('data-event-kind', scene.event?.kind ?? 'none');
}

export function updateGraph(svgElement, layout, scene, helpers) {
  const svg = select(svgElement);
  updateEdges(svg, scene);
  updateNeurons(svg, scene, helpers, layout.m.valueFont);
  updatePills(svg, layout, 'weight', scene, helpers);
  updatePills(svg, layout, 'bias', scene, helpers);
  updateCard(svg, layout, scene, helpers);
  updateFocus(svg, scene);
}
