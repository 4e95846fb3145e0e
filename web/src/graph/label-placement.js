// Where to put each weight's label along its edge so that labels do not cover each other or
// the neurons. Small layer gaps are solved exactly (every combination of a few positions);
// bigger ones greedily. Pure geometry.

const CANDIDATES = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.27, 0.73];
const EXHAUSTIVE_LIMIT = 5;

function overlap(a, b) {
  const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return x > 0 && y > 0 ? x * y : 0;
}

function boxAt(edge, t, size) {
  const cx = edge.x1 + (edge.x2 - edge.x1) * t;
  const cy = edge.y1 + (edge.y2 - edge.y1) * t;
  return { x: cx - size.w / 2, y: cy - size.h / 2, w: size.w, h: size.h, cx, cy, t };
}

function cost(box, obstacles, placed) {
  let total = Math.abs(box.t - 0.5) * 4;
  for (const obstacle of obstacles) total += overlap(box, obstacle) * 10;
  for (const other of placed) total += overlap(box, other) * 10;
  return total;
}

function exhaustive(edges, obstacles, size) {
  let best = null;
  const chosen = [];
  const visit = (index, sum) => {
    if (best && sum >= best.sum) return;
    if (index === edges.length) {
      best = { sum, boxes: [...chosen] };
      return;
    }
    for (const t of CANDIDATES) {
      const box = boxAt(edges[index], t, size);
      chosen.push(box);
      visit(index + 1, sum + cost(box, obstacles, chosen.slice(0, -1)));
      chosen.pop();
    }
  };
  visit(0, 0);
  return best.boxes;
}

function greedy(edges, obstacles, size) {
  const order = [...edges.keys()].sort(
    (a, b) => Math.abs(edges[a].y2 - edges[a].y1) - Math.abs(edges[b].y2 - edges[b].y1),
  );
  const boxes = new Array(edges.length);
  const placed = [];
  for (const index of order) {
    let best = null;
    for (const t of CANDIDATES) {
      const box = boxAt(edges[index], t, size);
      const value = cost(box, obstacles, placed);
      if (!best || value < best.value) best = { box, value };
    }
    boxes[index] = best.box;
    placed.push(best.box);
  }
  return boxes;
}

/** Sets edge.label = {x, y, t} for the edges of one layer gap. */
export function placeLabels(edges, obstacles, size) {
  if (edges.length === 0) return;
  const boxes = edges.length <= EXHAUSTIVE_LIMIT ? exhaustive(edges, obstacles, size) : greedy(edges, obstacles, size);
  edges.forEach((edge, index) => {
    edge.label = { x: boxes[index].cx, y: boxes[index].cy, t: boxes[index].t };
  });
}
