// Sizes for the layouts of the graph: "wide" (desktop, error column on the right; compact outside the
// full page) and "narrow" (phone, error panel below). The SVG is drawn at its real pixel size, so these are
// real pixels and text stays readable on a phone.

export const WIDE = {
  mode: 'wide',
  pad: 22,
  r: 33,
  gapY: 210,
  nameH: 24,
  lineH: 18,
  valueFont: 16.5,
  pillFont: 13,
  pillLineH: 17,
  pillPadX: 8,
  pillPadY: 5,
  cardW: 184,
  cardGap: 34,
  cardTitleH: 34,
  cardDividerH: 40,
  rowH: 29,
};

/** The wide layout, tighter: outside the full page (a post's column), where height is scarce. */
export const COMPACT = {
  ...WIDE,
  compact: true,
  pad: 8,
  r: 26,
  gapY: 108,
  nameH: 20,
  lineH: 16,
  valueFont: 15,
  pillFont: 12,
  pillLineH: 14,
  pillPadX: 6,
  pillPadY: 2,
  cardW: 168,
  cardGap: 24,
  cardTitleH: 28,
  cardDividerH: 34,
  rowH: 22,
};

export const NARROW = {
  mode: 'narrow',
  pad: 10,
  r: 23,
  gapY: 168,
  nameH: 19,
  lineH: 15,
  valueFont: 14,
  pillFont: 11.5,
  pillLineH: 14,
  pillPadX: 5,
  pillPadY: 3,
  cellH: 46,
  cardGap: 14,
  cardTitleH: 28,
  cardDividerH: 30,
  // A phone's card, fitted to the window (card-layout.js rowCard): its cells' and its title row's heights.
  rowCellH: 40,
  rowTitleH: 22,
};

export const NARROW_BELOW = 620;

/** An estimate of a text's width (px) for layout, before it is drawn. */
export function textWidth(text, fontSize) {
  let em = 0;
  for (const char of text) {
    if (char === '.' || char === ' ' || char === ',') em += 0.3;
    else if (char === '→' || char === '∂') em += 0.75;
    else if (/[0-9]/.test(char)) em += 0.58;
    else em += 0.62;
  }
  return em * fontSize;
}

/** The widest a number can be at `decimals` places ("−0.000…"). */
export function widestNumber(decimals) {
  return `−0.${'0'.repeat(decimals)}`;
}
