// Where to put each weight's label along its edge. A label never covers another label, a neuron (with its
// name and z/δ lines), a bias tag or the error panel, and stays inside the drawing: it slides along its edge
// (20%–80% of it, the middle preferred), and when no free place is left it is hidden (draw.js shows it on
// hover and focus). Small layer gaps are searched for a layout that shows every label; bigger ones, or when
// the search finds none, are placed greedily. Pure geometry.

/** Positions along an edge, nearest the middle first (the order is the preference). */
const POSITIONS = Array.from({ length: 31 }, (_, k) => (20 + 2 * k) / 100).sort(
  (a, b) => Math.abs(a - 0.5) - Math.abs(b - 0.5),
);
/** Room (px) kept between two labels, so that their borders do not touch. */
const GAP = 3;
/** Gaps with more edges than this go straight to the greedy placement: the search would rarely succeed in time. */
const EXACT_EDGES = 16;
/** The search gives up after this many steps (a few milliseconds). */
const EXACT_STEPS = 1000;

/** Whether box `a` and a box or circle `b` ({cx, cy, r}) overlap, or come nearer than `margin`. */
export function overlaps(a, b, margin = 0) {
  if (b.r !== undefined) {
    const dx = Math.max(a.x, Math.min(b.cx, a.x + a.w)) - b.cx;
    const dy = Math.max(a.y, Math.min(b.cy, a.y + a.h)) - b.cy;
    return Math.hypot(dx, dy) < b.r + margin;
  }
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

function inside(box, bounds) {
  return (
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.w <= bounds.x + bounds.w &&
    box.y + box.h <= bounds.y + bounds.h
  );
}

function boxAt(edge, t, size) {
  const cx = edge.x1 + (edge.x2 - edge.x1) * t;
  const cy = edge.y1 + (edge.y2 - edge.y1) * t;
  return { x: cx - size.w / 2, y: cy - size.h / 2, w: size.w, h: size.h, cx, cy, t };
}

/** Each edge's possible boxes: inside the drawing and clear of every obstacle, the preferred first. */
function freeBoxes(edge, { obstacles, bounds, size }) {
  return POSITIONS.map((t) => boxAt(edge, t, size)).filter(
    (box) => inside(box, bounds) && !obstacles.some((obstacle) => overlaps(box, obstacle)),
  );
}

const cost = (box) => Math.abs(box.t - 0.5);

/** The edge with the fewest places left (`free`: edge index → its places): placed next, it meets conflicts first. */
function mostConstrained(free) {
  let next = null;
  for (const [index, boxes] of free) if (next === null || boxes.length < free.get(next).length) next = index;
  return next;
}

/** The places left to the other edges once edge `index` takes `box`. */
function without(free, index, box) {
  const rest = new Map();
  for (const [other, boxes] of free) {
    if (other !== index)
      rest.set(
        other,
        boxes.filter((place) => !overlaps(place, box, GAP)),
      );
  }
  return rest;
}

/** One place per edge, none touching another, nearest the middles in total; null if none is found in time. */
function placeAll(candidates) {
  let best = null;
  let steps = 0;
  const visit = (free, chosen, sum) => {
    steps += 1;
    // The least the remaining edges can add (each at its preferred place left; none left: a dead end).
    let bound = sum;
    for (const boxes of free.values()) bound += boxes.length > 0 ? cost(boxes[0]) : Infinity;
    if (steps > EXACT_STEPS || bound >= (best?.sum ?? Infinity)) return;
    if (free.size === 0) {
      best = { sum, chosen: new Map(chosen) };
      return;
    }
    const index = mostConstrained(free);
    for (const box of free.get(index)) {
      chosen.set(index, box);
      visit(without(free, index, box), chosen, sum + cost(box));
    }
    chosen.delete(index);
  };
  visit(new Map(candidates.entries()), new Map(), 0);
  return best && candidates.map((_, index) => best.chosen.get(index));
}

/** As many places as it can: the most constrained edge goes next, at its preferred place left, or is hidden. */
function placeGreedy(candidates) {
  let free = new Map(candidates.entries());
  const boxes = [];
  while (free.size > 0) {
    const index = mostConstrained(free);
    const box = free.get(index)[0];
    boxes[index] = box;
    if (box) free = without(free, index, box);
    else free.delete(index);
  }
  return boxes;
}

/**
 * Sets edge.label = {x, y, t, hidden} for the edges of one layer gap, the boxes sized `size` (a label at its
 * largest). A hidden label sits at its edge's middle, where it shows on hover. Returns the boxes of the shown
 * labels, obstacles for the next gap.
 */
export function placeLabels(edges, { obstacles, bounds, size }) {
  const candidates = edges.map((edge) => freeBoxes(edge, { obstacles, bounds, size }));
  const boxes = (edges.length <= EXACT_EDGES && placeAll(candidates)) || placeGreedy(candidates);
  edges.forEach((edge, index) => {
    const box = boxes[index] ?? boxAt(edge, 0.5, size);
    edge.label = { x: box.cx, y: box.cy, t: box.t, hidden: !boxes[index] };
  });
  return boxes.filter(Boolean);
}
