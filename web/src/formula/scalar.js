// The scalar view: for one event, the symbolic formula, the same with the engine's numbers,
// and the result. Each part is a list of TeX lines.
import { changeDecimals } from '../format/change.js';
import { ref } from '../state/refs.js';
import { gradientChain } from './chain.js';
import { errorEvent } from './context.js';
import { activationTex, derivativeTex, linked, num, paren, partial, text, texName } from './tex.js';

const N = (name) => linked(ref.neuron(name), texName(name));
const W = (name) => linked(ref.weight(name), texName(name));
const P = (type, name) => linked(ref.parameter(type, name), texName(name));
const ETA = linked(ref.rate(), '\\eta');

function input(event, { decimals, t }) {
  const values = event.inputs.map(
    (item) => `${N(item.name)} = ${linked(ref.neuron(item.name), num(item.value, decimals))}`,
  );
  const targets = event.targets.map(
    (item) =>
      `${linked(ref.target(item.name), `t_{${texName(item.name)}}`)} = ${linked(ref.target(item.name), num(item.value, decimals))}`,
  );
  return {
    symbolic: [
      `\\mathbf{x} = (${event.inputs.map((item) => N(item.name)).join(', ')}),\\quad \\mathbf{t} = (${event.targets.map((item) => linked(ref.target(item.name), `t_{${texName(item.name)}}`)).join(', ')})`,
    ],
    substituted: [[...values, ...targets].join(',\\quad ')],
    result: [text(t('formula.sample', { index: event.sample + 1 }))],
  };
}

function forward(event, { decimals }) {
  const name = N(event.name);
  const linear = event.activation === 'linear';
  const sum = event.terms.map((term) => `${N(term.source)}\\,${W(term.weight)}`);
  const numbers = event.terms.map(
    (term) =>
      `${linked(ref.neuron(term.source), num(term.a, decimals, true))} \\times ${linked(ref.weight(term.weight), num(term.w, decimals, true))}`,
  );
  if (event.bias) {
    sum.push(P('bias', event.bias.name));
    numbers.push(linked(ref.bias(event.bias.name), num(event.bias.value, decimals, true)));
  }
  const z = `z_{${texName(event.name)}}`;
  if (linear) {
    return {
      symbolic: [`${name} = ${sum.join(' + ')}`],
      substituted: [`${name} = ${numbers.join(' + ')}`],
      result: [`${name} = ${linked(ref.neuron(event.name), num(event.a, decimals))}`],
    };
  }
  const f = activationTex(event.activation);
  return {
    symbolic: [`${z} = ${sum.join(' + ')}`, `${name} = ${f}(${z})`],
    substituted: [
      `${z} = ${numbers.join(' + ')} = ${num(event.z, decimals)}`,
      `${name} = ${f}(${num(event.z, decimals)})`,
    ],
    result: [`${name} = ${linked(ref.neuron(event.name), num(event.a, decimals))}`],
  };
}

function error(event, { decimals }) {
  const single = event.outputs.length === 1;
  const delta = (name) => linked(ref.difference(name), single ? '\\Delta' : `\\Delta_{${texName(name)}}`);
  const target = (name) => linked(ref.target(name), single ? 't' : `t_{${texName(name)}}`);
  const E = linked(ref.error(), 'E');
  const differences = event.outputs.map(
    (output) => `${delta(output.name)} = ${N(output.name)} - ${target(output.name)}`,
  );
  const numbers = event.outputs.map(
    (output) =>
      `${delta(output.name)} = ${linked(ref.neuron(output.name), num(output.prediction, decimals))} - ${linked(ref.target(output.name), num(output.target, decimals, true))} = ${linked(ref.difference(output.name), num(output.difference, decimals))}`,
  );
  // With several outputs each square is an output's own error (its cell E(o1) in the error panel).
  const squares = event.outputs
    .map((output) => {
      const square = `${paren(num(output.difference, decimals))}^2`;
      return single ? square : linked(ref.error(output.name), square);
    })
    .join(' + ');
  return {
    symbolic: [...differences, single ? `${E} = \\tfrac{1}{2}\\Delta^2` : `${E} = \\tfrac{1}{2}\\sum_k \\Delta_k^2`],
    substituted: [...numbers, `${E} = \\tfrac{1}{2}${single ? squares : `\\left(${squares}\\right)`}`],
    result: [`${E} = ${linked(ref.error(), num(event.total, decimals))}`],
  };
}

function delta(event, { decimals, singleOutput }) {
  const d = linked(ref.neuron(event.name), `\\delta_{${texName(event.name)}}`);
  const z = `z_{${texName(event.name)}}`;
  const fPrime = derivativeTex(event.activation, z);
  const result = [`${d} = ${linked(ref.neuron(event.name), num(event.delta, decimals))}`];
  if (event.output) {
    const diff = linked(ref.difference(event.name), singleOutput ? '\\Delta' : `\\Delta_{${texName(event.name)}}`);
    return {
      symbolic: [`${d} = ${partial('E', z)} = ${diff}\\cdot ${fPrime}`],
      substituted: [
        `${d} = ${linked(ref.difference(event.name), num(event.difference, decimals, true))} \\times ${num(event.derivative, decimals, true)}`,
      ],
      result,
    };
  }
  const sum = event.terms
    .map((term) => `${W(term.weight)}\\,${linked(ref.neuron(term.dest), `\\delta_{${texName(term.dest)}}`)}`)
    .join(' + ');
  const numbers = event.terms
    .map(
      (term) =>
        `${linked(ref.weight(term.weight), num(term.w, decimals, true))} \\times ${linked(ref.neuron(term.dest), num(term.delta, decimals, true))}`,
    )
    .join(' + ');
  return {
    symbolic: [`${d} = ${partial('E', z)} = ${fPrime}\\cdot(${sum})`],
    substituted: [`${d} = ${num(event.derivative, decimals, true)} \\times (${numbers})`],
    result,
  };
}

function gradient(event, context) {
  const { decimals } = context;
  const dE = partial('E', P(event.type, event.parameter));
  const result = [`${dE} = ${linked(ref.parameter(event.type, event.parameter), num(event.gradient, decimals))}`];
  const factors = gradientChain(context.events, event, context);
  const deltaForm = `${linked(ref.neuron(event.destName), `\\delta_{${texName(event.destName)}}`)}${event.type === 'weight' ? `\\,${N(event.sourceName)}` : ''}`;
  if (!factors)
    return {
      symbolic: [`${dE} = ${deltaForm}`],
      substituted: [`${dE} = ${num(event.delta, decimals, true)} \\times ${num(event.a ?? 1, decimals, true)}`],
      result,
    };
  const leibniz = factors.map((factor) => partial(...factor.leibniz)).join('\\cdot ');
  const symbols = factors.map((factor) => factor.symbol).join('\\cdot ');
  const values = factors.map((factor) => (factor.grouped ? factor.value : paren(factor.value))).join('');
  return {
    symbolic: [`${dE} = ${leibniz}`, `\\phantom{${dE}} = ${deltaForm} = ${symbols}`],
    substituted: [`${dE} = ${values}`],
    result,
  };
}

function update(event, { decimals: chosen, batchSize }) {
  const name = P(event.type, event.parameter);
  const decimals = changeDecimals(event.old, event.new, chosen); // old and new told apart (format/change.js)
  const mean = batchSize > 1 ? `\\overline{${partial('E', name)}}` : partial('E', name);
  return {
    symbolic: [`${name} \\leftarrow ${name} - ${ETA}\\,${mean}`],
    substituted: [
      `${name} \\leftarrow ${num(event.old, decimals)} - ${linked(ref.rate(), num(event.learningRate, chosen))} \\times ${num(event.gradient, chosen, true)}`,
    ],
    result: [`${name} = ${linked(ref.parameter(event.type, event.parameter), num(event.new, decimals))}`],
  };
}

function result(event, { decimals, t, events, outputNames }) {
  const before = errorEvent(events, event.sample);
  const arrow = (from, to) => `${from} \\to ${to}`;
  const predictions = event.prediction.map((value, k) => {
    const name = outputNames[k];
    const old = before ? num(before.outputs[k].prediction, decimals) : '?';
    return `${N(name)}: ${arrow(old, linked(ref.result(name), num(value, decimals)))}`;
  });
  return {
    symbolic: [text(t('formula.resultSymbolic'))],
    substituted: predictions,
    result: [
      `${linked(ref.error(), 'E')}: ${arrow(before ? linked(ref.error(), num(before.total, decimals)) : '?', linked(ref.result('E'), num(event.error, decimals)))}`,
    ],
  };
}

const BUILDERS = { input, forward, error, delta, gradient, update, result };

/** {symbolic, substituted, result}: lists of TeX lines for the event. */
export function scalarFormula(event, context) {
  const builder = BUILDERS[event?.kind];
  return builder ? builder(event, context) : null;
}
