// A phone's graph that is still taller than its room once laid out tighter (layout.js phoneRhythm) is drawn a little
// smaller, never below MIN_SCALE (its text stays readable): laid out for a wider box, then scaled to the card's width
// (the viewBox keeps the drawing's own coordinates), so it still spans the card.
import { NARROW_BELOW } from './metrics.js';

export const MIN_SCALE = 0.75;

/** The layout for `width` and the room `fitHeight` (0: none); `compute(width, fitHeight, scaleFloor)` lays it out. */
export function fittedLayout(compute, width, fitHeight) {
  const first = compute(width, fitHeight, MIN_SCALE);
  if (first.mode !== 'narrow' || !(fitHeight > 0) || first.height <= fitHeight)
    return { ...first, fitHeight, scale: 1 };
  const wanted = Math.max(MIN_SCALE, fitHeight / first.height);
  // (The wider box may be scaled by what is left of MIN_SCALE: it keeps the rhythm the first layout chose.)
  const box = Math.min(NARROW_BELOW - 1, Math.floor(width / wanted)); // still a phone's layout
  const wider = compute(box, Math.floor(fitHeight / wanted), Math.min(1, MIN_SCALE / wanted));
  const scale = Math.max(MIN_SCALE, Math.min(wanted, fitHeight / wider.height, width / wider.width));
  return { ...wider, fitHeight, scale };
}

export function fitToWindow(svg, layout) {
  const scale = layout.scale ?? 1;
  svg.setAttribute('width', String(Math.floor(layout.width * scale)));
  svg.setAttribute('height', String(Math.floor(layout.height * scale)));
  svg.classList.toggle('is-scaled', scale < 1);
}
