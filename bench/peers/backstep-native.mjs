// (c) The same C++ engine built natively (g++ -O2 -DNDEBUG, scripts/bench.sh): build/bench/throughput trains
// through the engine's Session API and times itself; it prepares like bench/throughput.mjs, then times one run
// per line it reads.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { backstepDocument, meanLoss } from '../data.mjs';
import { MAX_EPOCHS, TARGET_SECONDS, WARM_SECONDS } from '../throughput.mjs';

export const id = 'native';
export const label = 'backstep native (Session::train)';
export const precision = 'float64';
export const notes = 'g++ -O2 -DNDEBUG, same engine sources';

const dir = fileURLToPath(new URL('../../build/bench/', import.meta.url));
export const binary = `${dir}throughput`;

export async function prepare(problem) {
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${problem.id}-${problem.sizes.join('-')}.json`;
  writeFileSync(path, JSON.stringify(backstepDocument(problem)));
  const child = spawn(binary, [path, String(TARGET_SECONDS), String(MAX_EPOCHS), String(WARM_SECONDS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`${binary} ended early (exit ${child.exitCode})`);
    return JSON.parse(value);
  };
  const { epochs, weights, biases } = await next();
  const params = { weights: weights.map((w) => Float64Array.from(w)), biases: biases.map((b) => Float64Array.from(b)) };
  return {
    loss: meanLoss(problem, params),
    epochs,
    async run() {
      child.stdin.write('run\n');
      return (await next()).seconds;
    },
    dispose() {
      child.stdin.end();
    },
  };
}
