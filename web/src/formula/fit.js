// Outside the full page the formula's rows keep one height (--formula-box, set by the compact styles), so
// the host's page does not jump as the learner steps. Where the styles allow it (--formula-side-by-side) and they
// fit, formula, numbers and result sit side by side (is-columns); otherwise one under the other. A formula still taller than the box
// is set smaller until it fits, down to a legible floor; past the floor the box grows, and stays grown
// until the network, the view or the width changes.
const FLOOR = 0.8;

const overflowsWidth = (rows) => rows.scrollWidth > rows.clientWidth + 1;
const heightOf = (rows) => rows.getBoundingClientRect().height; // border box, as min-height is
const overflowsBox = (rows, box) => heightOf(rows) > box;

/** The box the compact styles give the rows (read once per key: a computed style forces a style recalc). */
function boxOf(rows) {
  const style = getComputedStyle(rows);
  const height = parseFloat(style.getPropertyValue('--formula-box'));
  return { height, sideBySide: style.getPropertyValue('--formula-side-by-side').trim() === '1' };
}

/** Lays the rows out to fit the box; false where there is no box (the full page). */
function fitToBox(rows, { height: box, sideBySide }) {
  rows.style.fontSize = '';
  rows.classList.remove('is-columns');
  if (!(box > 0)) return false;
  if (sideBySide) {
    rows.classList.add('is-columns');
    if (overflowsWidth(rows)) rows.classList.remove('is-columns');
  }
  // Row labels and paddings do not scale with the text, so a few rounds close in on the fit.
  let scale = 1;
  for (let round = 0; round < 4 && overflowsBox(rows, box) && scale > FLOOR; round += 1) {
    scale = Math.max(FLOOR, scale * ((box - 1) / heightOf(rows)) ** 1.2);
    rows.style.fontSize = `${(scale * 100).toFixed(1)}%`;
  }
  return true;
}

/** A fitter for one formula's rows: call it with a key of what the box's size depends on after each render. */
export function createBoxFit(rows) {
  let key = null;
  let tallest = 0;
  let box = null;
  return (nextKey) => {
    if (nextKey !== key) {
      key = nextKey;
      tallest = 0;
      rows.style.minHeight = '';
      box = boxOf(rows);
    }
    if (!fitToBox(rows, box)) {
      rows.style.minHeight = '';
      return;
    }
    const height = Math.ceil(heightOf(rows)); // whole pixels: the box never moves by a fraction
    if (height > tallest) {
      tallest = height;
      rows.style.minHeight = `${height}px`;
    }
  };
}
