// What a learner changed, as a plain record the sentence (narration/change-sentence.js) and the step strip's marker
// read: a value typed on the graph, the shape of the network, its fields or its data, with the effect the engine
// computed for the edited step (its trace's prediction and E). Numbers are the engine's and the document's, never
// recomputed here; records are serializable and say nothing in any language.

/** The name a value has on the graph (w5, b1, i2, o1; η for the learning rate). */
function nameOf(target, labels) {
  switch (target.kind) {
    case 'weight':
      return labels.weights[target.layer][target.dest][target.source];
    case 'bias':
      return labels.biases[target.layer][target.dest];
    case 'input':
      return labels.neurons[0][target.index];
    case 'target':
      return labels.neurons.at(-1)[target.index];
    default:
      return 'η';
  }
}

/** A value typed on the graph: { kind: 'value', target (its kind), name, sample, outputs, old, value }. */
export function valueChange(target, { labels, old, value }) {
  return {
    kind: 'value',
    target: target.kind,
    name: nameOf(target, labels),
    sample: target.sample ?? null,
    outputs: labels.neurons.at(-1).length,
    old,
    value,
  };
}

/**
 * What the edited step computes, from its trace: the prediction and E of `sample` (without one, the step's first
 * sample) before the update, or (`after`, for the learning rate, which changes only the update) after it. Null when
 * the step has no such sample (a sample of the data the step does not use) or no finite numbers.
 */
export function effectOf(trace, { sample = null, after = false, outputNames }) {
  const kind = after ? 'result' : 'error';
  const events = (trace?.events ?? []).filter((event) => event.kind === kind);
  const event = sample === null ? events[0] : events.find((item) => item.sample === sample);
  if (!event) return null;
  const prediction = after ? event.prediction : event.outputs.map((output) => output.prediction);
  const error = after ? event.error : event.total;
  if (!Number.isFinite(error) || !prediction.every(Number.isFinite)) return null;
  return { after, prediction, names: outputNames, error };
}

/** A shape edit (engine.editShape(edit, args)) from document `before` to `after`. */
export function shapeChange(edit, args, before, after) {
  const layers = after.layers.length;
  switch (edit) {
    case 'addNeuron':
    case 'removeNeuron':
      return { kind: 'neurons', layer: args.layer, layers, size: after.layers[args.layer].size };
    case 'addLayer':
      return { kind: 'addLayer', layer: args.layer, layers, size: after.layers[args.layer].size };
    case 'removeLayer':
      return { kind: 'removeLayer', layer: args.layer, layers: before.layers.length };
    case 'activation':
      return {
        kind: 'activation',
        layer: args.layer,
        layers,
        old: before.layers[args.layer].activation ?? 'linear',
        value: args.activation,
      };
    case 'bias':
      return { kind: 'bias', layer: args.layer, layers, value: Boolean(args.bias) };
    default:
      return { kind: 'network' };
  }
}

/** New weights by a scheme and a seed. */
export const initializeChange = ({ scheme, seed }) => ({ kind: 'initialize', scheme, seed });

/** Fields of the document changed in the Network panel: trained biases, the batch size. */
export function fieldsChange(fields, before) {
  if ('batchSize' in fields) return { kind: 'batchSize', old: before.batchSize ?? 1, value: fields.batchSize };
  if ('trainBiases' in fields) return { kind: 'trainBiases', value: Boolean(fields.trainBiases) };
  return { kind: 'network' };
}

/**
 * New samples: one number changed ({ kind: 'cell', sample, part: 'input' | 'target', name, outputs, old, value }),
 * or how many there are ({ kind: 'samples', old, value }), or else { kind: 'data', value: count }.
 */
export function dataChange(before, after, { inputNames, outputNames }) {
  if (before.length !== after.length) return { kind: 'samples', old: before.length, value: after.length };
  const cells = [];
  after.forEach((sample, k) => {
    for (const part of ['input', 'target'])
      sample[part].forEach((value, index) => {
        const old = before[k][part][index];
        if (!Object.is(old, value)) cells.push({ sample: k, part, index, old, value });
      });
  });
  if (cells.length !== 1) return { kind: 'data', value: after.length };
  const [cell] = cells;
  const name = (cell.part === 'input' ? inputNames : outputNames)[cell.index];
  return {
    kind: 'cell',
    sample: cell.sample,
    part: cell.part,
    name,
    outputs: outputNames.length,
    old: cell.old,
    value: cell.value,
  };
}
