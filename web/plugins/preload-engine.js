// A Vite plugin: the pages' <head> asks for the engine's .wasm at once (<link rel="preload" as="fetch">), so it
// downloads while the JavaScript does, instead of after it has run. The engine's own fetch (same URL, same
// credentials mode) takes the preloaded response. Only in the multi-file build: the one-file page inlines it.

/** The hashed file name of the engine's .wasm in a bundle, or null. */
const engineFile = (bundle) =>
  Object.keys(bundle).find((name) => /(^|\/)backstep-engine-[\w-]+\.wasm$/.test(name)) ?? null;

export function preloadEngine() {
  return {
    name: 'backstep-preload-engine',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, path }) {
        const file = bundle && engineFile(bundle);
        // Only the pages that run the engine (they load the chunk that mounts an instance), not a host of iframes.
        if (!file || !/assets\/mount-[\w-]+\.js/.test(html)) return html;
        const depth = path.split('/').length - 2; // '/index.html' → 0, '/examples/side-by-side.html' → 1
        const prefix = depth > 0 ? '../'.repeat(depth) : './';
        return {
          html,
          tags: [
            {
              tag: 'link',
              attrs: { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: '', href: prefix + file },
              injectTo: 'head-prepend',
            },
          ],
        };
      },
    },
  };
}
