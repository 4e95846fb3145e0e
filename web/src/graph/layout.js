// The geometry of the graph for a container width: neurons (columns of layers), edges,
// weight-label positions, bias tags and the error panel. Pure geometry, no model numbers.
import { cardLayout, rowCardHeight } from './card-layout.js';
import { placeLabels } from './label-placement.js';
import { COMPACT, NARROW, NARROW_BELOW, WIDE, textWidth, widestNumber } from './metrics.js';

/** Labels are set in bold and semibold, a little wider than the plain text textWidth estimates. */
const BOLD = 1.04;

/**
 * The largest a label can get (at the update, with its gradient), for placement; with the gradient check on the
 * graph (pill.js), its row under the gradient (check 'row') or its mark after it ('mark'). Fixed biases never update.
 */
function pillSize(m, nameWidth, decimals, pillMode, { updates = true, check = null } = {}) {
  const number = widestNumber(decimals);
  const name = 'w'.repeat(nameWidth);
  const rows = !updates
    ? [`${name} ${number}`, `∂ ${number}`]
    : pillMode === 'inline'
      ? [`${name} ${number} → ${number}`, `∂ ${number}`]
      : [`${name} ${number}`, `→ ${number}`];
  const widths = rows.map((row) => textWidth(row, m.pillFont));
  // The check's row: "≈", "·" and "e−99" are wider than textWidth's estimate (measured: about 15%).
  if (check === 'row') widths.push(1.15 * textWidth(`≈ ${number} · 9.9e−99`, m.pillFont));
  if (check === 'mark') widths.push(textWidth(`∂ ${number} ✓`, m.pillFont));
  const w = Math.max(...widths) * BOLD + 2 * m.pillPadX;
  return { w, h: (rows.length + (check === 'row' ? 1 : 0)) * m.pillLineH + 2 * m.pillPadY };
}

/** What a neuron covers: its circle, its name (above it; left of it when dense) and, below, its z/δ lines. */
function neuronShapes(neuron, m, decimals, dense) {
  const { x, y, r } = neuron;
  const nameW = textWidth(neuron.name, dense ? DENSE_NAME_FONT : 13.5) + 8;
  const shapes = [
    { cx: x, cy: y, r: r + 1 },
    dense
      ? { x: x - r - nameW, y: y - 9, w: nameW, h: 18 }
      : { x: x - nameW / 2, y: y - r - m.nameH, w: nameW, h: m.nameH },
  ];
  if (neuron.linesBelow > 0 && !dense) {
    const lines = textWidth(`δ ${widestNumber(decimals)}`, 13) / 2 + 4;
    shapes.push({ x: x - lines, y: y + r, w: 2 * lines, h: neuron.linesBelow * m.lineH + 6 });
  }
  return shapes;
}

const boxAround = (centre, size) => ({ x: centre.x - size.w / 2, y: centre.y - size.h / 2, w: size.w, h: size.h });

/** The weight labels' places: each layer gap in turn, clear of the obstacles and of the labels shown before. */
function labelEdges(gaps, { obstacles, bounds, size }) {
  const taken = [...obstacles];
  return gaps.flatMap((gap) => {
    const edges = gap.map((edge) => ({ ...edge }));
    taken.push(...placeLabels(edges, { obstacles: taken, bounds, size }));
    return edges;
  });
}

/** The first label style (inline, stacked) that hides no label, else the one that hides fewest. */
function labelStyle(modes, place) {
  let best = null;
  for (const pillMode of modes) {
    const placed = { pillMode, ...place(pillMode) };
    placed.hidden = placed.edges.filter((edge) => edge.label.hidden).length;
    if (!best || placed.hidden < best.hidden) best = placed;
    if (placed.hidden === 0) break;
  }
  return best;
}

function trimmed(source, dest) {
  const dx = dest.x - source.x;
  const dy = dest.y - source.y;
  const length = Math.hypot(dx, dy);
  const ux = dx / length;
  const uy = dy / length;
  return {
    x1: source.x + ux * source.r,
    y1: source.y + uy * source.r,
    x2: dest.x - ux * dest.r,
    y2: dest.y - uy * dest.r,
  };
}

/** The error panel's width: its rows' labels and numbers, and its two titles (uppercase, in the language on screen). */
function panelWidth(m, decimals, titles) {
  const rows = textWidth('Δ = o1 − t', 12.5) + 1.12 * textWidth(widestNumber(decimals), 15) + 58;
  // Uppercase, bold and letter-spaced (error-panel.css): about a third wider than the estimate of plain text.
  const title = Math.max(0, ...titles.map((text) => 1.35 * textWidth(text, 12) + 28));
  return Math.max(m.cardW ?? 0, rows, title);
}

/** A dense layout's neuron names, set left of their circles (graph.css). */
export const DENSE_NAME_FONT = 11.5;

/** The height a graph should keep to when it can (the full page passes the window's room as `fitHeight`). */
const TARGET_HEIGHT = { wide: 640, compact: 460, narrow: 600 };

/**
 * The vertical rhythm: the metrics' own spacing, or, for a network whose tallest layer would not fit the target
 * height (5 neurons or more), a dense one: smaller neurons packed closer, each name left of its circle, the bias
 * tags and z/δ lines shown on hover, on focus or while the step is about them (graph.css), so that a layer of 8
 * neurons fits a laptop's window.
 */
function verticalRhythm({ m, maxSize, biasH, nonlinear, fitHeight, cardH, scaleFloor }) {
  const linesH = 2 * m.lineH + 8;
  const baseGapY = m.gapY + biasH + (nonlinear ? m.lineH : 0);
  if (m.rowCard) {
    const below = cardH + m.cardGap;
    return phoneRhythm({ m, maxSize, biasH, baseGapY, linesH, fitHeight, below, scaleFloor });
  }
  const fixedHeight = 2 * m.pad + biasH + m.nameH + 2 * m.r + linesH;
  const target = fitHeight > 0 ? fitHeight : TARGET_HEIGHT[m.compact ? 'compact' : m.mode];
  if (maxSize >= 5 && fixedHeight + (maxSize - 1) * baseGapY > target) {
    const r = Math.max(18, Math.round(m.r * 0.6));
    const fixed = 2 * m.pad + 2 * r + linesH;
    const gapY = Math.min(baseGapY, Math.max(2 * r + 8, (target - fixed) / (maxSize - 1)));
    return { dense: true, r, nameH: 0, biasH: 0, gapY };
  }
  const gapY =
    m.mode === 'wide' && fitHeight > 0 && maxSize > 1
      ? Math.min(baseGapY * 1.3, Math.max(baseGapY, (fitHeight - fixedHeight) / (maxSize - 1)))
      : baseGapY;
  return { dense: false, r: m.r, nameH: m.nameH, biasH, gapY };
}

/**
 * A phone's rhythm, fitted to the room the page leaves the network above its card: the layers' spacing shrinks
 * down to a floor; when even that does not fit, the dense layout (smaller neurons, names beside them, bias tags on
 * demand). What still does not fit is scaled by the view (view.js).
 */
function phoneRhythm({ m, maxSize, biasH, baseGapY, linesH, fitHeight, below, scaleFloor }) {
  const room = fitHeight - below;
  const spacing = (fixed, floor) =>
    maxSize > 1 ? Math.min(baseGapY, Math.max(floor, (room - fixed) / (maxSize - 1))) : baseGapY;
  const fixed = 2 * m.pad + biasH + m.nameH + 2 * m.r + linesH;
  const gapY = spacing(fixed, 2 * m.r + 56);
  const scaled = fitHeight / scaleFloor - below; // the view may draw it this much smaller (fit-window.js)
  if (maxSize === 1 || fixed + (maxSize - 1) * gapY <= scaled)
    return { dense: false, r: m.r, nameH: m.nameH, biasH, gapY };
  const r = Math.max(18, Math.round(m.r * 0.85));
  return { dense: true, r, nameH: 0, biasH: 0, gapY: spacing(2 * m.pad + 2 * r + linesH, 2 * r + 40) };
}

export function computeLayout({
  labels,
  document,
  width,
  decimals,
  fitHeight = 0,
  scaleFloor = 1,
  compact = false,
  cardTitles = [],
  check = false,
}) {
  const narrow = width < NARROW_BELOW;
  // A phone's page fits the network and its card to the window (fitHeight): the card's cells side by side.
  const base = narrow ? { ...NARROW, rowCard: fitHeight > 0 } : compact ? COMPACT : WIDE;
  const sizes = labels.neurons.map((layer) => layer.length);
  const maxSize = Math.max(...sizes);
  const hasBias = labels.biases.some((layer) => layer.some(Boolean));
  const trained = document.trainBiases !== false;
  const nonlinear = document.layers.slice(1).map((layer) => layer.activation !== 'linear');
  const rhythm = verticalRhythm({
    m: base,
    maxSize,
    // A bias tag's rows: name and value, ∂ (or → new value), and the gradient check's row when it is on the graph.
    biasH: hasBias ? (check ? 3 : 2) * base.pillLineH + 2 * base.pillPadY + 8 : 0,
    nonlinear: nonlinear.some(Boolean),
    fitHeight,
    scaleFloor,
    cardH: base.rowCard ? rowCardHeight(base, labels.neurons.at(-1).length, width) : 0,
  });
  const m = { ...base, r: rhythm.r, nameH: rhythm.nameH };
  const { dense, biasH, gapY } = rhythm;

  const deltaHalf = textWidth(`δ ${widestNumber(decimals)}`, 13) / 2;
  const cardW = panelWidth(m, decimals, cardTitles);
  const top = m.pad + biasH + m.nameH + m.r;
  // Dense: the input neurons' names sit left of their circles, inside the drawing.
  const denseNames = dense ? Math.max(...labels.neurons[0].map((name) => textWidth(name, DENSE_NAME_FONT))) + 6 : 0;
  const left = m.pad + m.r + (m.mode === 'wide' ? 10 : 0) + denseNames;
  const right = width - m.pad - Math.max(m.r, deltaHalf) - (m.mode === 'wide' ? cardW + m.cardGap : 0);
  const columnX = (k) => left + ((right - left) * k) / (sizes.length - 1);

  const neurons = [];
  const byName = {};
  labels.neurons.forEach((layer, k) => {
    layer.forEach((name, j) => {
      const neuron = {
        name,
        layer: k,
        index: j,
        x: columnX(k),
        y: top + ((maxSize - layer.length) / 2 + j) * gapY,
        r: m.r,
        output: k === sizes.length - 1,
        activation: k === 0 ? null : document.layers[k].activation,
        linesBelow: k === 0 ? 0 : nonlinear[k - 1] ? 2 : 1,
      };
      neurons.push(neuron);
      byName[name] = neuron;
    });
  });

  const biases = [];
  labels.biases.forEach((layer, l) =>
    layer.forEach((name, j) => {
      if (!name) return;
      const neuron = byName[labels.neurons[l + 1][j]];
      biases.push({
        name,
        layer: l,
        dest: j,
        neuron: neuron.name,
        x: neuron.x,
        // Dense: shown on hover only, just above the neuron's name.
        y: dense ? neuron.y - neuron.r - m.pillLineH - m.pillPadY : neuron.y - neuron.r - m.nameH - biasH / 2 + 2,
        hidden: dense,
        ends: [neuron.name],
      });
    }),
  );

  const linesBelow = Math.max(...neurons.map((neuron) => neuron.linesBelow));
  const netBottom = top + (maxSize - 1) * gapY + m.r + linesBelow * m.lineH + 8;
  const outputs = neurons.filter((neuron) => neuron.output);
  const card = cardLayout({ m: { ...m, cardW }, width, outputs, netBottom, multi: outputs.length > 1 });
  const height = Math.ceil(Math.max(netBottom, card.y + card.h) + m.pad);

  const gaps = labels.weights.map((layer, l) =>
    layer.flatMap((row, j) =>
      row.map((name, i) => {
        const source = byName[labels.neurons[l][i]];
        const dest = byName[labels.neurons[l + 1][j]];
        return {
          name,
          layer: l,
          dest: j,
          source: i,
          sourceName: source.name,
          destName: dest.name,
          ends: [source.name, dest.name],
          ...trimmed(source, dest),
        };
      }),
    ),
  );
  for (const neuron of neurons) neuron.shapes = neuronShapes(neuron, m, decimals, dense);
  const longestName = Math.max(2, ...labels.weights.flat(2).map((name) => name.length));
  const longestBias = Math.max(2, ...biases.map((bias) => bias.name.length + 1));
  const columnGap = (right - left) / (sizes.length - 1) - 2 * m.r;
  const bounds = { x: 0, y: 0, w: width, h: height };
  const placeWith = (checkMode) => {
    const inline =
      m.mode === 'wide' && pillSize(m, longestName, decimals, 'inline', { check: checkMode }).w <= columnGap;
    // Inline labels are wider than stacked ones: when they hide some, the stacked style may hide fewer.
    return labelStyle(inline ? ['inline', 'stacked'] : ['stacked'], (mode) => {
      const size = pillSize(m, longestName, decimals, mode, { check: checkMode });
      const biasSize = pillSize(m, longestBias, decimals, mode, {
        updates: trained,
        check: checkMode, // fixed biases have gradients too, and so their check
      });
      const obstacles = [
        ...neurons.flatMap((neuron) => neuron.shapes),
        ...biases.filter((bias) => !bias.hidden).map((bias) => boxAround(bias, biasSize)),
        { x: card.x, y: card.y, w: card.w, h: card.h },
      ];
      return { pill: size, biasPill: biasSize, edges: labelEdges(gaps, { obstacles, bounds, size }) };
    });
  };
  // The gradient check gets a row of its own in each label where that hides no more labels than it had; else a mark.
  let checkMode = null;
  let placed = placeWith(null);
  if (check) {
    const withRow = placeWith('row');
    checkMode = withRow.hidden <= placed.hidden ? 'row' : 'mark';
    placed = checkMode === 'row' ? withRow : placeWith('mark');
  }
  const { pillMode, pill, biasPill, edges } = placed;

  return {
    mode: m.mode,
    dense,
    pillMode,
    checkMode,
    m,
    width,
    height,
    neurons,
    byName,
    edges,
    biases,
    card,
    pill,
    biasPill,
  };
}
