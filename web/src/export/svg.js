// The network diagram as a standalone SVG file: a copy of the graph with every style it shows written on
// its elements as attributes (the page's stylesheets do not travel with a file), on the theme's background.

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
];

// As presentation attributes, not a style attribute: a strict Content-Security-Policy refuses those.
function inlineStyles(source, copy) {
  const computed = getComputedStyle(source);
  for (const name of STYLE_PROPERTIES) copy.setAttribute(name, computed.getPropertyValue(name));
  copy.removeAttribute('style');
  for (let k = 0; k < source.children.length; k += 1) inlineStyles(source.children[k], copy.children[k]);
}

/** The SVG text of `svg` (the graph on screen), `background` behind it. */
export function standaloneSvg(svg, background) {
  const copy = svg.cloneNode(true);
  inlineStyles(svg, copy);
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  for (const element of copy.querySelectorAll('[data-testid]')) element.removeAttribute('data-testid');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The same diagram as a PNG data URL, drawn at `scale` (2: sharp on a high-density screen). */
export function svgToPng(svgText, width, height, scale = 2) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      resolve(canvas.toDataURL('image/png'));
    };
    image.onerror = () => reject(new Error('the diagram could not be drawn'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}
