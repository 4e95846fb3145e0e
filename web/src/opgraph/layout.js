// Where the operations graph's nodes go, left to right (see model.js for the columns). Each product column stacks,
// neuron by neuron, every weight over its × node, then the neuron's bias; a neuron's + and f sit level with its
// products; an input sits level with the products it feeds, a target just under its output, a difference between
// the two, an error level with its difference, and E level with the errors. Nodes never overlap in a column.

/** Metrics for a number shown with `decimals` decimals. */
export function opMetrics(decimals) {
  const valueWidth = (decimals + 3) * 7; // sign, leading digit, point and the decimals, in tabular figures
  const width = Math.round(26 + valueWidth + 7); // the symbol's badge, a space, the value, the right margin
  // wide: the boxes whose symbol is a word (tanh, ReLU) or ½(·)². nameWidth: a leaf's name, per character.
  const metrics = { width, wide: width + 18, valueWidth, nameWidth: 7.4 };
  return { ...metrics, height: 38, caption: 13, gap: 8, groupGap: 14, columnGap: 18, margin: 12 };
}

/** Box height and the room above it (operations after the products have a caption: "z h1", "h1", "Δ o1" …). */
const boxOf = (node, m) => ({ top: node.leaf || node.kind === 'product' ? 0 : m.caption, height: m.height });

function stackColumn(nodes, m) {
  let y = 0;
  let group = null;
  for (const node of nodes) {
    if (group !== null && node.group !== group) y += m.groupGap;
    group = node.group;
    const box = boxOf(node, m);
    node.y = y + box.top;
    y += box.top + box.height + m.gap;
  }
}

/** Moves the nodes of a column apart (in their desired order) so none overlaps, keeping their mean place. */
function separate(nodes, m) {
  const sorted = [...nodes].sort((a, b) => a.y - b.y);
  const desired = sorted.map((node) => node.y);
  for (let k = 1; k < sorted.length; k += 1) {
    const above = sorted[k - 1];
    const least = above.y + m.height + m.gap + boxOf(sorted[k], m).top;
    if (sorted[k].y < least) sorted[k].y = least;
  }
  const shift = sorted.reduce((sum, node, k) => sum + node.y - desired[k], 0) / (sorted.length || 1);
  for (const node of sorted) node.y -= shift;
}

/** A box's width: an operation with a long symbol (a word, or ½(·)²) is wider; a leaf fits its name and value. */
function widthOf(node, m) {
  if (node.leaf) return Math.max(m.width, Math.ceil(26 + node.name.length * m.nameWidth + m.valueWidth));
  return node.symbol.length > 2 ? m.wide : m.width;
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Positions: { nodes: [{...node, x, y (the box's top left), w, h, leaf}], edges: [{from, to, path}], width, height,
 * metrics }. `graph` from buildOpGraph.
 */
export function layoutOpGraph(graph, { decimals = 3 } = {}) {
  const m = opMetrics(decimals);
  const nodes = graph.nodes.map((node) => ({
    ...node,
    leaf: ['input', 'weight', 'bias', 'target'].includes(node.kind),
  }));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const columns = [];
  for (const node of nodes) (columns[node.column] ??= []).push(node);
  const consumers = (node) => graph.edges.filter((edge) => edge.from === node.id).map((edge) => byId.get(edge.to));
  const producers = (node) => graph.edges.filter((edge) => edge.to === node.id).map((edge) => byId.get(edge.from));
  const center = (node) => node.y + m.height / 2;
  const place = (node, middle) => (node.y = middle - m.height / 2);

  const groupCenter = (group, column) => mean(column.filter((node) => node.group === group).map(center));
  // The inputs last: level with the products they feed.
  const order = [...columns.keys()].slice(1).concat(0);
  order.forEach((index) => {
    const column = columns[index];
    const products = column.filter((node) => node.kind === 'product');
    if (products.length) {
      stackColumn(column, m);
      // After the first layer, level with the activations the products read.
      const sources = products.flatMap(producers).filter((node) => node.kind === 'activation');
      const shift = sources.length ? mean(sources.map(center)) - mean(products.map(center)) : 0;
      for (const node of column) node.y += shift;
      return;
    }
    for (const node of column) {
      if (node.kind === 'input') place(node, mean(consumers(node).map(center)));
      else if (node.kind === 'sum') place(node, groupCenter(node.group, columns[index - 1]));
      else if (node.kind === 'activation') place(node, center(producers(node)[0]));
      else if (node.kind === 'target') {
        const output = byId.get(`f:${node.name}`);
        node.y = output.y + m.height + m.gap + m.caption * 0.5;
      } else place(node, mean(producers(node).map(center)));
    }
    separate(column, m);
  });

  const top = Math.min(...nodes.map((node) => node.y - boxOf(node, m).top));
  const widths = columns.map((column) => Math.max(...column.map((node) => widthOf(node, m))));
  const lefts = widths.map(
    (_, index) => m.margin + widths.slice(0, index).reduce((sum, w) => sum + w + m.columnGap, 0),
  );
  for (const node of nodes) {
    node.w = widths[node.column];
    node.x = lefts[node.column];
    node.y = node.y - top + m.margin;
    node.h = m.height;
  }
  const edges = graph.edges.map((edge) => ({ ...edge, path: edgePath(byId.get(edge.from), byId.get(edge.to)) }));
  const width = Math.max(...nodes.map((node) => node.x + node.w)) + m.margin;
  const height = Math.max(...nodes.map((node) => node.y + node.h)) + m.margin;
  return { nodes, edges, width, height, metrics: m };
}

/** A curve from the right of `a` to the left of `b`; from a weight down into its product, a short drop. */
function edgePath(a, b) {
  if (a.column === b.column) {
    const x = b.x + b.w / 2;
    return `M${x},${a.y + a.h}L${x},${b.y - (b.leaf ? 0 : 2)}`;
  }
  const x1 = a.x + a.w;
  const y1 = a.y + a.h / 2;
  const x2 = b.x;
  const y2 = b.y + b.h / 2;
  const bend = (x2 - x1) * 0.5;
  return `M${x1},${y1}C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}
