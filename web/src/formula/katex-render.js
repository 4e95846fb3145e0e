// KaTeX rendering through the DOM API (katex.render builds elements, no innerHTML), with only
// \htmlData and \htmlClass trusted, so terms can carry data-ref links and highlight classes.
// KaTeX (about half of the page's script) loads after the first view, as its own chunk: the network is drawn
// first, the formulas follow a moment later (loadKatex resolves, the panel renders again).
import { h } from '../dom.js';

const OPTIONS = {
  displayMode: false,
  throwOnError: false,
  output: 'htmlAndMathml',
  trust: (context) => context.command === '\\htmlData' || context.command === '\\htmlClass',
  strict: (code) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
};

let katex = null;
let loading = null;

/** Loads KaTeX once, for every instance on the page; resolves when formulas can be rendered. */
export function loadKatex() {
  loading ??= import('katex').then((module) => {
    katex = module.default;
  });
  return loading;
}

/** Replaces the container's content with one rendered line per TeX string (empty lines until KaTeX is there). */
export function renderLines(container, lines) {
  container.replaceChildren(
    ...lines.map((tex) => {
      const line = h('span', { class: 'tex-line' });
      if (katex) katex.render(`\\displaystyle ${tex}`, line, OPTIONS);
      else line.classList.add('is-pending');
      return line;
    }),
  );
}
