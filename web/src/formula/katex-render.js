// KaTeX rendering through the DOM API (katex.render builds elements, no innerHTML), with only
// \htmlData and \htmlClass trusted, so terms can carry data-ref links and highlight classes.
import katex from 'katex';
import { h } from '../dom.js';

const OPTIONS = {
  displayMode: false,
  throwOnError: false,
  output: 'htmlAndMathml',
  trust: (context) => context.command === '\\htmlData' || context.command === '\\htmlClass',
  strict: (code) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
};

/** Replaces the container's content with one rendered line per TeX string. */
export function renderLines(container, lines) {
  container.replaceChildren(
    ...lines.map((tex) => {
      const line = h('span', { class: 'tex-line' });
      katex.render(`\\displaystyle ${tex}`, line, OPTIONS);
      return line;
    }),
  );
}
