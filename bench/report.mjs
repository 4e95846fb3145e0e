// The Markdown report of one run.
import { LEARNING_RATE, SAMPLES } from './data.mjs';
import { relativeDifference } from './stats.mjs';
import { KB, ratio, targets, times } from './targets.mjs';
import { RUNS, TARGET_SECONDS } from './throughput.mjs';

export const FLOAT64_TOLERANCE = 1e-9;
export const FLOAT32_TOLERANCE = 1e-6;

const integer = (x) => Math.round(x).toLocaleString('en-US');
const mark = (holds) => (holds ? '✓' : '✗');
const exponent = (x) => (x === 0 ? '0' : x.toExponential(1));
const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function machineSection({ date, machine, page, loadAfter, seconds }) {
  const m = machine;
  return [
    `# backstep bench — ${date}`,
    '',
    `Produced by \`npm run bench\` (scripts/bench.sh → bench/run.mjs) in ${Math.round(seconds)} s.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB; ${m.os}`,
    `- Tools: Node ${m.node}; ${m.emcc} (WASM engine, CMake Release); ${m.gxx} (native, -O2 -DNDEBUG)` +
      (page ? `; Chromium ${page.chromium} (headless, --disable-gpu)` : ''),
    `- Libraries: ${m.packages.join(', ')}`,
    `- Load average (1 min) at start ${m.load.toFixed(2)}, at end ${loadAfter.toFixed(2)}: ` +
      'other work on the machine makes every figure slower and noisier.',
    `- Method: every figure is the median of ${RUNS} timed runs after a warm-up; a training run is about ` +
      `${TARGET_SECONDS} s of whole epochs, each from the same start; the runs are interleaved across the ` +
      'implementations (run 1 of each, then run 2 of each, …).',
  ].join('\n');
}

function throughputSection({ problems, peers, throughput }) {
  const header = ['Implementation', 'Precision'];
  for (const p of problems) header.push(`${p.sizes.join('-')} samples/s`);
  for (const p of problems) header.push(`${p.sizes.join('-')} loss after 1 epoch (rel. diff)`);
  header.push('Agrees', 'Notes');
  const rows = peers.map((peer) => {
    const row = [peer.label, peer.precision];
    for (const p of problems) row.push(integer(throughput[p.id][peer.id].samplesPerSecond));
    let agrees = true;
    const tolerance = peer.precision === 'float64' ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
    for (const p of problems) {
      const { loss } = throughput[p.id][peer.id];
      const difference = relativeDifference(loss, throughput[p.id].wasm.loss);
      agrees &&= difference <= tolerance;
      row.push(`${loss.toPrecision(17)} (${exponent(difference)})`);
    }
    row.push(`${mark(agrees)} ≤ ${exponent(tolerance)}`, peer.notes);
    return row;
  });
  const ratios = [
    ['WASM / hand-written JS loop', 'wasm', 'js', '≥ 1.5×'],
    ['WASM / brain.js (as shipped)', 'wasm', 'brain', '≥ 3×'],
    ['WASM / native', 'wasm', 'native', '≥ 0.8×'],
    ['WASM in a Worker / WASM', 'worker', 'wasm', '≈ 1×'],
    ['native / hand-written JS loop', 'native', 'js', ''],
  ].map(([name, a, b, target]) => [name, ...problems.map((p) => times(ratio(throughput[p.id], a, b))), target]);
  const [circle, random] = problems;
  return [
    '## 1. Training throughput',
    '',
    `Per-sample SGD (batch 1, samples in a fixed order), tanh in every layer including the output, a bias in every ` +
      `layer (brain.js and convnetjs cannot leave them out), loss ½Σ(y−t)², η = ${LEARNING_RATE}, ` +
      `${SAMPLES.toLocaleString('en-US')} samples per epoch. ${circle.sizes.join('-')}: the circle set (points ` +
      `uniform in [−6, 6]², +1 inside radius 3, −1 outside); ${random.sizes.join('-')}: inputs and targets uniform ` +
      'in [−1, 1]. Data and initial parameters (weights U(±1/√fan-in), biases U(±0.1)) come from SplitMix64 and are ' +
      'the same for every implementation. The loss is the mean ½Σ(y−t)² over the set, in float64 (bench/data.mjs), ' +
      `with each implementation's parameters after one epoch from the shared start; rel. diff is against backstep ` +
      `WASM. Tolerance ${exponent(FLOAT64_TOLERANCE)} for float64, ${exponent(FLOAT32_TOLERANCE)} for float32 ` +
      'storage.',
    '',
    table(header, rows),
    '',
    table(['Ratio (samples/s)', ...problems.map((p) => p.sizes.join('-')), 'Target'], ratios),
    '',
    'brain.js 1.6.1 uses the same update rule (δ = (1 − y²)(t − y) at the output, w += η·δ·a, b += η·δ, per ' +
      'sample, hidden deltas with the old weights) but keeps its weights, activations and inputs in Float32Array, ' +
      'refuses momentum 0 (5e-324 is used: its product with a change below 0.5 is 0) and computes the training ' +
      'error on every iteration; with its arrays swapped for Float64Array it agrees to float64 rounding. ' +
      "tfjs-core's Node bundle registers no gradients (@tensorflow/tfjs does): the seven the loss needs are " +
      "registered from tfjs-core's own gradient definitions (bench/peers/tfjs-gradients.mjs).",
  ].join('\n');
}

function traceSection({ trace }) {
  const rows = trace.map((row) => [
    row.label,
    row.stepMicros.toFixed(1),
    row.trainMicros.toPrecision(3),
    times(row.stepMicros / row.trainMicros),
    integer(row.bytes),
    integer(row.events),
  ]);
  return [
    '## 2. Trace cost',
    '',
    'A traced step through the public JS API, `engine.step()`: the C++ trace in binary (doubles and codes read ' +
      'in place in wasm memory, names from a string table kept per document) and the objects JavaScript builds ' +
      'from it; beside a plain training step of the same document (`engine.train`, per step). Bytes: what one ' +
      'step hands JavaScript (8 per number, 4 per code, 28 for where they are; cpp/engine/TRACE.md, "Binary form").',
    '',
    table(['Network', 'µs per traced step', 'µs per training step', 'traced / training', 'bytes', 'events'], rows),
  ].join('\n');
}

function scalingSection({ scaling }) {
  const { points, fit } = scaling;
  const rows = points.map((p) => [
    p.sizes.join('-'),
    integer(p.weights),
    integer(p.microsPerEpoch),
    ((p.microsPerEpoch * 1000) / p.weights / SAMPLES).toFixed(2),
  ]);
  return [
    '## 3. Scaling',
    '',
    `WASM engine, \`engine.train\`, 2-h-h-1 networks (tanh, biases) on the circle set, ${SAMPLES} samples per ` +
      'epoch. Least-squares line: time per epoch = ' +
      `${fit.intercept.toFixed(1)} µs + ${fit.slope.toFixed(4)} µs × weights ` +
      `(${((fit.slope * 1000) / SAMPLES).toFixed(3)} ns per weight per sample), R² = ${fit.r2.toFixed(4)}.`,
    '',
    table(['Network', 'weights', 'µs per epoch', 'ns per weight per sample'], rows),
  ].join('\n');
}

function pageSection({ page }) {
  if (!page) return '## 4. Page\n\nNot measured (--no-page).';
  const f = page.frames;
  const largest = [...page.requests]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5)
    .map((r) => `${r.path.replace(/^\/assets\//, '')} ${(r.bytes / KB).toFixed(1)} KB`)
    .join(', ');
  const visits = page.drawnRuns.map(Math.round).join(', ');
  const rows = [
    [
      'first network drawn, ms after navigation',
      `${Math.round(page.drawnMs)} (DOM ${Math.round(page.domMs)}; visits ${visits})`,
    ],
    ['its engine ready (the next step, edits, the workbench), ms after navigation', `${Math.round(page.readyMs)}`],
    [
      'a blank page (one module, one circle): its first frame, ms after navigation',
      `${Math.round(page.blankMs)} (visits ${page.blankRuns.map(Math.round).join(', ')})`,
    ],
    ['gzip bytes before it is drawn', `${(page.beforeBytes / KB).toFixed(1)} KB`],
    ['gzip bytes in total, page settled', `${(page.totalBytes / KB).toFixed(1)} KB (${page.requests.length} requests)`],
    [
      'frame time, 2-8-8-8-8-1 step playing',
      `median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, max ${f.max.toFixed(1)} ms; ` +
        `${f.late} of ${f.count} frames over 25 ms`,
    ],
    ...Object.entries(f.perPhase).map(([phase, p]) => [
      `… ${phase} phase`,
      `median ${p.median.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms (${p.count} frames)`,
    ]),
  ];
  return [
    '## 4. Page',
    '',
    'The production page (`vite build` into build/bench-dist) in headless Chromium (playwright-core, ' +
      '/usr/bin/chromium, software rendering), 1280×800, served from 127.0.0.1 by bench/server.mjs with gzip -9 ' +
      '(html, js, css, wasm), no cache; a fresh browser context per visit, median of ' +
      `${page.drawnRuns.length} visits after one warm-up visit. Drawn: the first animation frame after the ` +
      "graph's neuron circles and i1's value are in the DOM (the default example is drawn from its first view, " +
      "before the engine has loaded: web/src/state/first-view.js); ready: the instance's engine loaded. " +
      "Bytes before: the page's " +
      'Resource Timing (encodedBodySize of the document and every resource finished by then); in total: what the ' +
      'server sent. Frames: requestAnimationFrame deltas at 1× with motion on, 4 s from the start of each phase ' +
      '(Play after the phase button), the network opened from a `#json=` link; that visit is cross-origin ' +
      'isolated for 5 µs timers. KB = 1,000 bytes.',
    '',
    table(['Measure', 'Value'], rows),
    '',
    `Largest transfers: ${largest}.`,
  ].join('\n');
}

function targetSection(results) {
  const list = targets(results);
  const held = list.filter((t) => t.holds).length;
  return [
    '## 5. Targets',
    '',
    table(
      ['Target', 'Measured', 'Holds'],
      list.map((t) => [t.target, t.measured, mark(t.holds)]),
    ),
    '',
    `${held} of ${list.length} targets hold.`,
  ].join('\n');
}

export function report(results) {
  return (
    [
      machineSection(results),
      throughputSection(results),
      traceSection(results),
      scalingSection(results),
      pageSection(results),
      targetSection(results),
    ].join('\n\n') + '\n'
  );
}
