// The chain rule of a gradient, expanded symbolically from the trace: the gradient event
// (δ of the destination, a of the source) and the delta events behind that δ. Each factor
// carries its Leibniz form, its symbol and its engine value; nothing is multiplied here.
import { ref } from '../state/refs.js';
import { deltaEvent } from './context.js';
import { derivativeTex, linked, num, texName } from './tex.js';

const zOf = (name) => `z_{${texName(name)}}`;

/** The variable the next factor differentiates: the neuron itself if linear, else its z. */
function topOf(delta) {
  return delta.activation === 'linear' ? texName(delta.name) : zOf(delta.name);
}

function activationFactor(delta, decimals) {
  if (delta.activation === 'linear') return [];
  return [
    {
      leibniz: [texName(delta.name), zOf(delta.name)],
      symbol: linked(ref.neuron(delta.name), derivativeTex(delta.activation, zOf(delta.name))),
      value: linked(ref.neuron(delta.name), num(delta.derivative, decimals)),
    },
  ];
}

function deltaFactors(events, sample, name, context) {
  const delta = deltaEvent(events, sample, name);
  if (!delta) return null;
  const { decimals, singleOutput } = context;
  if (delta.output) {
    const symbol = singleOutput ? '\\Delta' : `\\Delta_{${texName(name)}}`;
    return [
      {
        leibniz: ['E', texName(name)],
        symbol: linked(ref.difference(name), symbol),
        value: linked(ref.difference(name), num(delta.difference, decimals)),
      },
      ...activationFactor(delta, decimals),
    ];
  }
  if (delta.terms.length === 1) {
    const [term] = delta.terms;
    const downstream = deltaFactors(events, sample, term.dest, context);
    const destDelta = deltaEvent(events, sample, term.dest);
    if (!downstream || !destDelta) return null;
    return [
      ...downstream,
      {
        leibniz: [topOf(destDelta), texName(name)],
        symbol: linked(ref.weight(term.weight), texName(term.weight)),
        value: linked(ref.weight(term.weight), num(term.w, decimals)),
      },
      ...activationFactor(delta, decimals),
    ];
  }
  const symbol = delta.terms
    .map(
      (term) =>
        `${linked(ref.weight(term.weight), texName(term.weight))}\\,${linked(ref.neuron(term.dest), `\\delta_{${texName(term.dest)}}`)}`,
    )
    .join(' + ');
  const value = delta.terms
    .map(
      (term) =>
        `${linked(ref.weight(term.weight), num(term.w, decimals, true))} \\times ${linked(ref.neuron(term.dest), num(term.delta, decimals, true))}`,
    )
    .join(' + ');
  return [
    { leibniz: ['E', texName(name)], symbol: `(${symbol})`, value: `(${value})`, grouped: true },
    ...activationFactor(delta, decimals),
  ];
}

/** Factors of ∂E/∂parameter for a gradient event, or null if the trace lacks a delta. */
export function gradientChain(events, gradient, context) {
  const factors = deltaFactors(events, gradient.sample, gradient.destName, context);
  if (!factors) return null;
  const destDelta = deltaEvent(events, gradient.sample, gradient.destName);
  const parameter = texName(gradient.parameter);
  if (gradient.type === 'weight') {
    factors.push({
      leibniz: [topOf(destDelta), parameter],
      symbol: linked(ref.neuron(gradient.sourceName), texName(gradient.sourceName)),
      value: linked(ref.neuron(gradient.sourceName), num(gradient.a, context.decimals)),
    });
  } else {
    factors.push({ leibniz: [topOf(destDelta), parameter], symbol: '1', value: '1' });
  }
  return factors;
}
