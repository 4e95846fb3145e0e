// The bars of the step strip: one per history entry while they fit (each between MIN_SLOT and MAX_SLOT px wide, from
// the left, so the strip grows as the learner steps on), else bins of consecutive entries, one bar each (1,000 steps
// in 390 px: 16 steps a bar). Pure: numbers in, bars out.

export const MIN_SLOT = 4;
export const MAX_SLOT = 20;

/**
 * The bars for `entries` ([{error, edited, trained}]) in `width` px, the cursor on entry `current`:
 * { slot (px per bar), size (entries per bar), bars: [{ start, end (inclusive), error (the largest finite E of its
 * steps, one of the engine's numbers: nothing is averaged here; NaN without one), edited, trained, current }] }.
 */
export function stripBins(entries, width, current) {
  const count = entries.length;
  const room = Math.max(MIN_SLOT, width);
  const size = Math.max(1, Math.ceil((count * MIN_SLOT) / room));
  const bins = Math.ceil(count / size);
  const slot = bins === 0 ? MAX_SLOT : Math.max(MIN_SLOT, Math.min(MAX_SLOT, room / bins));
  const bars = [];
  for (let start = 0; start < count; start += size) {
    const end = Math.min(count, start + size) - 1;
    const group = entries.slice(start, end + 1);
    const errors = group.map((entry) => entry.error).filter(Number.isFinite);
    bars.push({
      start,
      end,
      error: errors.length ? Math.max(...errors) : Number.NaN,
      edited: group.some((entry) => entry.edited),
      trained: group.some((entry) => entry.trained),
      current: start <= current && current <= end,
    });
  }
  return { slot, size, bars };
}

/** The entry under x px from the strip's left edge (clamped to the entries there are). */
export function entryAt(x, { slot, size }, count) {
  if (count === 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.floor((x / slot) * size)));
}

// Past this ratio between the largest and the smallest E, heights follow log E (a training run falls by powers of
// ten: on a linear scale all but its first bars would be flat); down to LOG_DECADES below the largest.
const LOG_FROM = 100;
const LOG_DECADES = 6;

/**
 * A bar height in [0, 1] for each error: E / the largest E, or, when the errors span more than LOG_FROM, log E
 * between the largest and up to LOG_DECADES powers of ten under it. { heights, log }: NaN and ≤ 0 are 0.
 */
export function barHeights(errors) {
  const positive = errors.filter((error) => Number.isFinite(error) && error > 0);
  const largest = Math.max(...positive, 0);
  const smallest = Math.min(...positive, largest);
  const log = largest > 0 && largest / smallest > LOG_FROM;
  const floor = Math.log10(largest) - Math.min(LOG_DECADES, Math.log10(largest / smallest));
  const height = (error) => {
    if (!(Number.isFinite(error) && error > 0)) return 0;
    if (!log) return error / largest;
    return (Math.log10(error) - floor) / (Math.log10(largest) - floor);
  };
  return { heights: errors.map((error) => Math.max(0, Math.min(1, height(error)))), log };
}
