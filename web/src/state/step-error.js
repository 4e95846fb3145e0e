// The error of a step, as the step strip shows it: the trace's meanError (the engine's mean over the batch of each
// sample's E before the update; with one sample, its E). One number per history entry, kept when the entry's trace
// is given back, so the strip never needs the traces. NaN when the trace has none.

export function stepError(trace) {
  const error = trace?.meanError;
  return typeof error === 'number' && Number.isFinite(error) ? error : Number.NaN;
}
