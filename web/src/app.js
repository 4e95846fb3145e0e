// The composition root: engine, state, actions, and every part of the page.
import { BackstepEngine } from './engine/engine.js';
import { t } from './i18n/index.js';
import { formatNumber } from './format/number.js';
import { presetById } from './presets/index.js';
import { createStore } from './state/store.js';
import { createInitialState } from './state/initial.js';
import { loadSettings, saveSettings } from './state/settings-storage.js';
import { createSession } from './state/session.js';
import { createActions } from './state/actions.js';
import { createPlayer } from './player/player.js';
import { createHoverLinks } from './hover-links.js';
import { createMotion } from './motion.js';
import { createStatusBanner } from './status.js';
import { mountGraph } from './graph/view.js';
import { mountFormulaPanel } from './formula/panel.js';
import { mountNarration } from './narration/live-region.js';
import { mountHeader, applyTheme } from './controls/header.js';
import { mountTransport } from './controls/transport.js';
import { mountScrubber } from './controls/scrubber.js';
import { mountSpeed } from './controls/speed.js';
import { installKeyboard } from './controls/keyboard.js';
import { mountEditor } from './edit/editor.js';
import { h } from './dom.js';

const byId = (id) => document.getElementById(id);

function requestedPreset() {
  return new URLSearchParams(window.location.search).get('example') ?? 'seed';
}

export async function startApp() {
  const store = createStore(createInitialState(loadSettings()));
  const status = createStatusBanner(byId('status-banner'));
  applyTheme(store.get().settings.theme);
  const preset = presetById(requestedPreset());

  let engine;
  try {
    engine = await BackstepEngine.create(preset.document);
  } catch (error) {
    document.body.dataset.status = 'failed';
    status.show(t('status.engineFailed', { message: error.message }));
    return null;
  }
  const session = createSession(engine);
  const actions = createActions(store, session, {
    report: (message) => status.show(message),
    t,
    formatValue: (value) => formatNumber(value, store.get().settings.decimals),
  });
  actions.loadPreset(preset.id);

  const hoverLinks = createHoverLinks();
  const motion = createMotion();
  const graphCard = byId('graph-card');
  graphCard.replaceChildren();
  mountHeader(byId('app-header'), { store, actions });
  mountGraph(graphCard, { store, hoverLinks, motion });
  const formulaCard = byId('formula-card');
  const panel = mountFormulaPanel(formulaCard, { store, actions, hoverLinks });
  const barCaption = h('p', { class: 'bar-caption', 'aria-hidden': 'true', 'data-testid': 'bar-caption' });
  mountNarration(formulaCard, store, { mirror: barCaption });
  formulaCard.append(h('p', { class: 'hover-hint', text: t('formula.hoverHint') }));
  panel.render();

  const bar = byId('control-bar');
  const barInner = h('div', { class: 'bar-inner' }, [barCaption]);
  bar.append(barInner);
  mountTransport(barInner, { store, actions });
  mountScrubber(barInner, { store, actions });
  mountSpeed(barInner, { store, actions });
  mountEditor(graphCard, { store, actions });
  installKeyboard(actions);
  createPlayer(store, actions, motion);

  store.subscribe((state, previous) => {
    if (state.settings !== previous.settings) {
      saveSettings(state.settings);
      applyTheme(state.settings.theme);
    }
  });
  document.body.dataset.status = 'ready';
  return { store, actions };
}
