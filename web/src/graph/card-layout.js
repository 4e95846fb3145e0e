// The error panel's geometry: a column of rows right of the outputs (wide) or a grid of
// cells below the network (narrow). Cells are keyed by the refs of what they show (state/refs.js):
// t:o1, d:o1, e:o1 (with several outputs), e, then after the update r:o1 and r:E.
import { ref } from '../state/refs.js';

function rowIds(outputs, multi) {
  const rows = [];
  for (const output of outputs) {
    rows.push(ref.target(output.name), ref.difference(output.name));
    if (multi) rows.push(ref.error(output.name));
  }
  rows.push(ref.error());
  return rows;
}

function resultIds(outputs) {
  return [...outputs.map((output) => ref.result(output.name)), ref.result('E')];
}

function wideCard({ m, width, outputs, multi }) {
  const rows = rowIds(outputs, multi);
  const results = resultIds(outputs);
  const titleH = m.cardTitleH;
  const dividerH = m.cardDividerH;
  const h = titleH + rows.length * m.rowH + dividerH + results.length * m.rowH + 10;
  const centre = (outputs[0].y + outputs.at(-1).y) / 2;
  const x = width - m.pad - m.cardW;
  const y = Math.max(m.pad, centre - h / 2);
  const cells = {};
  rows.forEach((id, k) => {
    cells[id] = { x, y: y + titleH + k * m.rowH, w: m.cardW, h: m.rowH };
  });
  const resultsTop = y + titleH + rows.length * m.rowH + dividerH;
  results.forEach((id, k) => {
    cells[id] = { x, y: resultsTop + k * m.rowH, w: m.cardW, h: m.rowH };
  });
  return {
    mode: 'wide',
    x,
    y,
    w: m.cardW,
    h,
    title: { x: x + 14, y: y + titleH - 12 },
    resultsTitle: { x: x + 14, y: resultsTop - 12 },
    divider: { x1: x + 14, x2: x + m.cardW - 14, y: resultsTop - dividerH + 12 },
    cells,
    links: outputs.map((output) => ({
      name: output.name,
      x1: output.x + output.r,
      y1: output.y,
      x2: x,
      y2: cells[ref.difference(output.name)].y + m.rowH / 2,
    })),
  };
}

function gridRows(ids, perRow) {
  const rows = [];
  for (let k = 0; k < ids.length; k += perRow) rows.push(ids.slice(k, k + perRow));
  return rows;
}

function narrowCard({ m, width, outputs, netBottom, multi }) {
  const perRow = 3;
  const rows = [];
  for (const output of outputs)
    rows.push([ref.target(output.name), ref.difference(output.name), ref.error(multi ? output.name : undefined)]);
  if (multi) rows.push([ref.error()]);
  const resultRows = gridRows(resultIds(outputs), perRow);
  const titleH = m.cardTitleH;
  const dividerH = m.cardDividerH;
  const x = m.pad;
  const w = width - 2 * m.pad;
  const y = netBottom + m.cardGap;
  const h = titleH + rows.length * m.cellH + dividerH + resultRows.length * m.cellH + 8;
  const cellW = (w - 16) / perRow;
  const cells = {};
  const place = (ids, top) =>
    ids.forEach((row, r) =>
      row.forEach((id, c) => {
        cells[id] = { x: x + 8 + c * cellW, y: top + r * m.cellH, w: cellW, h: m.cellH };
      }),
    );
  place(rows, y + titleH);
  const resultsTop = y + titleH + rows.length * m.cellH + dividerH;
  place(resultRows, resultsTop);
  return {
    mode: 'narrow',
    x,
    y,
    w,
    h,
    title: { x: x + 12, y: y + 19 },
    resultsTitle: { x: x + 12, y: resultsTop - 9 },
    divider: { x1: x + 12, x2: x + w - 12, y: resultsTop - dividerH + 4 },
    cells,
    links: linksDown(outputs, m, y),
  };
}

/**
 * A phone's card, where height is scarce: one row per output (its target, Δ and E, then its new value after the
 * update, beyond a line), the total E and the new E on a last row; a single output's five cells on one row.
 */
function rowCard({ m, width, outputs, netBottom, multi }) {
  const stacked = multi || !oneRow(m, width); // a narrow phone: the new values one under the other
  const rows = stacked
    ? [
        ...outputs.map((output) => [
          [ref.target(output.name), ref.difference(output.name), ref.error(multi ? output.name : undefined)],
          [ref.result(output.name)],
        ]),
        ...(multi ? [[[null, null, ref.error()], [ref.result('E')]]] : [[[], [ref.result('E')]]]),
      ]
    : [[[ref.target(outputs[0].name), ref.difference(outputs[0].name), ref.error()], resultIds(outputs)]];
  const resultColumns = stacked ? 1 : 2;
  const x = m.pad;
  const w = width - 2 * m.pad;
  const y = netBottom + m.cardGap;
  const split = 12; // the room of the line between the error and what follows the update
  const cellW = (w - 16 - split) / (3 + resultColumns);
  const titleH = m.rowTitleH;
  const h = titleH + rows.length * m.rowCellH + 6;
  const cells = {};
  rows.forEach(([errors, results], r) => {
    const top = y + titleH + r * m.rowCellH;
    errors.forEach((id, c) => {
      if (id) cells[id] = { x: x + 8 + c * cellW, y: top, w: cellW, h: m.rowCellH };
    });
    results.forEach((id, c) => {
      cells[id] = { x: x + 8 + split + (3 + c) * cellW, y: top, w: cellW, h: m.rowCellH };
    });
  });
  const splitX = x + 8 + 3 * cellW + split / 2;
  return {
    mode: 'narrow',
    rows: true,
    x,
    y,
    w,
    h,
    title: { x: x + 12, y: y + titleH - 6 },
    resultsTitle: { x: x + w - 12, y: y + titleH - 6, anchor: 'end' },
    divider: { x1: splitX, x2: splitX, y: y + titleH, y2: y + h - 6 },
    cells,
    links: linksDown(outputs, m, y),
  };
}

/** The dotted lines from each output neuron (under its value and δ) down to the card's top at `y`. */
const linksDown = (outputs, m, y) =>
  outputs.map((output) => ({
    name: output.name,
    x1: output.x,
    y1: output.y + output.r + 2 * m.lineH + 6,
    x2: output.x,
    y2: y,
  }));

export function cardLayout(options) {
  if (options.m.mode === 'wide') return wideCard(options);
  return options.m.rowCard ? rowCard(options) : narrowCard(options);
}

/** A single output's five cells fit one row when each gets ROW_CELL_MIN px. */
const ROW_CELL_MIN = 60;
const oneRow = (m, width) => (width - 2 * m.pad - 28) / 5 >= ROW_CELL_MIN;

/** The height of a phone's card (rowCard) for these outputs, before the network is placed. */
export function rowCardHeight(m, outputCount, width) {
  const rows = outputCount > 1 ? outputCount + 1 : oneRow(m, width) ? 1 : 2;
  return m.rowTitleH + rows * m.rowCellH + 6;
}
