// The component's styles as text, for a shadow root: KaTeX's and backstep's. Chromium ignores @font-face
// inside a shadow root, so KaTeX's font faces go to the document once (their names are KaTeX's own).
import katex from 'katex/dist/katex.min.css?inline';
import tokens from '../styles/tokens.css?inline';
import base from '../styles/base.css?inline';
import layout from '../styles/layout.css?inline';
import graphCard from '../styles/graph-card.css?inline';
import graph from '../styles/graph.css?inline';
import graphLabels from '../styles/graph-labels.css?inline';
import opgraph from '../styles/opgraph.css?inline';
import errorPanel from '../styles/error-panel.css?inline';
import formula from '../styles/formula.css?inline';
import quiz from '../styles/quiz.css?inline';
import controls from '../styles/controls.css?inline';
import edit from '../styles/edit.css?inline';
import instance from '../styles/instance.css?inline';
import compact from '../styles/compact.css?inline';
import workbench from '../styles/workbench.css?inline';
import dataTable from '../styles/data-table.css?inline';
import intro from '../styles/intro.css?inline';

const FONT_FACE = /@font-face\s*{[^}]*}/g;

// The element is a block: in a flex row or an inline context it still takes the width it is given (its layout
// answers to its own width, so its content cannot size it; contain-intrinsic-inline-size gives it one there).
const HOST = ':host { display: block; max-width: 100%; }';

let shadowSheet = null;
let fontsAdded = false;

/** One constructed stylesheet for every backstep-viz on the page (adopted, not copied). */
export function componentSheet() {
  if (!shadowSheet) {
    shadowSheet = new CSSStyleSheet();
    const text = [
      HOST,
      katex.replace(FONT_FACE, ''),
      tokens,
      base,
      layout,
      graphCard,
      graph,
      graphLabels,
      opgraph,
      errorPanel,
      formula,
      quiz,
      controls,
      edit,
      instance,
      compact,
      workbench,
      dataTable,
      intro,
    ].join('\n');
    shadowSheet.replaceSync(text);
  }
  return shadowSheet;
}

/** KaTeX's font faces, added to the document once. */
export function addFontFaces() {
  if (fontsAdded) return;
  fontsAdded = true;
  const sheet = new CSSStyleSheet();
  const faces = [...katex.matchAll(FONT_FACE)].map((match) => match[0]);
  sheet.replaceSync(faces.join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
