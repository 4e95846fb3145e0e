// npm run bench (through scripts/bench.sh, which builds what this needs): measures every section, prints the
// Markdown report and writes it to bench/results/YYYY-MM-DD.md (the local date of the run).
// `--no-page` leaves out section 4 (no browser needed). Progress goes to standard error.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

import { backstepDocument, circleProblem, randomProblem } from './data.mjs';
import { machine } from './machine.mjs';
import { measurePage } from './page.mjs';
import * as native from './peers/backstep-native.mjs';
import * as wasm from './peers/backstep-wasm.mjs';
import * as worker from './peers/backstep-worker.mjs';
import { float32 as brain, float64 as brain64 } from './peers/brainjs.mjs';
import * as convnetjs from './peers/convnetjs.mjs';
import * as js from './peers/js-loop.mjs';
import * as tfjs from './peers/tfjs.mjs';
import { report } from './report.mjs';
import { measureScaling } from './scaling.mjs';
import { measureThroughput } from './throughput.mjs';
import { measureTrace, seedDocument } from './trace.mjs';

const PEERS = [wasm, worker, native, js, brain, brain64, convnetjs, tfjs];
const log = (message) => process.stderr.write(`${message}\n`);

function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function main() {
  const withPage = !process.argv.includes('--no-page');
  const started = new Date();
  const results = { date: localDate(started), machine: machine(), peers: PEERS };
  results.problems = [circleProblem(), randomProblem()];

  log('bench: 1. training throughput');
  results.throughput = {};
  for (const p of results.problems) results.throughput[p.id] = await measureThroughput(PEERS, p, { log });

  log('bench: 2. trace cost');
  const random = results.problems[1];
  results.trace = [
    await measureTrace('seed', seedDocument()),
    await measureTrace(random.sizes.join('-'), JSON.stringify(backstepDocument(random))),
  ];

  log('bench: 3. scaling');
  results.scaling = await measureScaling({ log });

  if (withPage) {
    log('bench: 4. page');
    results.page = await measurePage({ log });
  }

  results.loadAfter = os.loadavg()[0];
  results.seconds = (Date.now() - started.getTime()) / 1000;
  const text = report(results);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${results.date}.md`, text);
  process.stdout.write(text);
  log(`bench: written to bench/results/${results.date}.md`);
}

main().catch((error) => {
  log(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
