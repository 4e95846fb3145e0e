// The matrix view of the backward pass and of the update, for the layer of the current event.
import { ref } from '../state/refs.js';
import { deltaEvent, errorEvent, seen } from './context.js';
import { N, W, activations, cell, gradientName, weightNames, weightValues } from './matrix-parts.js';
import { bmatrix, column, derivativeTex, linked, num, row, texName } from './tex.js';

const ETA = linked(ref.rate(), '\\eta');
const D = (name) => linked(ref.neuron(name), `\\delta_{${texName(name)}}`);

function layerContext(event, context, k) {
  const { labels, events, upTo } = context;
  const sample = event.sample ?? context.sample;
  const visible = seen(events, upTo);
  const src = labels.neurons[k - 1];
  const dst = labels.neurons[k];
  const deltas = Object.fromEntries(dst.map((name) => [name, deltaEvent(visible, sample, name)]));
  const a = activations(events, sample, labels, k - 1);
  const difference = errorEvent(events, sample)?.outputs[0]?.difference;
  return { sample, visible, src, dst, deltas, a, difference, last: k === labels.neurons.length - 1 };
}

/** For the seed's shape: the weights from each hidden neuron to the single output ([w5 w6]). */
const nextWeights = (labels, k) => labels.neurons[k].map((_, j) => labels.weights[k][0][j]);

function gradientMatrix(c, context, k, currentName) {
  const { labels, decimals } = context;
  const names = weightNames(labels, k - 1);
  const found = Object.fromEntries(
    c.visible
      .filter((item) => item.kind === 'gradient' && item.sample === c.sample && item.type === 'weight')
      .map((item) => [item.parameter, item.gradient]),
  );
  return {
    symbols: bmatrix(names.map((items) => items.map((name) => linked(ref.weight(name), gradientName(name))))),
    values: bmatrix(
      names.map((items) =>
        items.map((name) => cell(found[name], { decimals, refKey: ref.weight(name), isCurrent: name === currentName })),
      ),
    ),
  };
}

function deltaLine(c, context, k) {
  const { labels, decimals, document } = context;
  const fPrime = c.dst.map((name) => derivativeTex(document.layers[k].activation, `z_{${texName(name)}}`));
  const fValues = c.dst.map((name) => (c.deltas[name] ? num(c.deltas[name].derivative, decimals) : '?'));
  const results = row(c.dst.map((name) => cell(c.deltas[name]?.delta, { decimals, refKey: ref.neuron(name) })));
  if (c.last) {
    const diffs = c.dst.map((name) =>
      linked(ref.difference(name), c.dst.length === 1 ? '\\Delta' : `\\Delta_{${texName(name)}}`),
    );
    const diffValues = c.dst.map((name) =>
      c.deltas[name] ? linked(ref.difference(name), num(c.deltas[name].difference, decimals)) : '?',
    );
    return {
      symbolic: `${row(c.dst.map(D))} = ${row(diffs)} \\odot ${row(fPrime)}`,
      substituted: `${row(diffValues)} \\odot ${row(fValues)}`,
      result: `${row(c.dst.map(D))} = ${results}`,
    };
  }
  const next = labels.neurons[k + 1];
  const nextDeltas = next.map((name) => deltaEvent(c.visible, c.sample, name));
  const wNames = bmatrix(next.map((_, j) => c.dst.map((__, i) => W(labels.weights[k][j][i]))));
  const wValues = bmatrix(
    next.map((_, j) =>
      c.dst.map((__, i) => linked(ref.weight(labels.weights[k][j][i]), num(document.weights[k][j][i], decimals))),
    ),
  );
  return {
    symbolic: `${row(c.dst.map(D))} = \\left(${row(next.map(D))}${wNames}\\right) \\odot ${row(fPrime)}`,
    substituted: `\\left(${row(nextDeltas.map((item, j) => cell(item?.delta, { decimals, refKey: ref.neuron(next[j]) })))}${wValues}\\right) \\odot ${row(fValues)}`,
    result: `${row(c.dst.map(D))} = ${results}`,
  };
}

export function backwardMatrix(event, context) {
  const { labels, decimals, seedLike } = context;
  const k = event.kind === 'delta' ? event.layer : event.layer + 1;
  const c = layerContext(event, context, k);
  const grads = gradientMatrix(c, context, k, event.kind === 'gradient' ? event.parameter : null);
  const aColumn = column(c.src.map((name) => linked(ref.neuron(name), num(c.a[name], decimals))));
  const dRef = ref.difference(labels.neurons.at(-1)[0]);
  if (seedLike) {
    const tail = c.last ? '' : row(nextWeights(labels, k).map(W));
    const tailValues = c.last
      ? ''
      : row(
          nextWeights(labels, k).map((name, j) =>
            linked(ref.weight(name), num(context.document.weights[k][0][j], decimals)),
          ),
        );
    return {
      symbolic: [`${grads.symbols} = ${linked(dRef, '\\Delta')}${column(c.src.map(N))}${tail}`],
      substituted: [`${linked(dRef, num(c.difference, decimals, true))}${aColumn}${tailValues}`],
      result: [`= ${grads.values}`],
    };
  }
  const line = deltaLine(c, context, k);
  const deltaRow = row(c.dst.map((name) => cell(c.deltas[name]?.delta, { decimals, refKey: ref.neuron(name) })));
  return {
    symbolic: [line.symbolic, `${grads.symbols} = ${column(c.src.map(N))}${row(c.dst.map(D))}`],
    substituted: [line.substituted, `${aColumn}${deltaRow}`],
    result: [line.result, `= ${grads.values}`],
  };
}

export function updateMatrix(event, context) {
  const { labels, decimals, document, seedLike, batchSize } = context;
  const l = event.layer;
  const k = l + 1;
  const c = layerContext({ sample: context.sample }, context, k);
  const names = weightNames(labels, l);
  const updates = Object.fromEntries(
    seen(context.events, context.upTo)
      .filter((item) => item.kind === 'update' && item.type === 'weight')
      .map((item) => [item.parameter, item]),
  );
  const M = bmatrix(names.map((items) => items.map(W)));
  const oldValues = bmatrix(weightValues(document, labels, l, decimals));
  const newValues = bmatrix(
    names.map((items) =>
      items.map((name) =>
        cell(updates[name]?.new, { decimals, refKey: ref.weight(name), isCurrent: name === event.parameter }),
      ),
    ),
  );
  const eta = linked(ref.rate(), num(document.learningRate, decimals));
  const aColumn = column(c.src.map((name) => linked(ref.neuron(name), num(c.a[name], decimals))));
  let step;
  if (seedLike) {
    const dRef = ref.difference(labels.neurons.at(-1)[0]);
    const tail = c.last ? '' : row(nextWeights(labels, k).map(W));
    const tailValues = c.last
      ? ''
      : row(
          nextWeights(labels, k).map((name, j) => linked(ref.weight(name), num(document.weights[k][0][j], decimals))),
        );
    step = {
      symbolic: `${ETA}${linked(dRef, '\\Delta')}${column(c.src.map(N))}${tail}`,
      substituted: `${eta}\\,${linked(dRef, num(c.difference, decimals, true))}${aColumn}${tailValues}`,
    };
  } else if (batchSize === 1) {
    const deltaRow = row(c.dst.map((name) => cell(c.deltas[name]?.delta, { decimals, refKey: ref.neuron(name) })));
    step = {
      symbolic: `${ETA}${column(c.src.map(N))}${row(c.dst.map(D))}`,
      substituted: `${eta}\\,${aColumn}${deltaRow}`,
    };
  } else {
    const mean = bmatrix(
      names.map((items) => items.map((name) => cell(updates[name]?.gradient, { decimals, refKey: ref.weight(name) }))),
    );
    step = { symbolic: `${ETA}\\,\\overline{\\nabla}`, substituted: `${eta}${mean}` };
  }
  return {
    symbolic: [`${M} \\leftarrow ${M} - ${step.symbolic}`],
    substituted: [`${oldValues} - ${step.substituted}`],
    result: [`${M} = ${newValues}`],
  };
}
