// What can be edited in place, where its value lives in a document, and how to make the document
// with one value replaced (a copy; the original is never changed).
import { parseRef } from '../state/refs.js';

/**
 * A target is a plain object:
 * {kind: 'weight', layer, dest, source} | {kind: 'bias', layer, dest} |
 * {kind: 'input', sample, index} | {kind: 'target', sample, index} | {kind: 'learningRate'}
 * found from the ref of the graph element that shows the value (editTargetOf).
 */
export function valueAt(document, target) {
  switch (target.kind) {
    case 'weight':
      return document.weights[target.layer][target.dest][target.source];
    case 'bias':
      return document.biases?.[target.layer]?.[target.dest] ?? 0;
    case 'input':
      return document.samples[target.sample].input[target.index];
    case 'target':
      return document.samples[target.sample].target[target.index];
    default:
      return document.learningRate;
  }
}

function zeroBiases(document) {
  return document.layers.slice(1).map((layer) => new Array(layer.size).fill(0));
}

export function withValue(document, target, value) {
  const copy = structuredClone(document);
  switch (target.kind) {
    case 'weight':
      copy.weights[target.layer][target.dest][target.source] = value;
      break;
    case 'bias':
      copy.biases = copy.biases ?? zeroBiases(copy);
      copy.biases[target.layer][target.dest] = value;
      break;
    case 'input':
      copy.samples[target.sample].input[target.index] = value;
      break;
    case 'target':
      copy.samples[target.sample].target[target.index] = value;
      break;
    default:
      copy.learningRate = value;
  }
  return copy;
}

function weightAt(labels, name) {
  for (const [layer, rows] of labels.weights.entries())
    for (const [dest, names] of rows.entries()) {
      const source = names.indexOf(name);
      if (source >= 0) return { kind: 'weight', layer, dest, source };
    }
  return null;
}

function biasAt(labels, name) {
  for (const [layer, names] of labels.biases.entries()) {
    const dest = names.indexOf(name);
    if (dest >= 0) return { kind: 'bias', layer, dest };
  }
  return null;
}

/**
 * The value a graph element shows, as a target in the document: `key` is the element's ref, `labels` the
 * network's names, `sample` the sample on screen (inputs and targets are the sample's). Null if it is not
 * editable (a hidden neuron, a delta, the error …).
 */
export function editTargetOf(key, { labels, sample = 0 }) {
  const parsed = parseRef(key);
  const inLayer = (names, kind) => {
    const index = names.indexOf(parsed.name);
    return index < 0 ? null : { kind, sample, index };
  };
  switch (parsed?.kind) {
    case 'weight':
      return weightAt(labels, parsed.name);
    case 'bias':
      return biasAt(labels, parsed.name);
    case 'neuron':
      return inLayer(labels.neurons[0], 'input');
    case 'target':
      return inLayer(labels.neurons.at(-1), 'target');
    case 'rate':
      return { kind: 'learningRate' };
    default:
      return null;
  }
}
