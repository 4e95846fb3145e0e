// The architecture editor on the graph: while the Network tab is open, a strip above the drawing puts each layer's
// controls over its column (− size +), a "+" between two columns inserts a hidden layer there, and "✕" over a hidden
// layer removes it. The same edits as the panel's rows (`shape`), placed where the learner looks; the strip follows
// the graph's columns on every new layout. Too narrow for a layer's controls (many layers on a phone): the panel's
// rows alone.
import { h } from '../dom.js';
import { MAX_HIDDEN_LAYERS, MAX_NEURONS } from './shape-limits.js';

/** The least room (px) between two columns for a layer's "− n +". */
const GROUP_WIDTH = 84;

export function mountGraphStrip(graph, { t, shape, layerName, document }) {
  const strip = h('div', { class: 'layer-strip', 'data-testid': 'layer-strip', hidden: true });
  graph.wrap.prepend(strip);
  let visible = false;

  const button = (text, label, testId, onclick, disabled = false) =>
    h('button', {
      type: 'button',
      class: 'strip-button',
      text,
      title: label,
      'aria-label': label,
      'data-testid': testId,
      disabled,
      onclick,
    });
  const at = (x, element) => {
    element.style.left = `${x}px`;
    return element;
  };

  function draw(layout) {
    const layers = document().layers;
    const columns = layers.map((_, k) => layout.neurons.find((neuron) => neuron.layer === k).x);
    const roomy = columns.every((x, k) => k === 0 || x - columns[k - 1] >= GROUP_WIDTH);
    strip.hidden = !visible || !roomy;
    if (strip.hidden) return strip.replaceChildren();
    const hiddenCount = layers.length - 2;
    const groups = layers.map((layer, k) => {
      const name = layerName(k, layers.length);
      const size = h('span', { class: 'strip-size', text: String(layer.size), 'aria-hidden': 'true' });
      return at(
        columns[k],
        h('div', { class: 'strip-group', role: 'group', 'aria-label': name, 'data-testid': `strip-layer-${k}` }, [
          button(
            '−',
            t('build.removeNeuron', { layer: name }),
            `strip-minus-${k}`,
            () => shape('removeNeuron', { layer: k, index: layer.size - 1 }),
            layer.size <= 1,
          ),
          size,
          button(
            '+',
            t('build.addNeuron', { layer: name }),
            `strip-plus-${k}`,
            () => shape('addNeuron', { layer: k }),
            layer.size >= MAX_NEURONS,
          ),
        ]),
      );
    });
    const inserts = columns.slice(1).map((x, k) =>
      at(
        (x + columns[k]) / 2,
        button(
          '+',
          t('build.insertLayer', { after: layerName(k, layers.length) }),
          `strip-insert-${k + 1}`,
          () =>
            shape('addLayer', {
              layer: k + 1,
              index: 2,
              activation: hiddenCount > 0 ? layers[Math.min(k + 1, layers.length - 2)].activation : 'tanh',
              bias: true,
            }),
          hiddenCount >= MAX_HIDDEN_LAYERS,
        ),
      ),
    );
    inserts.forEach((insert) => insert.classList.add('strip-insert'));
    const removals = layers.slice(1, -1).map((_, j) =>
      at(
        columns[j + 1],
        button('✕', t('build.removeLayer', { layer: layerName(j + 1, layers.length) }), `strip-remove-${j + 1}`, () =>
          shape('removeLayer', { layer: j + 1 }),
        ),
      ),
    );
    removals.forEach((removal) => removal.classList.add('strip-remove'));
    strip.replaceChildren(...inserts, ...removals, ...groups);
  }

  graph.onDraw(draw);
  return {
    /** The strip shows while the Network tab is open. */
    shown(isShown) {
      visible = isShown;
      const layout = graph.layout();
      if (layout) draw(layout);
    },
  };
}
