// Everything a learner can do, as functions that turn the state into the next state.
// Time travel: steps are kept in history; going past the last one asks the engine for a new
// step, going back reuses the stored numbers and puts the engine back where the screen is.
import { EngineError } from '../engine/engine.js';
import { parseNumber } from '../edit/parse.js';
import { valueAt, withValue } from '../edit/targets.js';
import { effectOf, valueChange } from '../edit/change.js';
import { presetById } from '../presets/index.js';
import { phaseStart } from '../player/timeline.js';
import { currentEntry, currentSample, isAtStepEnd, lastEventIndex } from './selectors.js';

// The most steps a history holds for goTo (a message from a host page cannot ask for a billion); stepping
// one frame at a time is not limited.
const MAX_GOTO_STEPS = 1000;
// The most steps showStep computes past the last one at once (the step strip's Page Up).
const MAX_STEPS_AHEAD = 100;
// History keeps every step's document and position (step back goes any distance), but the traces (4 KB a step for
// the seed, about 1 MB for an 8-32-32-4 network) only of the steps near the cursor: the engine traces a step again
// when the learner comes back to it, with the same numbers. So the heap stays flat however far the learner steps.
const TRACED_AROUND_CURSOR = 16;

export function createActions(store, session, { report, t, formatValue }) {
  const get = store.get;
  const set = (patch) => store.update((state) => ({ ...state, ...patch }));

  function historyUpTo(history, step) {
    if (step < history.length) return history;
    const list = [...history]; // one copy, then appended: a long jump is linear, not quadratic
    while (list.length <= step) {
      const entry = session.continueAfter(list.at(-1));
      // A step far before the target gives its trace back at once: a long jump holds few traces at any time.
      list.push(step - list.length > TRACED_AROUND_CURSOR ? { ...entry, trace: null } : entry);
    }
    return list;
  }

  /** The history with traces for the steps around `step` (computed again where given back), and none further. */
  function tracedAround(history, step) {
    let list = history;
    const replace = (index, entry) => {
      if (list === history) list = [...history];
      list[index] = entry;
    };
    list.forEach((entry, index) => {
      const near = Math.abs(index - step) <= TRACED_AROUND_CURSOR;
      if (near && !entry.trace) replace(index, session.traced(entry));
      else if (!near && entry.trace) replace(index, { ...entry, trace: null });
    });
    return list;
  }

  /** Moves the cursor to (step, event); event is clamped to the step's last frame. */
  function moveTo(step, event, patch = {}) {
    const state = get();
    let history;
    try {
      history = tracedAround(historyUpTo(state.history, step), step);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      session.sync(currentEntry(state)); // the engine goes back to the step on screen
      report(t('status.engineRefusedStep', { message: error.message }));
      set({ playing: false });
      return false;
    }
    const entry = history[step];
    const cursor = { step, event: Math.max(0, Math.min(event, lastEventIndex(entry))) };
    if (step !== state.cursor.step || history !== state.history) session.sync(entry);
    set({ history, cursor, ...patch });
    return true;
  }

  function nextFrame() {
    const { cursor } = get();
    return isAtStepEnd(get()) ? [cursor.step + 1, 0] : [cursor.step, cursor.event + 1];
  }

  const actions = {
    /** The player's move: the next frame, staying in play. */
    advance: () => moveTo(...nextFrame()),
    stepForward: () => moveTo(...nextFrame(), { playing: false }),
    stepBack() {
      const { cursor, history } = get();
      if (cursor.event > 0) return moveTo(cursor.step, cursor.event - 1, { playing: false });
      if (cursor.step > 0) return moveTo(cursor.step - 1, lastEventIndex(history[cursor.step - 1]), { playing: false });
      return false;
    },
    reset: () => moveTo(0, 0, { playing: false }),
    /** The last frame of this step; from there, the last frame of the next step. */
    skipToEnd() {
      const { cursor } = get();
      const step = isAtStepEnd(get()) ? cursor.step + 1 : cursor.step;
      return moveTo(step, Number.MAX_SAFE_INTEGER, { playing: false });
    },
    jumpTo: (event) => moveTo(get().cursor.step, event, { playing: false }),
    /** History entry `index` (from 0; past the last, the steps up to it are computed), at the same frame if it can. */
    showStep(index) {
      const { history, cursor } = get();
      const step = Math.max(0, Math.min(Math.floor(index), history.length - 1 + MAX_STEPS_AHEAD));
      if (!Number.isFinite(step)) return false;
      return moveTo(step, cursor.event, { playing: false });
    },
    /** Step `step` as the counter numbers it (from 1), frame `event` of it (from 0): what embeds and links ask for. */
    goTo(step, event = 0) {
      const { history } = get();
      const wanted = Math.floor(step) - 1; // the position's step count
      if (!Number.isFinite(wanted)) return false;
      // History may skip steps (a training run is one entry): past the last entry, steps are computed on; else the
      // last entry at or before that step.
      const last = history.length - 1;
      const beyond = wanted - (history[last]?.position.step ?? 0);
      const atOrBefore = history.findLastIndex((entry) => entry.position.step <= wanted);
      const index = beyond > 0 ? last + Math.min(beyond, Math.max(0, MAX_GOTO_STEPS - last)) : Math.max(0, atOrBefore);
      return moveTo(index, Math.max(0, Math.floor(event) || 0), { playing: false });
    },
    jumpToPhase(phase) {
      const state = get();
      return moveTo(state.cursor.step, phaseStart(currentEntry(state).trace.events, phase, state.cursor.event), {
        playing: false,
      });
    },
    play() {
      if (get().playing) return;
      set({ playing: true });
      actions.advance();
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? actions.pause() : actions.play()),
    setSetting(key, value) {
      store.update((state) => ({ ...state, settings: { ...state.settings, [key]: value } }));
    },

    /** Replaces one value of the step on screen; returns {ok} or {ok: false, message}. */
    edit(target, text) {
      const state = get();
      const entry = currentEntry(state);
      const old = formatValue(valueAt(entry.document, target));
      const parsed = parseNumber(text);
      if (!parsed.ok)
        return { ok: false, message: t(`edit.refused.${parsed.reason}`, { text: String(text).trim(), old }) };
      if (Object.is(parsed.value, valueAt(entry.document, target))) return { ok: true, unchanged: true };
      let computed;
      try {
        computed = session.compute(withValue(entry.document, target, parsed.value), entry.position);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        session.sync(entry);
        return { ok: false, message: t('edit.refused.engine', { message: error.message, old }) };
      }
      // What changed and what it did, from the engine's trace of the edited step: the step strip marks it, the
      // narration says it. The learning rate changes only the update: its effect is the error after the step.
      const what = valueChange(target, {
        labels: state.labels,
        old: valueAt(entry.document, target),
        value: parsed.value,
      });
      const effect = effectOf(computed.trace, {
        sample: target.sample ?? currentSample(state),
        after: target.kind === 'learningRate',
        outputNames: state.labels.neurons.at(-1),
      });
      const edited = { ...computed, edit: { what, effect } };
      set({
        playing: false,
        document: computed.document,
        history: [...state.history.slice(0, state.cursor.step), edited],
        change: { ...edited.edit, cursor: state.cursor },
      });
      return { ok: true };
    },

    /**
     * Opens any network document (object or JSON text) at its first step (or `position`), first frame (or `event`); returns {ok} or
     * {ok: false, message}. An invalid one is refused with the engine's message and the current network stays.
     * `change`: what the learner changed to make it (edit/change.js), said with its effect and marked on the strip.
     */
    loadDocument(document, { presetId = null, position = null, event = 0, change = null } = {}) {
      try {
        const { labels, entry: opened } = session.open(document, position);
        const effect =
          change && effectOf(opened.trace, { sample: change.sample ?? null, outputNames: labels.neurons.at(-1) });
        const entry = change ? { ...opened, edit: { what: change, effect } } : opened;
        const cursor = { step: 0, event: Math.max(0, Math.min(event, lastEventIndex(entry))) };
        set({
          status: 'ready',
          presetId,
          loads: get().loads + 1,
          document: entry.document,
          labels,
          history: [entry],
          cursor,
          playing: false,
          change: change ? { ...entry.edit, cursor } : null,
        });
        return { ok: true };
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        const previous = currentEntry(get());
        if (previous) session.sync(previous);
        const message = t('status.engineRefusedDocument', { message: error.message });
        report(message);
        return { ok: false, message };
      }
    },

    /**
     * Shows where a training run has got to: { document, position } after it, as the one history entry after entry
     * `after` (the step the run started from; a later report of the same run replaces the earlier one). Step back
     * goes to before the run.
     */
    showTrained({ document, position }, { after }) {
      const state = get();
      let entry;
      try {
        entry = session.compute(document, position);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        session.sync(currentEntry(state));
        report(t('status.engineRefusedStep', { message: error.message }));
        return false;
      }
      const history = [...state.history.slice(0, after + 1), { ...entry, trained: true }];
      session.sync(entry);
      set({ history, cursor: { step: history.length - 1, event: 0 }, playing: false });
      return true;
    },

    /**
     * A new network made by the engine from the one on screen: f(engine) returns the new document (a shape edit,
     * new weights, new data). It opens at its first step; a refusal keeps the network on screen and says why.
     * describe(before, after): the change as a record (edit/change.js), said and marked on the step strip.
     */
    changeNetwork(f, describe = null) {
      let document;
      try {
        document = session.withEntry(currentEntry(get()), f);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        const message = t('status.engineRefusedEdit', { message: error.message });
        report(message);
        return { ok: false, message };
      }
      const before = currentEntry(get()).document;
      return actions.loadDocument(document, { change: describe?.(before, document) ?? null });
    },

    /** What the engine computes about the step on screen without moving: f(engine)'s result, or null if refused. */
    inspect(f) {
      try {
        return session.withEntry(currentEntry(get()), f);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        report(t('status.engineRefusedStep', { message: error.message }));
        return null;
      }
    },

    /** Opens an example network. */
    loadPreset(id) {
      const preset = presetById(id);
      return actions.loadDocument(preset.document, { presetId: preset.id });
    },
  };
  return actions;
}
