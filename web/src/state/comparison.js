// The standard step beside a variant's, value by value: each sample's prediction and error after the step (the
// `result` events) and every parameter's new value (the `update` events), both as the engine computed them. A
// parameter one of the two does not update (fixed biases) keeps its value: its `old`, copied. No number is made here:
// how far two values differ is read from their digits (format/pair.js), not computed.
import { ref } from './refs.js';

const byKey = (events, key) => new Map(events.map((event) => [key(event), event]));

/** Keys of both maps, the first's order first. */
const union = (first, second) => [...new Set([...first.keys(), ...second.keys()])];

// present: whether each step has the value at all (a batch variant has results for samples the standard step does
// not reach): one that is missing is not a difference. null where present is an overflow, which differs.
function row(fields, standard, variant, present = [true, true]) {
  const differs = present[0] && present[1] && standard !== variant;
  return { ...fields, standard, variant, present, differs };
}

function resultRows(standard, variant, outputs) {
  const kind = (trace) =>
    byKey(
      trace.events.filter((e) => e.kind === 'result'),
      (e) => e.sample,
    );
  const [s, v] = [kind(standard), kind(variant)];
  const samples = union(s, v).sort((a, b) => a - b);
  return samples.flatMap((sample) => {
    const [left, right] = [s.get(sample), v.get(sample)];
    const present = [Boolean(left), Boolean(right)];
    const predictions = outputs.map((name, j) =>
      row(
        { kind: 'prediction', name, sample, ref: ref.result(name) },
        left?.prediction?.[j] ?? null,
        right?.prediction?.[j] ?? null,
        present,
      ),
    );
    const error = row(
      { kind: 'error', name: 'E', sample, ref: ref.result('E') },
      left?.error ?? null,
      right?.error ?? null,
      present,
    );
    return [...predictions, error];
  });
}

function parameterRows(standard, variant) {
  const updates = (trace) =>
    byKey(
      trace.events.filter((e) => e.kind === 'update'),
      (e) => e.parameter,
    );
  const [s, v] = [updates(standard), updates(variant)];
  return union(s, v).map((name) => {
    const [left, right] = [s.get(name), v.get(name)];
    const { type, old } = left ?? right;
    return row(
      { kind: 'parameter', name, type, ref: ref.parameter(type, name), old, updated: [Boolean(left), Boolean(right)] },
      left ? left.new : old,
      right ? right.new : old,
    );
  });
}

/**
 * The two traces' values side by side: { results, parameters, differing, samples }. Rows: { kind ('prediction',
 * 'error', 'parameter'), name, ref, standard, variant, present, differs }; results also have `sample`,
 * parameters `type`, `old` and `updated` ([by the standard step, by the variant]). `differing`: the rows that differ;
 * `samples`: how many samples the results are about. `outputs`: the output neurons' names (labels.neurons.at(-1)).
 */
export function compareSteps(standard, variant, outputs) {
  const results = resultRows(standard, variant, outputs);
  const parameters = parameterRows(standard, variant);
  const differing = [...results, ...parameters].filter((r) => r.differs);
  return { results, parameters, differing, samples: new Set(results.map((r) => r.sample)).size };
}
