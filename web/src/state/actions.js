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
import { createVariantCache } from './variant-cache.js';
import { orderedVariants, variantsText } from './variants.js';
import { checkAnswer, emptyQuiz, isPending, moreHint, revealAnswer } from '../quiz/state.js';
import { nextQuestionIndex } from '../quiz/questions.js';

// The most steps one goTo computes past the end of history (a message from a host page cannot ask for a billion in
// one call); stepping one frame at a time is not limited.
const MAX_GOTO_STEPS = 1000;
// The most steps showStep computes past the last one at once (the step strip's Page Up).
const MAX_STEPS_AHEAD = 100;
// History keeps every step's position (step back goes any distance), but everything else only near the cursor: the
// traces (4 KB a step for the seed, about 1 MB for an 8-32-32-4 network) of the steps within REACH of it, and, further
// away, the document of every CHECKPOINT_EVERY-th step and of each step that does not follow from the one before (a
// load, an edit, a training run). The engine computes what was given back when the learner returns, to the same
// bits, from the nearest document before it. So the heap grows by a position a step however far the learner steps.
const REACH = 16;
const CHECKPOINT_EVERY = 32;

export function createActions(store, session, { report, t, formatValue }) {
  const get = store.get;
  const set = (patch) => store.update((state) => ({ ...state, ...patch }));
  // A variant's trace of a step, or the engine's reason for refusing it (output-first with a batch of more than one
  // sample): one engine call per step and list of variants.
  const variantTraces = createVariantCache((entry, names) => {
    try {
      return { ok: true, trace: session.traceVariant(entry, names) };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      session.sync(currentEntry(get()));
      return { ok: false, message: error.message };
    }
  });

  /** The history up to index `step`, computing the steps past its end (each one follows from the one before). */
  function historyUpTo(history, step) {
    if (step < history.length) return history;
    const list = [...history]; // one copy, then appended: a long jump is linear, not quadratic
    let previous = list.at(-1).next.document ? list.at(-1) : complete(list, list.length - 1);
    while (list.length <= step) {
      previous = { ...session.continueAfter(previous), follows: true };
      // A step far before the target is thinned at once: a long jump holds little at any time.
      list.push(step - list.length > REACH ? thinned(previous, list.length) : previous);
    }
    return list;
  }

  /** The entry at `index` of `list` with its document, trace and next state, computed again where thinned. */
  function complete(list, index) {
    let from = index;
    while (!list[from].document) from -= 1; // the first entry always has its document (a load)
    let document = list[from].document;
    for (let k = from; k < index; k += 1)
      document = list[k].next.document ?? session.compute(document, list[k].position).next.document;
    return { ...list[index], ...session.compute(document, list[index].position) };
  }

  /** A step far from the cursor: its position, and its document if it is a checkpoint or follows no other step. */
  function thinned(entry, index) {
    const keepDocument = !entry.follows || index % CHECKPOINT_EVERY === 0;
    if (!entry.trace && !entry.next.document && (keepDocument || !entry.document)) return entry;
    return {
      ...entry,
      document: keepDocument ? entry.document : null,
      trace: null,
      next: { document: null, position: entry.next.position },
    };
  }

  /**
   * The history with every step within REACH of `step` complete, and the steps that were within REACH of `from` (the
   * cursor before) thinned if they are further: every other step is already thinned (historyUpTo thins as it goes).
   */
  function withinReach(history, step, from) {
    let list = history;
    const replace = (index, entry) => {
      if (list === history) list = [...history];
      list[index] = entry;
    };
    const last = list.length - 1;
    for (let index = Math.max(0, step - REACH); index <= Math.min(last, step + REACH); index += 1)
      if (!list[index].trace || !list[index].document || !list[index].next.document)
        replace(index, complete(list, index));
    for (let index = Math.max(0, from - REACH); index <= Math.min(last, from + REACH); index += 1) {
      if (Math.abs(index - step) <= REACH) continue;
      const thin = thinned(list[index], index);
      if (thin !== list[index]) replace(index, thin);
    }
    return list;
  }

  /** Moves the cursor to (step, event); event is clamped to the step's last frame. */
  function moveTo(step, event, patch = {}) {
    const state = get();
    let history;
    try {
      history = withinReach(historyUpTo(state.history, step), step, state.cursor.step);
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
    /** The player's move: the next frame, staying in play; the quiz stops it at a question to answer. */
    advance() {
      const moved = moveTo(...nextFrame());
      if (moved && get().playing && isPending(get())) set({ playing: false });
      return moved;
    },
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
      const index = beyond > 0 ? last + Math.min(beyond, MAX_GOTO_STEPS) : Math.max(0, atOrBefore);
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
    /** The variants compared with the step on screen (names, in any order; state.variants keeps the engine's). */
    setVariants(names) {
      const variants = orderedVariants(names);
      if (variantsText(variants) !== variantsText(get().variants)) set({ variants });
    },
    /**
     * The step on screen as the chosen variants compute it: { ok: true, trace } or { ok: false, message } (the
     * engine's refusal); null with no variant chosen. Computed once per step and list of variants.
     */
    variantTrace() {
      const state = get();
      const entry = currentEntry(state);
      if (!entry || state.variants.length === 0) return null;
      return variantTraces.get(entry, variantsText(state.variants));
    },
    /** The quiz's next question after the cursor, in this step or the next one (computed if need be). */
    nextQuestion() {
      const { settings, cursor } = get();
      if (settings.quiz === 'off') return false;
      const here = nextQuestionIndex(currentEntry(get()).trace.events, settings.quiz, cursor.event);
      if (here >= 0) return moveTo(cursor.step, here, { playing: false });
      if (!moveTo(cursor.step + 1, 0, { playing: false })) return false;
      const next = get();
      const first = nextQuestionIndex(currentEntry(next).trace.events, settings.quiz, -1);
      return first > 0 ? moveTo(next.cursor.step, first, { playing: false }) : true;
    },
    /** The learner's answer to the question at the cursor: judge.js's result, or null with no question. */
    checkAnswer(text) {
      const { state, result } = checkAnswer(get(), text);
      if (state !== get()) store.update(() => state);
      return result;
    },
    /** One more line of the hint (`lines`: how many the hint has). */
    moreHint: (lines) => store.update((state) => moreHint(state, lines)),
    /** Shows the engine's number without an answer. */
    revealAnswer: () => store.update(revealAnswer),
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
        quiz: emptyQuiz(),
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
          quiz: emptyQuiz(),
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
      set({ history, cursor: { step: history.length - 1, event: 0 }, playing: false, quiz: emptyQuiz() });
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
