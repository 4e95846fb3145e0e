// Sizes for the two layouts of the graph: "wide" (desktop, error column on the right) and
// "narrow" (phone, error panel below). The SVG is drawn at its real pixel size, so these are
// real pixels and text stays readable on a phone.

export const WIDE = {
  mode: 'wide',
  pad: 22,
  r: 33,
  gapY: 200,
  nameH: 24,
  lineH: 18,
  valueFont: 16.5,
  pillFont: 13,
  pillLineH: 17,
  pillPadX: 8,
  pillPadY: 5,
  cardW: 184,
  cardGap: 34,
  rowH: 29,
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
