// The matrix view: the current event's whole layer written with vectors and matrices, as the
// seed post does ([h1 h2] = [i1 i2][w1 w3; w2 w4], [w5; w6] ← [w5; w6] − ηΔ[h1; h2] …).
import { ref } from '../state/refs.js';
import { errorEvent, forwardEvents, seen } from './context.js';
import { N, W, cell, weightNames, weightValues } from './matrix-parts.js';
import { backwardMatrix, updateMatrix } from './matrix-backward.js';
import { scalarFormula } from './scalar.js';
import { activationTex, bmatrix, linked, num, row, texName } from './tex.js';

const T = (name, single) => linked(ref.target(name), single ? 't' : `t_{${texName(name)}}`);

function input(event, { decimals }) {
  const x = row(event.inputs.map((item) => N(item.name)));
  const t = row(event.targets.map((item) => T(item.name, false)));
  return {
    symbolic: [`\\mathbf{x} = ${x},\\quad \\mathbf{t} = ${t}`],
    substituted: [
      `\\mathbf{x} = ${row(event.inputs.map((item) => linked(ref.neuron(item.name), num(item.value, decimals))))},\\quad \\mathbf{t} = ${row(event.targets.map((item) => linked(ref.target(item.name), num(item.value, decimals))))}`,
    ],
    result: [`${x} = ${row(event.inputs.map((item) => num(item.value, decimals)))}`],
  };
}

function forward(event, context) {
  const { labels, document, decimals, events, upTo } = context;
  const k = event.layer;
  const src = labels.neurons[k - 1];
  const dst = labels.neurons[k];
  const a = Object.fromEntries(event.terms.map((term) => [term.source, term.a]));
  const done = Object.fromEntries(forwardEvents(seen(events, upTo), event.sample, k).map((item) => [item.name, item]));
  const layer = document.layers[k];
  const biasNames = layer.bias ? labels.biases[k - 1] : null;
  const bias = biasNames ? ` + ${row(biasNames.map((name) => linked(ref.bias(name), texName(name))))}` : '';
  const biasValues = biasNames
    ? ` + ${row(biasNames.map((name, j) => linked(ref.bias(name), num(document.biases?.[k - 1]?.[j] ?? 0, decimals))))}`
    : '';
  const product = `${row(src.map(N))}${bmatrix(weightNames(labels, k - 1).map((items) => items.map(W)))}${bias}`;
  const productValues = `${row(src.map((name) => linked(ref.neuron(name), num(a[name], decimals))))}${bmatrix(weightValues(document, labels, k - 1, decimals))}${biasValues}`;
  const outputs = row(dst.map(N));
  const values = (field) =>
    row(
      dst.map((name) =>
        cell(done[name]?.[field], { decimals, refKey: ref.neuron(name), isCurrent: name === event.name }),
      ),
    );
  if (layer.activation === 'linear') {
    return {
      symbolic: [`${outputs} = ${product}`],
      substituted: [`${outputs} = ${productValues}`],
      result: [`${outputs} = ${values('a')}`],
    };
  }
  const z = row(dst.map((name) => `z_{${texName(name)}}`));
  return {
    symbolic: [`${z} = ${product}`, `${outputs} = ${activationTex(layer.activation)}\\left(${z}\\right)`],
    substituted: [`${z} = ${productValues}`],
    result: [`${z} = ${values('z')}`, `${outputs} = ${values('a')}`],
  };
}

function error(event, { labels, decimals }) {
  const outs = labels.neurons.at(-1);
  const single = outs.length === 1;
  const D = linked(ref.difference(outs[0]), '\\boldsymbol{\\Delta}');
  const E = linked(ref.error(), 'E');
  const diffs = row(
    event.outputs.map((output) => linked(ref.difference(output.name), num(output.difference, decimals))),
  );
  return {
    symbolic: [
      `${D} = ${row(outs.map(N))} - ${row(outs.map((name) => T(name, single)))}`,
      `${E} = \\tfrac{1}{2}\\,${D}${D}^{\\top}`,
    ],
    substituted: [
      `${D} = ${row(event.outputs.map((output) => linked(ref.neuron(output.name), num(output.prediction, decimals))))} - ${row(event.outputs.map((output) => linked(ref.target(output.name), num(output.target, decimals))))}`,
      `${E} = \\tfrac{1}{2}\\,${diffs}${diffs}^{\\top}`,
    ],
    result: [`${D} = ${diffs}`, `${E} = ${linked(ref.error(), num(event.total, decimals))}`],
  };
}

function result(event, { labels, decimals, events }) {
  const outs = labels.neurons.at(-1);
  const before = errorEvent(events, event.sample);
  const E = linked(ref.error(), 'E');
  return {
    symbolic: [`${row(outs.map(N))}^{\\text{new}},\\quad ${E}^{\\text{new}}`],
    substituted: [
      `${row(before ? before.outputs.map((output) => num(output.prediction, decimals)) : outs.map(() => '?'))} \\to ${row(event.prediction.map((value, k) => linked(ref.result(outs[k]), num(value, decimals))))}`,
    ],
    result: [
      `${E}: ${before ? num(before.total, decimals) : '?'} \\to ${linked(ref.result('E'), num(event.error, decimals))}`,
    ],
  };
}

export function matrixFormula(event, context) {
  switch (event?.kind) {
    case 'input':
      return input(event, context);
    case 'forward':
      return forward(event, context);
    case 'error':
      return error(event, context);
    case 'delta':
      return backwardMatrix(event, context);
    case 'gradient':
      return event.type === 'weight' ? backwardMatrix(event, context) : scalarFormula(event, context);
    case 'update':
      return event.type === 'weight' ? updateMatrix(event, context) : scalarFormula(event, context);
    case 'result':
      return result(event, context);
    default:
      return null;
  }
}
