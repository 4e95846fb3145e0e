// mountBackstep(root, options): one complete, independent backstep inside any element or shadow
// root. Everything it creates lives under its own root element; listeners, subscriptions and
// observers are owned by its scope, and dispose() removes them with the DOM and frees the engine.
import { BackstepEngine, documentText } from '../engine/engine.js';
import { createTranslator, loadLanguage, supportedLanguage } from '../i18n/translator.js';
import { formatNumber } from '../format/number.js';
import { presetById } from '../presets/index.js';
import { createStore } from '../state/store.js';
import { createInitialState, DEFAULT_SETTINGS } from '../state/initial.js';
import { orderedVariants } from '../state/variants.js';
import { currentEntry } from '../state/selectors.js';
import { dismissIntro, introDismissed, loadSettings, saveSettings } from '../state/settings-storage.js';
import { createSession } from '../state/session.js';
import { createActions } from '../state/actions.js';
import { createPlayer } from '../player/player.js';
import { createHoverLinks } from '../hover-links.js';
import { createMotion } from '../motion.js';
import { createStatusBanner } from '../status.js';
import { mountGraph } from '../graph/view.js';
import { mountFormulaPanel } from '../formula/panel.js';
import { mountNarration } from '../narration/live-region.js';
import { mountHeader } from '../controls/header.js';
import { mountTransport } from '../controls/transport.js';
import { mountScrubber } from '../controls/scrubber.js';
import { mountStepStrip } from '../controls/step-strip.js';
import { mountSpeed } from '../controls/speed.js';
import { mountBarMore } from '../controls/bar-more.js';
import { installKeyboard } from '../controls/keyboard.js';
import { mountShortcutsDialog } from '../controls/shortcuts-dialog.js';
import { mountIntroCard } from '../intro/intro-card.js';
import { mountEditor } from '../edit/editor.js';
import { createTrainingController } from '../training/controller.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { createIds } from './ids.js';
import { createScope } from './scope.js';
import { mountLater } from './later.js';
import { followTheme } from './theme.js';
import { followBarHeight } from './bar-height.js';
import { EngineLoading, firstViewOf, loadingSession, sameOpening, switchableSession } from '../state/first-view.js';
import { waitForEngine } from '../state/waiting-actions.js';

/** Resolves once the frame drawn now has been painted (or after 100 ms, in a tab that paints no frames). */
const afterPaint = () =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

// The share link's reader and writer: their own chunk, kept once loaded (a copy-link click then writes the link in
// the same task, with no wait for a module).
let shareLinkModule = null;
const shareLink = () =>
  shareLinkModule
    ? Promise.resolve(shareLinkModule)
    : import('../link/share-link.js').then((module) => (shareLinkModule = module));

/** The instance's element tree: header, graph and formula cards, control bar, status banner (empty until built). */
function skeleton({ uid, page, embed, linked, workbench }) {
  const graphCard = h('section', {
    class: 'card graph-card',
    id: uid('graph-card'),
    tabindex: '-1',
    'aria-labelledby': uid('graph-title'),
  });
  const formulaCard = h('section', { class: 'card formula-card', 'aria-labelledby': uid('formula-title') });
  const workbenchCard = workbench
    ? h('section', { class: 'card workbench-card', 'aria-labelledby': uid('workbench-title') })
    : null;
  const header = h('header', { class: 'app-header' });
  const main = h(page ? 'main' : 'div', { class: 'app-main' }, [graphCard, formulaCard, workbenchCard]);
  const bar = h('div', { class: 'control-bar', role: 'region' });
  const banner = h('div', { class: 'status-banner', role: 'alert', hidden: true });
  const announcer = h('p', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'aria-atomic': 'true',
    'data-testid': 'announcer',
  });
  const skip = page ? h('a', { class: 'skip-link', href: `#${uid('graph-card')}` }) : null;
  // "Open in backstep": placed in the graph card's header once it is built.
  const openFull = linked
    ? h('a', { class: 'open-full', target: '_blank', rel: 'noopener', 'data-testid': 'open-full' })
    : null;
  const mode = page ? ' is-page' : embed ? ' is-embed' : '';
  // Focusable, so a click anywhere inside gives it the keyboard: its shortcuts act on it alone.
  const element = h('div', { class: `backstep${mode}`, 'data-status': 'loading', tabindex: '-1' }, [
    announcer, // first: out of sight at the top, it never adds to the instance's height
    skip,
    embed ? null : header,
    main,
    bar,
    banner,
  ]);
  return { element, header, main, graphCard, formulaCard, workbenchCard, bar, banner, announcer, skip, openFull };
}

/** Texts of the skeleton itself, in the instance's language; the loading note until the engine is ready. */
function labelSkeleton(parts, t, loading) {
  parts.element.lang = t.language;
  parts.bar.setAttribute('aria-label', t('a11y.controls'));
  if (parts.skip) parts.skip.textContent = t('a11y.skipToGraph');
  if (parts.openFull) {
    parts.openFull.title = t('embed.openFull');
    parts.openFull.replaceChildren(
      icon('external', 'icon icon-small'),
      h('span', { class: 'open-full-label', text: t('embed.openFull') }),
    );
  }
  for (const part of [parts.header, parts.graphCard, parts.formulaCard, parts.workbenchCard, parts.bar, parts.banner])
    part?.replaceChildren();
  parts.banner.hidden = true;
  if (loading) parts.graphCard.append(h('p', { class: 'loading', text: t('a11y.loading') }));
}

/**
 * Mounts backstep into `root` (an element or a shadow root).
 * options: { document (a network document, object or text) | example ('seed', 'mazur'), position and event
 *            (where in the document to open: {epoch, sample, step} and the frame), frame (where an example opens:
 *            {step (from 1), event}; the first view shows a frame of the first step at once), linkError (why the link the
 *            page was opened with could not be read: shown, and the default network opens), language, theme,
 *            decimals, speed, view, graph (the graph card's view: 'neurons', 'operations', 'both'), quiz (off, forward,
 *            backward, all: quiz/questions.js), why (the formula's "Why?" line open: on the full page by default, closed
 *            elsewhere), storage (remember settings; off by default), intro (the card for a first visit, until it
 *            is dismissed on this origin: on the full page by default, off elsewhere), page (the full page: fixed
 *            control bar, graph fitted to the window), embed (minimal chrome for an iframe: no header, a link to
 *            the full page), workbench (training, the architecture, the data and the gradient check under the
 *            step: on by default on the full page only), hide (parts to leave out: 'formula', 'controls'),
 *            appUrl (the full page's address, which share links and "open in backstep" start with; this page's by
 *            default) }.
 * Returns { element, ready (a promise of the instance), store, actions, load(doc), link(), showLinkError(message),
 *           setHidden(parts), dispose() }.
 */
export function mountBackstep(root, options = {}) {
  const scope = createScope();
  const uid = createIds();
  const page = Boolean(options.page);
  const parts = skeleton({
    uid,
    page,
    embed: Boolean(options.embed),
    linked: Boolean(options.embed && options.appUrl),
    workbench: options.workbench ?? page,
  });
  const { element } = parts;
  root.append(element);
  const theme = followTheme(element, scope);
  if (page) followBarHeight(element, parts.bar, scope); // the padding for the fixed bar is the bar's height

  const given = ['theme', 'decimals', 'speed', 'view', 'graph', 'language', 'why', 'quiz'].filter(
    (key) => options[key] !== undefined,
  );
  const settings = {
    ...(page ? {} : { why: false }), // in a post's column the formula card stays compact until asked
    ...(options.storage ? loadSettings() : {}),
    ...Object.fromEntries(given.map((key) => [key, options[key]])),
  };
  settings.language = supportedLanguage(settings.language ?? navigator.language);
  const store = createStore(createInitialState(settings, orderedVariants(options.variants ?? [])));
  let t = createTranslator(store.get().settings.language);
  labelSkeleton(parts, t, true);
  theme.set(store.get().settings.theme);

  let engine = null;
  let disposed = false;
  let ui = null; // the parts built in the current language: rebuilt, with the same state, when it changes
  let training = null; // the workbench's training runs and loss curve: they outlive a rebuilt interface
  let introOpen = (options.intro ?? page) && !introDismissed(); // the first-visit card, until it is dismissed
  const instance = { element, store, actions: null, ready: null, load: null, link, showLinkError, setHidden, dispose };
  setHidden(options.hide ?? []);

  /** The fragment of a share link to what is on screen: the document, the frame, the options, the language, the
      variants compared with the step. */
  function link() {
    const state = store.get();
    const entry = currentEntry(state);
    if (!entry) return Promise.resolve('');
    const { language, ...display } = state.settings;
    const written = {
      document: entry.document,
      position: entry.position,
      event: state.cursor.event,
      settings: display,
      defaults: DEFAULT_SETTINGS,
      language,
      variants: state.variants,
      documentText: documentText(entry.document),
    };
    return shareLink().then(({ writeLink }) => writeLink(written));
  }

  /** Leaves out parts of the instance: 'formula' (the formula card), 'controls' (the control bar; keys still work). */
  function setHidden(hide) {
    parts.formulaCard.hidden = hide.includes('formula');
    parts.bar.hidden = hide.includes('controls');
  }

  /** Says why a link (or another source of a network) could not be read; what is on screen stays. */
  function showLinkError(message) {
    ui?.status.show(t('status.linkRefused', { message }));
  }

  /** Builds every part of the interface in the current language; the store and the engine stay as they are. */
  function buildUI(actions) {
    ui?.scope.dispose();
    labelSkeleton(parts, t, false);
    const uiScope = createScope();
    const status = createStatusBanner(parts.banner, t);
    const appUrl = options.appUrl ?? window.location.href.split('#')[0];
    async function share() {
      const fragment = await link();
      if (fragment === null) {
        status.note(t('share.tooLarge'));
        return;
      }
      const url = `${appUrl}#${fragment}`;
      try {
        await navigator.clipboard.writeText(url);
        status.note(t('share.copied'));
      } catch {
        status.note(t('share.copyFailed', { link: url }));
      }
    }
    const context = {
      store: uiScope.store(store),
      actions,
      t,
      uid,
      scope: uiScope,
      root: element,
      bar: page ? parts.bar : null,
      share,
    };
    // Built once the network is drawn (its own chunk); a click before that opens it when it arrives.
    let shareDialog = null;
    context.openShareDialog = () => shareDialog.then((dialog) => dialog?.open());
    const hoverLinks = createHoverLinks();
    const motion = createMotion();
    if (!options.embed) mountHeader(parts.header, context);
    if (parts.openFull) {
      // Written when it is about to be followed, not on every frame.
      const point = async () => (parts.openFull.href = `${appUrl}#${(await link()) ?? ''}`);
      for (const type of ['pointerenter', 'focus', 'pointerdown']) uiScope.listen(parts.openFull, type, point);
      point();
    }
    const graph = mountGraph(parts.graphCard, { ...context, hoverLinks, motion });
    if (parts.openFull) parts.graphCard.querySelector('.graph-head-tools').append(parts.openFull); // top right
    // The network's first drawing (or 2 s, if the graph is hidden): what the formulas' KaTeX waits for.
    let stopWatching = () => {};
    const graphDrawn = new Promise((resolve) => {
      stopWatching = graph.onDraw(() => resolve());
      setTimeout(resolve, 2000);
    });
    graphDrawn.then(() => stopWatching());
    // The parts that call the engine (the share dialog's export, the workbench) are mounted once it is here.
    const drawnAndReady = Promise.all([graphDrawn, engineHere]);
    // With the link's writer, which the dialog, the share button and the address need at once when asked.
    const loadShare = () =>
      Promise.all([import('../controls/share-dialog.js'), shareLink()]).then(([module]) => module);
    shareDialog = mountLater(uiScope, drawnAndReady, loadShare, (module) =>
      module.mountShareDialog(element, {
        ...context,
        link,
        appUrl,
        explain: (format, decimals, variants) => engine.explain(format, decimals, variants),
        graph: () => parts.graphCard.querySelector('svg[data-testid="graph"]'),
        load: (text) => actions.loadDocument(text),
      }),
    );
    const panel = mountFormulaPanel(parts.formulaCard, { ...context, hoverLinks, graphDrawn });
    const barCaption = h('p', { class: 'bar-caption', 'aria-hidden': 'true', 'data-testid': 'bar-caption' });
    mountNarration(parts.formulaCard, { ...context, mirror: barCaption, announcer: parts.announcer });
    parts.formulaCard.append(h('p', { class: 'hover-hint', text: t('formula.hoverHint') }));
    panel.render();
    const barInner = h('div', { class: 'bar-inner' }, [barCaption]);
    parts.bar.append(barInner);
    const transport = mountTransport(barInner, context);
    const timeline = mountScrubber(barInner, context);
    const strip = mountStepStrip(timeline.element, context); // above the phase timeline
    const barEnd = h('div', { class: 'bar-end' });
    barInner.append(barEnd);
    const speed = mountSpeed(barEnd, context);
    const shortcuts = mountShortcutsDialog(element, barEnd, context);
    mountBarMore(barEnd, { bar: barInner, controls: [strip.element, speed.select], t }); // a phone's overflow
    mountEditor(parts.graphCard, context);
    if (parts.workbenchCard) {
      // Under the step, out of the first view: its own chunk, once the network is drawn (the card waits, hidden).
      const card = parts.workbenchCard;
      card.hidden = true;
      mountLater(
        uiScope,
        drawnAndReady,
        () => import('../workbench/workbench.js'),
        (module) => {
          module.mountWorkbench(card, { ...context, hoverLinks, training, graph });
          card.hidden = false;
        },
      );
    }
    installKeyboard(element, { ...actions, showShortcuts: shortcuts.open }, uiScope);
    const player = createPlayer(context.store, actions, motion);
    uiScope.own(() => player.stop());
    const intro = introOpen ? mountIntro(context, transport.play) : null;
    graph.drawNow(); // every part is in place: the graph's room is known
    ui = { scope: uiScope, status, intro };
  }

  /** The first-visit card, before the cards; once dismissed, remembered, and focus goes on to the controls. */
  function mountIntro(context, play) {
    return mountIntroCard(parts.main, {
      ...context,
      onDismiss: () => {
        introOpen = false;
        dismissIntro();
      },
      focusAfter: () => (parts.bar.hidden ? element : play).focus({ preventScroll: true }),
    });
  }

  scope.own(
    store.subscribe((state, previous) => {
      if (state.settings === previous.settings) return;
      if (options.storage) saveSettings(state.settings);
      theme.set(state.settings.theme);
      if (state.settings.language !== previous.settings.language && ui) relabel(state.settings.language);
    }),
  );
  scope.own(() => ui?.scope.dispose());

  /** Rebuilds the interface in another language, once its table is here (English if it cannot be loaded). */
  async function relabel(language) {
    await loadLanguage(language).catch(() => {});
    if (disposed || store.get().settings.language !== language) return; // another language was chosen meanwhile
    t = createTranslator(language);
    buildUI(uiActions);
    element.querySelector('[data-testid="language"]')?.focus(); // the keyboard stays where it was
    if (store.get().playing) uiActions.advance(); // the new player takes over the play
  }

  // Until the engine is here, an example is drawn from what it answered when the page was built, and what needs the
  // engine waits for it (state/first-view.js, state/waiting-actions.js).
  let engineArrived = () => {};
  const engineHere = new Promise((resolve) => (engineArrived = resolve));
  let engineFailure = null; // why the engine could not start, once it is known
  let uiActions = null; // the actions as the interface calls them (waitForEngine)

  instance.ready = (async () => {
    const preset = presetById(options.example);
    // The instance's language table (not English: its own chunk) loads while the engine does.
    const language = loadLanguage(store.get().settings.language).catch(() => {});
    // An example opens at once, from the engine's answer at build time; a document (a link's) waits for the engine.
    const view = options.document || options.variants?.length ? null : await firstViewOf(preset.id);
    const session = switchableSession(view ? loadingSession(preset.document, view) : null);
    await language;
    t = createTranslator(store.get().settings.language);
    if (disposed) return instance;
    let pending = null; // what the engine refused before the interface was built, shown once it is
    const actions = createActions(store, session, {
      report: (message) => (ui ? ui.status.show(message) : (pending = message)),
      t: (key, params) => t(key, params),
      formatValue: (value) => formatNumber(value, store.get().settings.decimals, t.decimalSeparator),
    });
    const waiting = waitForEngine(actions, {
      store,
      t: (key, params) => t(key, params),
      status: () => ui?.status ?? null,
      failure: () => engineFailure,
      noteHidden: () => options.linkError && showLinkError(options.linkError), // the message the note covered
    });
    uiActions = waiting.actions;
    let frameLater = null; // options.frame is past the first view: the engine computes it, unless the learner moved
    if (view) {
      actions.loadPreset(preset.id);
      try {
        openFrame(actions);
      } catch (error) {
        if (!(error instanceof EngineLoading)) throw error;
        frameLater = store.get().cursor;
      }
      buildUI(waiting.actions);
      element.dataset.status = 'drawn';
      if (options.linkError) showLinkError(options.linkError);
      focusFirst();
      await afterPaint(); // the engine's bytes and compilation come after the first view
      if (disposed) return instance;
    }
    try {
      engine = await BackstepEngine.create(preset.document);
    } catch (error) {
      if (disposed) return instance;
      element.dataset.status = 'failed';
      engineFailure = error.message;
      (ui?.status ?? createStatusBanner(parts.banner, t)).show(t('status.engineFailed', { message: error.message }));
      throw error;
    }
    if (disposed) {
      engine.dispose();
      engine = null;
      return instance;
    }
    const live = createSession(engine);
    session.use(live);
    if (view) {
      takeOver(live.open(preset.document), view, actions);
      if (frameLater === store.get().cursor) openFrame(actions); // unless the learner has moved since
    } else {
      const opened = options.document
        ? actions.loadDocument(options.document, { position: options.position, event: options.event })
        : { ok: false };
      if (!opened.ok) {
        actions.loadPreset(preset.id);
        openFrame(actions);
      }
      buildUI(waiting.actions);
    }
    instance.actions = actions;
    if (parts.workbenchCard) training = createTrainingController({ store, actions });
    instance.load = (doc) => actions.loadDocument(doc);
    // A network file dropped anywhere on the instance opens (or is refused with the engine's message).
    scope.listen(element, 'dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    scope.listen(element, 'drop', async (event) => {
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      const { maxBytes } = engine.limits;
      if (file.size <= maxBytes) actions.loadDocument(await file.text());
      else ui.status.show(t('status.fileTooLarge', { size: file.size, limit: maxBytes })); // never read
    });
    if (pending) ui.status.show(pending);
    if (options.linkError && !view) showLinkError(options.linkError);
    engineArrived();
    waiting.engineReady(); // the loading note goes, and what was kept for the engine happens
    element.dataset.status = 'ready';
    if (!view) focusFirst();
    return instance;
  })();

  /** Where an example opens (options.frame: step, from 1, and frame), if it was given. */
  function openFrame(actions) {
    if (options.frame) actions.goTo(options.frame.step, options.frame.event ?? 0);
  }

  /** The page's keys work at once; a first visit starts on the intro card's button (the keys still work there). */
  function focusFirst() {
    if (page && !element.contains(document.activeElement)) (ui.intro ?? element).focus({ preventScroll: true });
  }

  /**
   * The engine's own opening of the example replaces the one built with the page: the same numbers (the learner's
   * place, answers and settings stay), unless the build was stale: then the example opens again from the engine.
   */
  function takeOver(opened, view, actions) {
    if (!sameOpening(opened, view)) {
      console.warn('backstep: the first view was not the engine’s (a stale build); opened again');
      actions.loadPreset(store.get().presetId);
      return;
    }
    store.update((state) => ({
      ...state,
      labels: opened.labels,
      document: opened.entry.document,
      history: [opened.entry, ...state.history.slice(1)],
    }));
  }

  function dispose() {
    if (disposed) return;
    disposed = true;
    store.update((state) => ({ ...state, playing: false }));
    training?.dispose();
    scope.dispose();
    element.remove();
    engine?.dispose();
    engine = null;
  }
  return instance;
}
