// What can be edited in place, how it is named, where its value lives in a document, and how
// to make the document with one value replaced (a copy; the original is never changed).

/**
 * A target is a plain object:
 * {kind: 'weight', layer, dest, source} | {kind: 'bias', layer, dest} |
 * {kind: 'input', sample, index} | {kind: 'target', sample, index} | {kind: 'learningRate'}
 * Graph elements carry it as data-edit="weight:0:0:0" (see parseTargetKey).
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

/** The inverse of targetKey (keys are stored on graph elements as data-edit). */
export function parseTargetKey(key) {
  const [kind, ...parts] = String(key).split(':');
  const n = parts.map(Number);
  switch (kind) {
    case 'weight':
      return { kind, layer: n[0], dest: n[1], source: n[2] };
    case 'bias':
      return { kind, layer: n[0], dest: n[1] };
    case 'input':
    case 'target':
      return { kind, sample: n[0], index: n[1] };
    case 'learningRate':
      return { kind };
    default:
      return null;
  }
}
