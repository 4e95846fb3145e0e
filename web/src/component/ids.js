// Element ids unique to one instance (labels, aria-controls), so several instances share a page.

let instances = 0;

/** uid('speed') → "backstep-3-speed" for the instance that made it. */
export function createIds() {
  instances += 1;
  const prefix = `backstep-${instances}-`;
  return (name) => prefix + name;
}
