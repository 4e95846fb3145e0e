// The sentence that says what a learner changed and what it did, from a change record (edit/change.js):
// "w5 0.14 → 0.3: the prediction is now 0.327, E 0.226". Numbers are the record's (the engine's), formatted for
// the language; an old and new value that round alike get the digits that tell them apart (format/change.js).
import { formatChange } from '../format/change.js';
import { formatNumber } from '../format/number.js';

function layerName(layer, layers, t) {
  if (layer === 0) return t('change.layer.input');
  if (layer === layers - 1) return t('change.layer.output');
  return t('change.layer.hidden', { index: layer });
}

/** "sample 2’s target 1 → 0.5", "sample 1’s i2 3 → 4": a value of the data, on the graph or in the table. */
function sampleValue({ part, name, sample, outputs, old, value }, { t, pair }) {
  const texts = { ...pair(old, value), sample: sample + 1, name };
  if (part === 'input') return t('change.input', texts);
  return t(outputs > 1 ? 'change.targetOf' : 'change.target', texts);
}

const WHAT = {
  value(what, context) {
    if (what.target === 'input' || what.target === 'target')
      return sampleValue({ ...what, part: what.target }, context);
    return context.t('change.value', { name: what.name, ...context.pair(what.old, what.value) });
  },
  cell: sampleValue,
  neurons: ({ layer, layers, size }, { t }) =>
    t(size === 1 ? 'change.neurons.one' : 'change.neurons', { layer: layerName(layer, layers, t), size }),
  addLayer: ({ layer, size }, { t }) => t('change.addLayer', { index: layer, size }),
  removeLayer: ({ layer }, { t }) => t('change.removeLayer', { index: layer }),
  activation: ({ layer, layers, old, value }, { t }) =>
    t('change.activation', {
      layer: layerName(layer, layers, t),
      old: t(`build.activation.${old}`),
      value: t(`build.activation.${value}`),
    }),
  bias: ({ layer, layers, value }, { t }) =>
    t(value ? 'change.bias.on' : 'change.bias.off', { layer: layerName(layer, layers, t) }),
  initialize: ({ scheme, seed }, { t }) => t('change.initialize', { scheme: t(`build.scheme.${scheme}`), seed }),
  batchSize: ({ old, value }, { t }) => t('change.batchSize', { old, value }),
  trainBiases: ({ value }, { t }) => t(value ? 'change.trainBiases.on' : 'change.trainBiases.off'),
  samples: ({ old, value }, { t }) => t('change.samples', { old, value }),
  data: ({ value }, { t }) => t('change.data', { value }),
  network: (_, { t }) => t('change.network'),
};

function effectText(effect, { t, f }) {
  const after = effect.after ? 'After' : '';
  if (effect.prediction.length === 1)
    return t(`change.effect${after}`, { prediction: f(effect.prediction[0]), error: f(effect.error) });
  const predictions = effect.prediction
    .map((value, k) => `${effect.names[k]} ${f(value)}`)
    .join(t.listSeparator ?? ', ');
  return t(`change.effect${after}.multi`, { predictions, error: f(effect.error) });
}

/** The sentence for a change { what, effect } at `decimals`, in t's language. */
export function changeSentence({ what, effect }, { t, decimals }) {
  const separator = t.decimalSeparator ?? '.';
  const f = (value) => formatNumber(value, decimals, separator);
  const pair = (old, value) => formatChange(old, value, decimals, separator);
  const text = (WHAT[what.kind] ?? WHAT.network)(what, { t, f, pair });
  return effect ? t('change.sentence', { what: text, effect: effectText(effect, { t, f }) }) : text;
}
