// Icons as path data (24×24, stroked), drawn with the DOM API.
import { s } from './dom.js';

const PATHS = {
  play: 'M8 5.5v13l10.5-6.5z',
  pause: 'M8 5h3v14H8zM13 5h3v14h-3z',
  stepForward: 'M5.5 6.5v11l8.5-5.5zM15.5 6H18v12h-2.5z',
  stepBack: 'M18.5 6.5v11L10 12zM6 6h2.5v12H6z',
  reset: 'M4.5 12a7.5 7.5 0 1 0 2.2-5.3M4.5 4.5v4h4',
  skipEnd: 'M3 6.5v11l7.5-5.5zM10.5 6.5v11L18 12zM18.5 6H21v12h-2.5z',
  sun: 'M12 4V2M12 22v-2M4 12H2M22 12h-2M6.3 6.3 4.9 4.9M19.1 19.1l-1.4-1.4M6.3 17.7l-1.4 1.4M19.1 4.9l-1.4 1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  auto: 'M12 3a9 9 0 1 0 0 18zM12 3a9 9 0 0 1 0 18',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  share: 'M12 15V3M7 8l5-5 5 5M5 13v7h14v-7',
  sliders: 'M4 7h9M17 7h3M4 17h3M11 17h9M15 4.5v5M9 14.5v5',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
};

const FILLED = new Set(['play', 'pause', 'stepForward', 'stepBack', 'skipEnd']);

export function icon(name, className = 'icon') {
  return s('svg', { class: className, viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' }, [
    s('path', { d: PATHS[name], class: FILLED.has(name) ? 'icon-fill' : 'icon-stroke' }),
  ]);
}
