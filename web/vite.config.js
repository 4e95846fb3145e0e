// Vite: the page lives in web/, the production build goes to <repo>/dist with relative URLs,
// so dist/ works from any path on any static host. The engine's .wasm is an asset Vite copies
// (engine.js refers to it with new URL(..., import.meta.url)).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const distDir = fileURLToPath(new URL('../dist', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: 'public',
  server: {
    host: process.env.HOST || 'localhost', // HOST=0.0.0.0 to open it from a phone on the same network
    port: Number(process.env.PORT) || 5173,
    strictPort: false,
  },
  preview: {
    port: Number(process.env.PORT) || 4173,
  },
  // The training worker imports the engine as an ES module.
  worker: { format: 'es' },
  build: {
    outDir: distDir,
    emptyOutDir: true,
    target: 'es2022',
    // No polyfill: module preloading is a hint (Safari before 17 and Firefox before 115 fetch the same modules one
    // level at a time), not worth a request for every visit.
    modulePreload: { polyfill: false },
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // The element's bundle keeps a stable name (dist/backstep-viz.js) for the script tag a blogger pastes.
      output: {
        entryFileNames: (chunk) => (chunk.name === 'backstep-viz' ? 'backstep-viz.js' : 'assets/[name]-[hash].js'),
      },
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        embed: fileURLToPath(new URL('embed.html', import.meta.url)),
        sideBySide: fileURLToPath(new URL('examples/side-by-side.html', import.meta.url)),
        embedHost: fileURLToPath(new URL('examples/embed-host.html', import.meta.url)),
        elementHost: fileURLToPath(new URL('examples/element-host.html', import.meta.url)),
        'backstep-viz': fileURLToPath(new URL('src/element/backstep-viz.js', import.meta.url)),
      },
    },
  },
});
