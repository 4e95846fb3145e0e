// The frames of a step are its trace events; each belongs to one of four phases.
// Durations are for 1× speed; the player divides them by the chosen speed.

export const PHASES = ['forward', 'error', 'backward', 'update'];

const PHASE_OF_KIND = {
  input: 'forward',
  forward: 'forward',
  error: 'error',
  delta: 'backward',
  gradient: 'backward',
  update: 'update',
  result: 'update',
};

const ANIMATION_MS = {
  input: 700,
  forward: 1700,
  error: 1500,
  delta: 1400,
  gradient: 1100,
  update: 1000,
  result: 1600,
};
const HOLD_MS = 350;
const REDUCED_MOTION_FRAME_MS = 900;

export function phaseOf(event) {
  return PHASE_OF_KIND[event?.kind] ?? 'forward';
}

/** Contiguous runs of one phase: [{phase, start, end}] (a batch repeats the first three). */
export function phaseRuns(events) {
  const runs = [];
  events.forEach((event, index) => {
    const phase = phaseOf(event);
    const last = runs.at(-1);
    if (last && last.phase === phase) last.end = index;
    else runs.push({ phase, start: index, end: index });
  });
  return runs;
}

/** The first frame of a phase at or after `from` (wrapping to the first run of the step). */
export function phaseStart(events, phase, from = 0) {
  const runs = phaseRuns(events).filter((run) => run.phase === phase);
  const current = runs.find((run) => run.start <= from && from <= run.end);
  if (current) return current.start;
  return (runs.find((run) => run.start > from) ?? runs[0])?.start ?? 0;
}

/** How long a frame's animation lasts (ms) at a speed; 0 without motion. */
export function animationDuration(event, speed, reducedMotion) {
  if (reducedMotion || !event) return 0;
  return (ANIMATION_MS[event.kind] ?? 1000) / speed;
}

/** How long the player stays on a frame before the next one. */
export function frameDuration(event, speed, reducedMotion) {
  if (reducedMotion) return REDUCED_MOTION_FRAME_MS / speed;
  return animationDuration(event, speed, false) + HOLD_MS / speed;
}
