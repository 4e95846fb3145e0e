// Section 1: training throughput of every implementation on the same problems, and the loss each reaches
// after one epoch from the shared start.
//
// A peer module exports { id, label, precision, notes } and either create(problem), resolving to a session
// { reset(), train(epochs), params(), dispose() } (any of which may return a promise), or prepare(problem), which
// does the preparation below itself (the native binary) and resolves to { loss, epochs, run(), dispose() }.
// The timed runs are interleaved across the peers (run 1 of each, then run 2 of each, …) so that a change in the
// machine's load during the bench falls on all of them alike (measurePairs).
import { performance } from 'node:perf_hooks';

import { meanLoss } from './data.mjs';
import { median } from './stats.mjs';

export const RUNS = 5;
export const TARGET_SECONDS = 0.25; // each timed run trains for about this long
export const MAX_EPOCHS = 5000;
export const WARM_SECONDS = 0.3; // single epochs, at least two, until this long has passed (JIT and wasm tier-up)

/** Epochs for one timed run, from the time of one epoch (the same rule as bench/native/throughput.cpp). */
export function epochsFor(secondsPerEpoch) {
  return Math.max(1, Math.min(MAX_EPOCHS, Math.ceil(TARGET_SECONDS / secondsPerEpoch)));
}

async function timed(f) {
  const start = performance.now();
  await f();
  return (performance.now() - start) / 1000;
}

/**
 * The loss after one epoch from the start; a warm-up (single epochs for WARM_SECONDS, the last of which sets the
 * run's length, then one run at full length). Returns { loss, epochs, run(), dispose() }, where run() resolves to
 * the seconds of one timed run from the shared start.
 */
async function prepare(peer, problem) {
  if (peer.prepare) return peer.prepare(problem);
  const session = await peer.create(problem);
  await session.reset();
  await session.train(1);
  const loss = meanLoss(problem, await session.params());
  let secondsPerEpoch = Infinity;
  const warmUntil = performance.now() + WARM_SECONDS * 1000;
  for (let k = 0; k < 2 || performance.now() < warmUntil; k += 1) {
    await session.reset();
    secondsPerEpoch = await timed(() => session.train(1));
  }
  const epochs = epochsFor(secondsPerEpoch);
  await session.reset();
  await session.train(epochs);
  return {
    loss,
    epochs,
    async run() {
      await session.reset();
      return timed(() => session.train(epochs));
    },
    dispose: () => session.dispose(),
  };
}

/**
 * Measures each { peer, problem } pair: all are prepared, then the timed runs go round the pairs. Resolves to one
 * { samplesPerSecond (median), rates, epochs, loss } per pair, in order.
 */
export async function measurePairs(pairs, { runs = RUNS, log = () => {} } = {}) {
  const prepared = [];
  for (const { peer, problem } of pairs) {
    log(`  ${problem.label}: preparing ${peer.label}`);
    prepared.push(await prepare(peer, problem));
  }
  const rates = pairs.map(() => []);
  for (let r = 0; r < runs; r += 1) {
    log(`  run ${r + 1} of ${runs}`);
    for (let k = 0; k < pairs.length; k += 1) {
      const seconds = await prepared[k].run();
      rates[k].push((prepared[k].epochs * pairs[k].problem.count) / seconds);
    }
  }
  const results = [];
  for (let k = 0; k < pairs.length; k += 1) {
    const { loss, epochs } = prepared[k];
    results.push({ samplesPerSecond: median(rates[k]), rates: rates[k], epochs, loss });
    await prepared[k].dispose();
  }
  return results;
}

/** { [peer.id]: result } for one problem. */
export async function measureThroughput(peers, problem, options) {
  const results = await measurePairs(
    peers.map((peer) => ({ peer, problem })),
    options,
  );
  return Object.fromEntries(peers.map((peer, k) => [peer.id, results[k]]));
}
