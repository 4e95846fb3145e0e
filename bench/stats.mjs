// Small statistics: median, percentiles, a least-squares line.

export function median(values) {
  return percentile(values, 50);
}

/** Linear interpolation between closest ranks. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** y ≈ intercept + slope · x by least squares, and R². */
export function fitLine(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k += 1) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
    syy += (ys[k] - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let residual = 0;
  for (let k = 0; k < n; k += 1) residual += (ys[k] - intercept - slope * xs[k]) ** 2;
  return { slope, intercept, r2: 1 - residual / syy };
}

/** |a − b| / |b|. */
export function relativeDifference(a, b) {
  return Math.abs(a - b) / Math.abs(b);
}
