// A small static server for the page bench: serves a directory on 127.0.0.1 with gzip (level 9, compressed once per
// file) for html, js, css, wasm, svg and json, `.wasm` as application/wasm, no caching, and logs every response:
// { path, bytes (body bytes sent), gzip, end (ms since the epoch, when the last byte was handed to the socket) }.
// `isolated` adds COOP/COEP headers: a cross-origin-isolated page has 5 µs timers instead of 100 µs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import { MIME } from '../scripts/browser.mjs';

const GZIP = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json']);

/** Resolves to { url, log, close() }. */
export function serve(directory, { isolated = false } = {}) {
  const root = resolve(directory);
  const cache = new Map();
  const log = [];
  async function body(file) {
    if (!cache.has(file)) {
      const raw = await readFile(file);
      const gzip = GZIP.has(extname(file));
      cache.set(file, { data: gzip ? gzipSync(raw, { level: 9 }) : raw, gzip, raw: raw.length });
    }
    return cache.get(file);
  }
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    try {
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { data, gzip, raw } = await body(file);
      const headers = {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      if (isolated) {
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
      }
      headers['content-length'] = data.length;
      response.writeHead(200, headers);
      response.end(data, () =>
        log.push({ path, bytes: data.length, raw, gzip, end: performance.timeOrigin + performance.now() }),
      );
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      log.push({ path, bytes: 0, raw: 0, gzip: false, status: 404, end: performance.timeOrigin + performance.now() });
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${server.address().port}/`,
        log,
        close: () => new Promise((closed) => server.close(closed)),
      }),
    ),
  );
}
