// The one-file build: dist/backstep.html holds the page, the engine (its .wasm as a data URL), the styles and
// KaTeX's fonts, so it opens from file:// and can be uploaded anywhere as it is. Run by scripts/build.sh.
import { fileURLToPath } from 'node:url';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../build/single', import.meta.url));
const target = fileURLToPath(new URL('../dist/backstep.html', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: false,
  worker: { format: 'es' }, // a page opened from file:// cannot start a worker: its training runs on the page itself
  plugins: [
    viteSingleFile({ removeViteModuleLoader: true }),
    {
      name: 'backstep-single-file-output',
      // Moves the page to dist/, its icon inlined too.
      async closeBundle() {
        const icon = await readFile(new URL('public/favicon.svg', import.meta.url));
        const html = (await readFile(`${outDir}/index.html`, 'utf8')).replace(
          'href="./favicon.svg"',
          `href="data:image/svg+xml;base64,${icon.toString('base64')}"`,
        );
        await writeFile(target, html);
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
