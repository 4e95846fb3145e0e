// The CLI (the engine built natively with g++ and glibc) and the page's engine (WebAssembly, Emscripten's musl)
// compute the same bits: the engine brings its own exp and tanh (cpp/engine/exp.hpp, tanh.hpp) instead of each C
// library's. And its exp is V8's (fdlibm): every sigmoid a = 1/(1 + e^−z) of a trace is what Math.exp gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BackstepEngine } from '../../web/src/engine/engine.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = process.env.BACKSTEP_CLI ?? join(root, 'build/native/backstep');
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests/fixtures', name), 'utf8'));

function run(args, input) {
  assert.ok(existsSync(cli), `${cli} is missing: run scripts/build-native.sh first`);
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `backstep ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Mazur (sigmoid), XOR (tanh), and XOR with sigmoid hidden and tanh output, where e^z and tanh z take many values.
const documents = {
  mazur: fixture('mazur.json'),
  xor: fixture('xor.json'),
  'xor, sigmoid then tanh': (() => {
    const doc = fixture('xor.json');
    doc.layers[1].activation = 'sigmoid';
    doc.layers[2].activation = 'tanh';
    return doc;
  })(),
};

for (const [name, doc] of Object.entries(documents)) {
  test(`${name}: the CLI's trace and document after 300 epochs are the WebAssembly engine's, bit for bit`, async () => {
    const text = JSON.stringify(doc);
    const engine = await BackstepEngine.create(text);
    try {
      // deepStrictEqual compares numbers with Object.is: every bit.
      assert.deepStrictEqual(engine.step(), run(['trace', '-'], text));
      engine.load(text);
      engine.train(300);
      assert.deepStrictEqual(engine.document(), run(['train', '-', '--epochs', '300'], text));
    } finally {
      engine.dispose();
    }
  });
}

test("every sigmoid of Mazur's first 50 traced steps is 1/(1 + Math.exp(−z)), bit for bit", async () => {
  const engine = await BackstepEngine.create(fixture('mazur.json'));
  try {
    let checked = 0;
    for (let k = 0; k < 50; k += 1)
      for (const event of engine.step().events)
        if (event.kind === 'forward' && event.activation === 'sigmoid') {
          assert.ok(Object.is(event.a, 1 / (1 + Math.exp(-event.z))), `${event.name}: σ(${event.z}) = ${event.a}`);
          checked += 1;
        }
    assert.equal(checked, 50 * 4);
  } finally {
    engine.dispose();
  }
});
