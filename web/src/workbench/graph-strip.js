// The architecture editor on the graph: while the Network tab is open, a strip above the drawing puts each layer's
// controls over its column (− size +), a "+" between two columns inserts a hidden layer there, and "✕" over a hidden
// layer removes it. The same edits as the panel's rows (`shape`, `newLayer`), placed where the learner looks; the
// strip follows the graph's columns on every new layout, its controls in the order of the columns, and the keyboard
// stays on the control it was on. Too narrow for a layer's controls (many layers on a phone): the panel's rows alone.
import { h } from '../dom.js';
import { MAX_HIDDEN_LAYERS, MAX_NEURONS } from './shape-limits.js';

/** The least room (px) between two columns for a layer's "− n +". */
const GROUP_WIDTH = 84;

export function mountGraphStrip(graph, { t, shape, newLayer, layerName, document }) {
  const strip = h('div', { class: 'layer-strip', 'data-testid': 'layer-strip', hidden: true });
  graph.wrap.prepend(strip);
  let visible = false;

  const button = (text, label, testId, onclick, disabled = false) =>
    h('button', {
      type: 'button',
      class: 'build-button strip-button',
      text,
      title: label,
      'aria-label': label,
      disabled,
      onclick,
      'data-testid': testId,
    });
  const at = (x, element, kind = null) => {
    element.style.left = `${x}px`;
    if (kind) element.classList.add(kind);
    return element;
  };

  /** A layer's "− n +", its size in its name for a screen reader. */
  function group(layer, k, x, count) {
    const name = layerName(k, count);
    return at(
      x,
      h(
        'div',
        {
          class: 'strip-group',
          role: 'group',
          'aria-label': t('build.layerSize', { layer: name, size: layer.size }),
          'data-testid': `strip-layer-${k}`,
        },
        [
          button(
            '−',
            t('build.removeNeuron', { layer: name }),
            `strip-minus-${k}`,
            () => shape('removeNeuron', { layer: k, index: layer.size - 1 }),
            layer.size <= 1,
          ),
          h('span', { class: 'strip-size', text: String(layer.size), 'aria-hidden': 'true' }),
          button(
            '+',
            t('build.addNeuron', { layer: name }),
            `strip-plus-${k}`,
            () => shape('addNeuron', { layer: k }),
            layer.size >= MAX_NEURONS,
          ),
        ],
      ),
    );
  }

  function draw(layout) {
    const layers = document().layers;
    const columns = layers.map((_, k) => layout.neurons.find((neuron) => neuron.layer === k).x);
    const roomy = columns.every((x, k) => k === 0 || x - columns[k - 1] >= GROUP_WIDTH);
    const focused = strip.contains(strip.getRootNode().activeElement) ? strip.getRootNode().activeElement : null;
    strip.hidden = !visible || !roomy;
    if (strip.hidden) return strip.replaceChildren();
    const full = layers.length - 2 >= MAX_HIDDEN_LAYERS;
    // Left to right, as the keyboard meets them: a layer (with its ✕ when hidden), then the + after it.
    const controls = layers.flatMap((layer, k) => {
      const name = layerName(k, layers.length);
      const hidden = k > 0 && k < layers.length - 1;
      const remove = button('✕', t('build.removeLayer', { layer: name }), `strip-remove-${k}`, () =>
        shape('removeLayer', { layer: k }),
      );
      const insert = button(
        '+',
        t('build.insertLayer', { after: name }),
        `strip-insert-${k + 1}`,
        () => shape('addLayer', newLayer(k + 1)),
        full,
      );
      return [
        ...(hidden ? [at(columns[k], remove, 'strip-remove')] : []),
        group(layer, k, columns[k], layers.length),
        ...(k < layers.length - 1 ? [at((columns[k] + columns[k + 1]) / 2, insert, 'strip-insert')] : []),
      ];
    });
    strip.replaceChildren(...controls);
    if (focused) {
      const again = strip.querySelector(`[data-testid="${CSS.escape(focused.dataset.testid ?? '')}"]`);
      (again && !again.disabled ? again : strip.querySelector('button:not(:disabled)'))?.focus();
    }
  }

  graph.onDraw(draw);
  return {
    /** The strip shows while the Network tab is open; the graph makes room for it (the full page fits the window). */
    shown(isShown) {
      visible = isShown;
      const layout = graph.layout();
      if (layout) draw(layout);
      graph.render();
    },
  };
}
