// The machine and tool versions a result was measured with.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function firstLine(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      .trim();
  } catch {
    return 'not found';
  }
}

function cpuModel() {
  const text = readFileSync('/proc/cpuinfo', 'utf8');
  return text.match(/^model name\s*:\s*(.+)$/m)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown';
}

function osName() {
  try {
    return readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

function packageVersion(name) {
  const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')).version;
}

export function machine() {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${osName()}, Linux ${os.release()}`,
    node: `${process.version} (V8 ${process.versions.v8})`,
    emcc: firstLine('emcc', ['--version'])
      .replace(/^emcc \(Emscripten[^)]*\)\s*/, 'emcc ')
      .replace(/\s*\(\)$/, ''),
    gxx: firstLine('g++', ['--version']),
    packages: ['brain.js', 'convnetjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', 'playwright-core'].map(
      (name) => `${name} ${packageVersion(name)}`,
    ),
    load: os.loadavg()[0],
  };
}
