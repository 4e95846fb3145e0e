// The hint of a question: its formula, first in symbols, then with the engine's numbers put in one factor at a time
// (each Hint press shows one line more). Every number is a trace value formatted for display (formula/tex.js), the
// gradient's factors are the formula card's chain rule (formula/chain.js); the answer itself is never written.
import { changeDecimals } from '../format/change.js';
import { gradientChain } from '../formula/chain.js';
import { activationTex, derivativeTex, linked, num, paren, partial, texName } from '../formula/tex.js';
import { ref } from '../state/refs.js';

const N = (name) => linked(ref.neuron(name), texName(name));
const P = (type, name) => linked(ref.parameter(type, name), texName(name));
const D = (name) => linked(ref.neuron(name), `\\delta_{${texName(name)}}`);
const z = (name) => `z_{${texName(name)}}`;

/** A factor: written `symbol` until its turn comes, then `value`. */
const factor = (symbol, value) => ({ symbol, value });

function forward(event, d) {
  const pieces = [];
  event.terms.forEach((term, k) => {
    if (k > 0) pieces.push(' + ');
    pieces.push(
      factor(N(term.source), num(term.a, d, true)),
      ' \\cdot ',
      factor(P('weight', term.weight), num(term.w, d, true)),
    );
  });
  if (event.bias) pieces.push(' + ', factor(P('bias', event.bias.name), num(event.bias.value, d, true)));
  if (event.activation === 'linear') return { lhs: N(event.name), pieces };
  const f = activationTex(event.activation);
  // Last, the sum itself (the engine's z): what is left is the activation.
  return { lhs: N(event.name), pieces: [`${f}(`, ...pieces, ')'], after: [`${f}(${num(event.z, d)})`] };
}

function error(event, d) {
  const single = event.outputs.length === 1;
  const target = (name) => linked(ref.target(name), single ? 't' : `t_{${texName(name)}}`);
  const pieces = [];
  event.outputs.forEach((output, k) => {
    if (k > 0) pieces.push(' + ');
    pieces.push('(', factor(N(output.name), num(output.prediction, d)), ' - ');
    pieces.push(factor(target(output.name), num(output.target, d, true)), ')^2');
  });
  const squares = event.outputs.map((output) => `${paren(num(output.difference, d))}^2`).join(' + ');
  const [open, close] = single ? ['\\tfrac{1}{2}', ''] : ['\\tfrac{1}{2}\\left(', '\\right)'];
  // Last, the differences (the engine's Δ): what is left is to square and halve them.
  return { lhs: linked(ref.error(), 'E'), pieces: [open, ...pieces, close], after: [`${open}${squares}${close}`] };
}

function delta(event, d, { singleOutput }) {
  const fPrime = factor(derivativeTex(event.activation, z(event.name)), num(event.derivative, d, true));
  if (event.output) {
    const symbol = singleOutput ? '\\Delta' : `\\Delta_{${texName(event.name)}}`;
    const difference = factor(linked(ref.difference(event.name), symbol), num(event.difference, d, true));
    return { lhs: D(event.name), pieces: [difference, ' \\cdot ', fPrime] };
  }
  const pieces = [fPrime, ' \\cdot ('];
  event.terms.forEach((term, k) => {
    if (k > 0) pieces.push(' + ');
    pieces.push(
      factor(P('weight', term.weight), num(term.w, d, true)),
      ' \\cdot ',
      factor(D(term.dest), num(term.delta, d, true)),
    );
  });
  pieces.push(')');
  return { lhs: D(event.name), pieces };
}

function gradient(event, d, context) {
  const lhs = partial('E', P(event.type, event.parameter));
  const chain = gradientChain(context.events, event, { ...context, decimals: d });
  if (chain) {
    const pieces = chain.flatMap((item, k) => [
      ...(k > 0 ? [' \\cdot '] : []),
      factor(item.symbol, item.grouped ? item.value : paren(item.value)),
    ]);
    return { lhs, pieces };
  }
  const pieces = [factor(D(event.destName), num(event.delta, d, true))];
  if (event.type === 'weight') pieces.push(' \\cdot ', factor(N(event.sourceName), num(event.a, d, true)));
  return { lhs, pieces };
}

function update(event, d, { batchSize }) {
  const name = P(event.type, event.parameter);
  const mean = batchSize > 1 ? `\\overline{${partial('E', name)}}` : partial('E', name);
  const old = changeDecimals(event.old, event.new, d);
  return {
    lhs: `${name}'`,
    pieces: [
      factor(name, num(event.old, old)),
      ' - ',
      factor(linked(ref.rate(), '\\eta'), num(event.learningRate, d)),
      ' \\cdot ',
      factor(mean, num(event.gradient, d, true)),
    ],
  };
}

const BUILDERS = { forward, error, delta, gradient, update };

/**
 * The hint lines (TeX) for a question's event: [formula in symbols, then one more factor with its number on each
 * line, …, everything substituted (and, for a sum inside an activation or the error, that value)]; [] for an event
 * the quiz does not ask about. context: { decimals, events (the step's trace), singleOutput, batchSize }.
 */
export function hintLines(event, context) {
  const builder = BUILDERS[event?.kind];
  if (!builder) return [];
  const { lhs, pieces, after = [] } = builder(event, context.decimals, context);
  const factors = pieces.filter((piece) => typeof piece !== 'string').length;
  const line = (shown) => {
    let seen = 0;
    const body = pieces
      .map((piece) => {
        if (typeof piece === 'string') return piece;
        seen += 1;
        return seen <= shown ? piece.value : piece.symbol;
      })
      .join('');
    return `${lhs} = ${body}`;
  };
  return [...Array.from({ length: factors + 1 }, (_, shown) => line(shown)), ...after.map((tex) => `${lhs} = ${tex}`)];
}
