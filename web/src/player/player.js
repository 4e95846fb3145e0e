// The play loop: while state.playing, wait for the current frame's animation (scaled by the
// speed), then move to the next frame — past the end of a step into the next one, whose
// forward pass runs with the updated weights — until paused.
import { currentEvent } from '../state/selectors.js';
import { frameDuration } from './timeline.js';

export function createPlayer(store, actions, motion) {
  let timer = null;

  function stop() {
    clearTimeout(timer);
    timer = null;
  }

  function schedule(state) {
    stop();
    const wait = frameDuration(currentEvent(state), state.settings.speed, motion.reduced());
    timer = setTimeout(() => {
      timer = null;
      const now = store.get();
      if (!now.playing) return;
      actions.advance();
    }, wait);
  }

  store.subscribe((state, previous) => {
    if (!state.playing) {
      stop();
      return;
    }
    const moved = state.cursor !== previous.cursor || !previous.playing;
    const retimed = state.settings.speed !== previous.settings.speed;
    if (moved || retimed) schedule(state);
  });

  return { stop };
}
