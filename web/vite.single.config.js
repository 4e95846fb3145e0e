// The one-file build: dist/backstep.html holds the page, the engine (its .wasm as a data URL), the styles and
// KaTeX's fonts, so it opens from file:// and can be uploaded anywhere as it is. Run by scripts/build.sh.
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../build/single', import.meta.url));
const target = fileURLToPath(new URL('../dist/backstep.html', import.meta.url));

/** The contents of the page's top-level <script> or <style> blocks (an inline block cannot hold its own end tag). */
const blocks = (html, tag) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
const hashes = (texts) => texts.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);

/**
 * A strict Content-Security-Policy for the one file, in a meta tag: no inline code runs but the page's own blocks (by
 * hash), no eval (WebAssembly compilation only), nothing fetched from anywhere (data: URLs only, the file's own).
 */
function policy(html) {
  return [
    "default-src 'none'",
    `script-src ${hashes(blocks(html, 'script')).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${hashes(blocks(html, 'style')).join(' ')}`,
    'img-src data: blob:',
    'font-src data:',
    'connect-src data:',
    'worker-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: false,
  worker: { format: 'es' }, // a page opened from file:// cannot start a worker: its training runs on the page itself
  plugins: [
    viteSingleFile({ removeViteModuleLoader: true }),
    {
      name: 'backstep-single-file-output',
      // Moves the page to dist/, its icon inlined too, under its own strict policy.
      async closeBundle() {
        const icon = await readFile(new URL('public/favicon.svg', import.meta.url));
        const html = (await readFile(`${outDir}/index.html`, 'utf8')).replace(
          'href="./favicon.svg"',
          `href="data:image/svg+xml;base64,${icon.toString('base64')}"`,
        );
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(html)}" />`;
        await writeFile(target, html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`));
        await rm(outDir, { recursive: true, force: true });
      },
    },
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: () => true, // every asset (the .wasm, the fonts) as a data URL
    chunkSizeWarningLimit: 4000,
  },
});
