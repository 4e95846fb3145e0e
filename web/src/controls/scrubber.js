// The timeline of the step on screen: a slider over its frames, coloured by phase, and one
// button per phase (forward, error, backward, update) that jumps to where it starts.
import { h } from '../dom.js';
import { PHASES, phaseOf, phaseRuns } from '../player/timeline.js';
import { eventTitle } from '../formula/titles.js';
import { currentEntry, currentEvent } from '../state/selectors.js';

function trackGradient(events, position) {
  const last = Math.max(1, events.length - 1);
  const percent = (value) => `${(Math.min(1, Math.max(0, value)) * 100).toFixed(2)}%`;
  const stops = phaseRuns(events).map(
    (run) => `var(--phase-${run.phase}) ${percent((run.start - 0.5) / last)} ${percent((run.end + 0.5) / last)}`,
  );
  const played = percent(position / last);
  return `linear-gradient(to right, transparent 0 ${played}, var(--track-veil) ${played} 100%), linear-gradient(to right, ${stops.join(', ')})`;
}

export function mountScrubber(container, { store, actions, t }) {
  const range = h('input', {
    type: 'range',
    class: 'scrubber',
    min: 0,
    max: 1,
    step: 1,
    value: 0,
    'data-testid': 'scrubber',
    'aria-label': t('scrubber.label'),
  });
  range.addEventListener('input', () => actions.jumpTo(Number(range.value)));
  const phaseButtons = PHASES.map((phase) =>
    h(
      'button',
      {
        type: 'button',
        class: 'phase-btn',
        'data-phase': phase,
        'data-testid': `phase-${phase}`,
        onclick: () => actions.jumpToPhase(phase),
      },
      [
        h('span', { class: 'phase-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'phase-name', text: t(`phase.${phase}`) }),
      ],
    ),
  );
  const element = h('div', { class: 'timeline' }, [
    h('div', { class: 'phase-buttons', role: 'group', 'aria-label': t('scrubber.phases') }, phaseButtons),
    range,
  ]);
  container.append(element);

  function render(state) {
    const entry = currentEntry(state);
    if (!entry) return;
    const events = entry.trace.events;
    const event = currentEvent(state);
    range.max = String(events.length - 1);
    range.value = String(state.cursor.event);
    range.setAttribute(
      'aria-valuetext',
      t('scrubber.valueText', {
        index: state.cursor.event + 1,
        count: events.length,
        phase: t(`phase.${phaseOf(event)}`),
        title: eventTitle(event, t),
      }),
    );
    range.style.setProperty('--track', trackGradient(events, state.cursor.event));
    const current = phaseOf(event);
    for (const button of phaseButtons) {
      const phase = button.dataset.phase;
      button.setAttribute('aria-label', t('scrubber.jump', { phase: t(`phase.${phase}`) }));
      if (phase === current) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    }
  }

  store.subscribe((state, previous) => {
    if (state.cursor !== previous.cursor || state.history !== previous.history) render(state);
  });
  render(store.get());
  return { element, range };
}
