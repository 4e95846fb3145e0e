// Shared pieces of the matrix view. Matrices follow the seed post's orientation: one row per
// source neuron, one column per destination neuron ([w1 w3; w2 w4] for the hidden layer).
import { ref } from '../state/refs.js';
import { forwardEvents } from './context.js';
import { current, linked, num, pending, texName } from './tex.js';

export const N = (name) => linked(ref.neuron(name), texName(name));
export const W = (name) => linked(ref.weight(name), texName(name));

/** names[i][j]: the weight from source i of layer l to destination j of layer l + 1. */
export function weightNames(labels, l) {
  return labels.neurons[l].map((_, i) => labels.neurons[l + 1].map((__, j) => labels.weights[l][j][i]));
}

export function weightValues(document, labels, l, decimals) {
  return labels.neurons[l].map((_, i) =>
    labels.neurons[l + 1].map((__, j) =>
      linked(ref.weight(labels.weights[l][j][i]), num(document.weights[l][j][i], decimals)),
    ),
  );
}

/** The activations of layer k for a sample, as the engine computed them (inputs for k = 0). */
export function activations(events, sample, labels, k) {
  if (k === 0) {
    const input = events.find((event) => event.kind === 'input' && event.sample === sample);
    return Object.fromEntries((input?.inputs ?? []).map((item) => [item.name, item.value]));
  }
  return Object.fromEntries(forwardEvents(events, sample, k).map((event) => [event.name, event.a]));
}

/** A value (linked, highlighted when it is the current event's) or "?" if not yet computed. */
export function cell(value, { decimals, refKey, isCurrent = false }) {
  if (value === undefined || value === null) return pending;
  const tex = linked(refKey, num(value, decimals));
  return isCurrent ? current(tex) : tex;
}

export const gradientName = (name) => `\\partial E/\\partial ${texName(name)}`;
