// The targets, checked against one run's results: [{ target, measured, holds }].

export const KB = 1000; // bytes

/** Throughput ratio a / b on one problem. */
export const ratio = (throughput, a, b) => throughput[a].samplesPerSecond / throughput[b].samplesPerSecond;

export const times = (x) => (x >= 100 ? `${Math.round(x).toLocaleString('en-US')}×` : `${x.toFixed(2)}×`);

export function targets({ problems, throughput, trace, scaling, page }) {
  const list = [];
  for (const p of problems) {
    const t = throughput[p.id];
    for (const [peer, name, least] of [
      ['js', 'the JS loop', 1.5],
      ['brain', 'brain.js', 3],
      ['native', 'native', 0.8],
    ]) {
      const r = ratio(t, 'wasm', peer);
      list.push({ target: `${p.sizes.join('-')}: WASM ≥ ${least}× ${name}`, measured: times(r), holds: r >= least });
    }
  }
  const seed = trace.find((row) => row.label === 'seed');
  list.push({
    target: 'trace of the seed step ≤ 20 µs',
    measured: `${seed.stepMicros.toFixed(1)} µs`,
    holds: seed.stepMicros <= 20,
  });
  if (page) {
    list.push(
      {
        target: 'first network drawn ≤ 250 ms after navigation',
        measured: `${Math.round(page.drawnMs)} ms`,
        holds: page.drawnMs <= 250,
      },
      {
        target: '≤ 150 KB gzip before it is drawn',
        measured: `${(page.beforeBytes / KB).toFixed(1)} KB`,
        holds: page.beforeBytes <= 150 * KB,
      },
      {
        target: '≤ 300 KB gzip in total',
        measured: `${(page.totalBytes / KB).toFixed(1)} KB`,
        holds: page.totalBytes <= 300 * KB,
      },
      {
        target: 'p95 frame ≤ 16.7 ms (2-8-8-8-8-1 step)',
        measured: `${page.frames.p95.toFixed(2)} ms`,
        holds: page.frames.p95 <= 16.7,
      },
    );
  }
  list.push({
    target: 'scaling: R² ≥ 0.99',
    measured: scaling.fit.r2.toFixed(4),
    holds: scaling.fit.r2 >= 0.99,
  });
  return list;
}
