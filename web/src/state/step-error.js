// The error of a step, as the step strip shows it: E of its `error` event (the error before the update, the number
// the step is about), the mean over the samples of a batch. One number per history entry, kept when the entry's
// trace is given back, so the strip never needs the traces. NaN when the trace has no finite error.

export function stepError(trace) {
  const totals = (trace?.events ?? []).filter((event) => event.kind === 'error').map((event) => event.total);
  if (totals.length === 0 || !totals.every(Number.isFinite)) return Number.NaN;
  return totals.reduce((sum, total) => sum + total, 0) / totals.length;
}
