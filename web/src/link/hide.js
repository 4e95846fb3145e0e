// The parts of an instance an embed or an element may leave out: `hide=formula,controls` in embed.html's fragment,
// hide="formula,controls" on <backstep-viz>. Unknown names are ignored (a later version may know them).
export const HIDEABLE = Object.freeze(['formula', 'controls']);

/** The known part names in a comma-separated list, each once, in HIDEABLE's order. */
export function parseHide(text) {
  const asked = new Set(
    String(text ?? '')
      .split(',')
      .map((part) => part.trim()),
  );
  return HIDEABLE.filter((part) => asked.has(part));
}
