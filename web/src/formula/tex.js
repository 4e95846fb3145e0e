// TeX building blocks. Every number is an engine value formatted for display; terms are
// wrapped in \htmlData{ref=…} so hovering them in the panel finds them in the graph.
import { formatAscii } from '../format/number.js';

/** "h1" → "h_{1}", "h1.2" → "h_{1.2}", "hidden3" → "\mathrm{hidden}_{3}". */
export function texName(name) {
  const match = /^([A-Za-z]+)(.*)$/.exec(name);
  if (!match) return `\\mathrm{${texText(name)}}`;
  const [, prefix, rest] = match;
  const base = prefix.length > 1 ? `\\mathrm{${prefix}}` : prefix;
  return rest ? `${base}_{${texText(rest)}}` : base;
}

/** Escapes text for \text{…}. */
function texText(text) {
  return String(text).replace(/[\\{}$&#^_%~]/g, (char) => `\\${char === '\\' ? 'backslash' : char}`);
}

export const text = (value) => `\\text{${texText(value)}}`;

/** Links a TeX term to a graph element ("n:h1", "w:w1" …). */
export function linked(ref, tex) {
  return ref ? `\\htmlData{ref=${ref}}{${tex}}` : tex;
}

export const current = (tex) => `\\htmlClass{tex-current}{${tex}}`;
export const pending = '\\htmlClass{tex-pending}{?}';

/** A number ("-4.39e-4" is written -4.39 \times 10^{-4}, as in the C++ LaTeX);
 * negatives in parentheses when `parenthesize` (inside products). */
export function num(value, decimals, parenthesize = false) {
  const plain = formatAscii(value, decimals).replace(/e(-?\d+)$/, ' \\times 10^{$1}');
  return parenthesize && plain.startsWith('-') ? `(${plain})` : plain;
}

/** A factor written "(x)" for juxtaposed products like (−0.809)(0.14)(2). */
export const paren = (tex) => `(${tex})`;

export const partial = (top, bottom) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

export function bmatrix(rows) {
  return `\\begin{bmatrix}${rows.map((row) => row.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

export const column = (items) => bmatrix(items.map((item) => [item]));
export const row = (items) => bmatrix([items]);

const ACTIVATION = { sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\operatorname{ReLU}', linear: 'f' };

export function activationTex(activation) {
  return ACTIVATION[activation] ?? `\\operatorname{${texText(activation)}}`;
}

/** f′(z_n) written for the activation: σ′(z_{h_1}) … */
export function derivativeTex(activation, zTex) {
  return `${activationTex(activation)}'(${zTex})`;
}
