// The loss curve: mean error per epoch as a line (D3), on a linear or a logarithmic scale, with a readout of the
// point under the pointer (or the latest one). Drawn at its real pixel width; numbers formatted by the page's
// formatter. Everything inside its own <figure>.
import { select } from 'd3-selection';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { axisBottom, axisLeft } from 'd3-axis';
import { h } from '../dom.js';
import { nextFrame } from '../component/next-frame.js';

const HEIGHT = 180;
const MARGIN = { top: 10, right: 14, bottom: 26, left: 52 };

/** The index of the point whose epoch is nearest to `epoch` (points sorted by epoch). */
export function nearestPoint(points, epoch) {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle].epoch < epoch) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && Math.abs(points[low - 1].epoch - epoch) <= Math.abs(points[low].epoch - epoch)) return low - 1;
  return low;
}

export function mountLossChart(container, { t, format, scope }) {
  const svg = select(container)
    .append('figure')
    .attr('class', 'loss-chart')
    .append('svg')
    .attr('data-testid', 'loss-chart')
    .attr('role', 'img')
    .attr('aria-label', t('train.curveEmpty')); // named from the start, before its first drawing
  const readout = h('p', { class: 'loss-readout', 'data-testid': 'loss-readout', 'aria-live': 'off' });
  container.querySelector('.loss-chart').append(readout);
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const xAxis = plot.append('g').attr('class', 'loss-axis loss-x');
  const yAxis = plot.append('g').attr('class', 'loss-axis loss-y');
  const path = plot.append('path').attr('class', 'loss-line').attr('data-testid', 'loss-line');
  const marker = plot.append('circle').attr('class', 'loss-marker').attr('r', 4).attr('hidden', true);
  let points = [];
  let logScale = false;
  let width = 0;
  let scales = null;

  function show(point) {
    if (!point) {
      readout.textContent = t('train.curveEmpty');
      marker.attr('hidden', true);
      return;
    }
    readout.textContent = t('train.curvePoint', { epoch: point.epoch, error: format(point.meanError) });
    marker.attr('hidden', null).attr('cx', scales.x(point.epoch)).attr('cy', scales.y(point.meanError));
  }

  function draw() {
    if (width === 0) return;
    svg.classed('is-empty', points.length === 0); // no axes before there is a curve
    const innerWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
    const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    svg.attr('width', width).attr('height', HEIGHT).attr('viewBox', `0 0 ${width} ${HEIGHT}`);
    const last = points.at(-1);
    const errors = points.map((point) => point.meanError).filter((value) => !logScale || value > 0);
    const top = Math.max(...errors, 1e-12);
    const bottom = Math.min(...errors, top);
    const x = scaleLinear()
      .domain([points[0]?.epoch ?? 0, Math.max(last?.epoch ?? 1, (points[0]?.epoch ?? 0) + 1)])
      .range([0, innerWidth]);
    const y = logScale
      ? scaleLog()
          .domain([Math.max(bottom, 1e-300), top])
          .range([innerHeight, 0])
          .nice()
      : scaleLinear().domain([0, top]).range([innerHeight, 0]).nice();
    scales = { x, y };
    // Tick labels in the page's own number format (its decimal separator and minus sign).
    const epochTick = (value) => String(value);
    const errorTick = (value) => format(value);
    xAxis.attr('transform', `translate(0,${innerHeight})`).call(
      axisBottom(x)
        .ticks(Math.max(2, innerWidth / 90))
        .tickFormat(epochTick),
    );
    yAxis.call(axisLeft(y).ticks(4).tickFormat(errorTick));
    path.attr('data-points', points.length).attr(
      'd',
      line()
        .defined((point) => !logScale || point.meanError > 0)
        .x((point) => x(point.epoch))
        .y((point) => y(point.meanError))(points),
    );
    svg.attr(
      'aria-label',
      last
        ? t('train.curveLabel', {
            first: format(points[0].meanError),
            last: format(last.meanError),
            epochs: last.epoch,
          })
        : t('train.curveEmpty'),
    );
    show(last);
  }

  scope.listen(svg.node(), 'pointermove', (event) => {
    if (!scales || points.length === 0) return;
    const [px] = [event.offsetX - MARGIN.left];
    show(points[nearestPoint(points, scales.x.invert(px))]);
  });
  scope.listen(svg.node(), 'pointerleave', () => show(points.at(-1)));
  const frames = nextFrame(scope);
  const resizing = new ResizeObserver(([entry]) => {
    const next = Math.floor(entry.contentRect.width);
    if (next === width) return;
    width = next;
    frames.request(draw);
  });
  resizing.observe(container);
  scope.own(() => resizing.disconnect());

  return {
    /** Draws these points ({ epoch, meanError }, epochs ascending). */
    update(next) {
      points = next;
      draw();
    },
    setLogScale(on) {
      logScale = on;
      draw();
    },
  };
}
