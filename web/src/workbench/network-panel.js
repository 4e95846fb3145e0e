// The architecture editor: one row per layer (its size with − and +, its activation, its bias), a hidden layer added
// or removed, biases trained or fixed, the batch size, and new weights by a named scheme and a visible seed. Every
// change is a new document made by the engine (shape edits keep every weight that still exists; new ones are 0
// until initialized); a refused one keeps the network on screen and says why.
import { h } from '../dom.js';
import { currentEntry } from '../state/selectors.js';
import { fieldsChange, initializeChange, shapeChange } from '../edit/change.js';
import { mountGraphStrip } from './graph-strip.js';
import { MAX_HIDDEN_LAYERS, MAX_NEURONS } from './shape-limits.js';

const ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu'];
const SCHEMES = ['xavier', 'he', 'uniform', 'zeros'];

function select(options, value, attributes) {
  const element = h(
    'select',
    attributes,
    options.map(([optionValue, label]) => h('option', { value: optionValue, text: label })),
  );
  element.value = value;
  return element;
}

export function mountNetworkPanel(container, { store, actions, t, uid, graph }) {
  const rows = h('div', { class: 'layer-rows', role: 'list', 'data-testid': 'layer-rows' });
  const scheme = select(
    SCHEMES.map((name) => [name, t(`build.scheme.${name}`)]),
    'xavier',
    { 'data-testid': 'init-scheme', id: uid('init-scheme') },
  );
  const seed = h('input', {
    type: 'number',
    min: 0,
    step: 1,
    value: 1,
    class: 'build-seed',
    'data-testid': 'init-seed',
    id: uid('init-seed'),
  });
  const initialize = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'init-apply',
    text: t('build.initialize'),
    onclick: () => {
      const value = Number(seed.value);
      if (seed.value.trim() === '' || !Number.isInteger(value) || value < 0) {
        note.textContent = t('build.badSeed', { text: seed.value });
        return;
      }
      note.textContent = '';
      const args = { scheme: scheme.value, seed: value };
      actions.changeNetwork(
        (engine) => engine.initialize(args),
        () => initializeChange(args),
      );
    },
  });
  const trainBiases = h('input', { type: 'checkbox', 'data-testid': 'train-biases' });
  const note = h('p', { class: 'train-hint', role: 'status', 'data-testid': 'build-note' });
  const batch = h('input', { type: 'number', min: 1, step: 1, class: 'build-batch', 'data-testid': 'batch-size' });
  container.append(
    rows,
    h('div', { class: 'build-row' }, [
      h('label', { class: 'build-check' }, [trainBiases, t('build.trainBiases')]),
      h('label', { class: 'build-field' }, [t('build.batchSize'), batch]),
    ]),
    h('div', { class: 'build-row' }, [
      h('label', { class: 'build-field', for: uid('init-scheme') }, [t('build.scheme')]),
      scheme,
      h('label', { class: 'build-field', for: uid('init-seed') }, [t('build.seed')]),
      seed,
      initialize,
    ]),
    note,
  );

  const document = () => currentEntry(store.get()).document;
  // New weights and biases start at 0, and a neuron whose weights are all 0 never learns: say so after an edit that
  // adds some. A refused edit redraws the rows, so no control shows a value the network does not have.
  const shape = (edit, args) => {
    const result = actions.changeNetwork(
      (engine) => engine.editShape(edit, args),
      (before, after) => shapeChange(edit, args, before, after),
    );
    if (!result.ok) render();
    note.textContent = result.ok && ['addLayer', 'addNeuron'].includes(edit) ? t('build.zeroHint') : '';
    return result;
  };
  /** The document on screen with some fields changed, through the engine's validator (loadDocument). */
  const withFields = (fields) =>
    actions.loadDocument({ ...document(), ...fields }, { change: fieldsChange(fields, document()) });

  // Listeners on the panel's own elements go with them; nothing outside the panel is listened to.
  trainBiases.addEventListener('change', () => withFields({ trainBiases: trainBiases.checked }).ok || render());
  batch.addEventListener('change', () => {
    const value = Number(batch.value);
    if (!(Number.isInteger(value) && value >= 1 && withFields({ batchSize: value }).ok)) render();
  });

  function layerName(index, count) {
    if (index === 0) return t('build.layer.input');
    if (index === count - 1) return t('build.layer.output');
    return t('build.layer.hidden', { index });
  }

  function button(text, label, testId, onclick, disabled = false) {
    return h('button', {
      type: 'button',
      class: 'build-button',
      text,
      title: label,
      'aria-label': label,
      'data-testid': testId,
      disabled,
      onclick,
    });
  }

  function layerRow(layer, index, layers) {
    const name = layerName(index, layers.length);
    const hidden = index > 0 && index < layers.length - 1;
    const cells = [
      h('span', { class: 'layer-name', text: name }),
      button(
        '−',
        t('build.removeNeuron', { layer: name }),
        `neuron-minus-${index}`,
        () => shape('removeNeuron', { layer: index, index: layer.size - 1 }),
        layer.size <= 1,
      ),
      h('span', { class: 'layer-size', 'data-testid': `layer-size-${index}`, text: String(layer.size) }),
      button(
        '+',
        t('build.addNeuron', { layer: name }),
        `neuron-plus-${index}`,
        () => shape('addNeuron', { layer: index }),
        layer.size >= MAX_NEURONS,
      ),
    ];
    if (index > 0) {
      const activation = select(
        ACTIVATIONS.map((value) => [value, t(`build.activation.${value}`)]),
        layer.activation,
        { 'data-testid': `activation-${index}`, 'aria-label': t('build.activationOf', { layer: name }) },
      );
      activation.addEventListener('change', () => shape('activation', { layer: index, activation: activation.value }));
      const bias = h('input', { type: 'checkbox', 'data-testid': `bias-${index}` });
      bias.checked = Boolean(layer.bias);
      bias.addEventListener('change', () => shape('bias', { layer: index, bias: bias.checked }));
      bias.setAttribute('aria-label', t('build.biasOf', { layer: name }));
      cells.push(activation, h('label', { class: 'build-check' }, [bias, t('build.bias')]));
    }
    if (hidden)
      cells.push(
        button('✕', t('build.removeLayer', { layer: name }), `layer-remove-${index}`, () =>
          shape('removeLayer', { layer: index }),
        ),
      );
    return h('div', { class: 'layer-row', role: 'listitem', 'data-testid': `layer-row-${index}` }, cells);
  }

  /** A new hidden layer at `layer`: 2 neurons, with a bias, the activation of the hidden layer before it (tanh first). */
  function newLayer(layer) {
    const layers = document().layers;
    const before = layers[Math.max(1, Math.min(layer - 1, layers.length - 2))];
    return { layer, index: 2, activation: layers.length > 2 ? before.activation : 'tanh', bias: true };
  }

  function render() {
    const doc = document();
    const layers = doc.layers;
    const hiddenCount = layers.length - 2;
    const add = button(
      t('build.addLayer'),
      t('build.addLayer'),
      'layer-add',
      () => shape('addLayer', newLayer(layers.length - 1)),
      hiddenCount >= MAX_HIDDEN_LAYERS,
    );
    add.classList.add('build-add');
    // The rows are redrawn; the keyboard stays on the control it was on (by its test id, which names its place).
    const focused = container.contains(container.ownerDocument.activeElement)
      ? container.ownerDocument.activeElement.dataset.testid
      : null;
    rows.replaceChildren(...layers.map((layer, index) => layerRow(layer, index, layers)), add);
    const again = focused && container.querySelector(`[data-testid="${CSS.escape(focused)}"]`);
    if (again && !again.disabled) again.focus();
    else if (focused) add.focus();
    trainBiases.checked = doc.trainBiases !== false;
    trainBiases.disabled = !layers.some((layer) => layer.bias);
    batch.max = doc.samples.length;
    batch.value = String(doc.batchSize ?? 1);
  }

  store.subscribe((state, previous) => {
    if (state.loads !== previous.loads) render();
  });
  render();
  // The same edits on the graph, over each layer's column, while this tab is open.
  const strip = graph ? mountGraphStrip(graph, { t, shape, newLayer, layerName, document }) : null;
  return { render, shown: (isShown) => strip?.shown(isShown) };
}
