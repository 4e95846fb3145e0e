// The full page pads its content for the fixed control bar by the bar's real height: a ResizeObserver on the bar
// writes it to the instance's root as --bar-h (CSSOM, allowed under a strict CSP), so the padding, the intro card's
// place and the formula card's room follow whatever the bar holds (a wrapped caption, an open drawer, a language).
export function followBarHeight(element, bar, scope) {
  const write = (height) => element.style.setProperty('--bar-h', `${Math.ceil(height)}px`);
  const observer = new ResizeObserver(([entry]) => {
    const box = entry.borderBoxSize?.[0];
    write(box ? box.blockSize : bar.getBoundingClientRect().height);
  });
  observer.observe(bar);
  scope.own(() => {
    observer.disconnect();
    element.style.removeProperty('--bar-h');
  });
}
