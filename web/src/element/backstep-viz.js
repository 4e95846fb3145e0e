// <backstep-viz>: backstep as an HTML element for any page. One <script type="module" src=".../backstep-viz.js">
// defines it. It renders in an open shadow root (the host page's CSS stays out, its own stays in), loads the
// engine only when it scrolls into view, and takes its network from, in order: an inline
// <script type="application/json"> child, `src` (a document's URL), a `link` (a share link's fragment) or
// `example` ("seed", "mazur"). Attributes mirror a link's options: lang, theme, decimals, view, graph, speed, quiz,
// step and event; `hide="formula,controls"` leaves parts out. Changing one later takes effect at once (a new
// src, link or example opens that network). `workbench` (read when it starts) adds training, the architecture
// editor, the data table and the gradient check under the step; `why` opens the formula's "Why?" line from the start
// and `intro` shows the first-visit card (until a learner dismisses it on this origin); both read when it starts.
// Events: ready, step (the frame moved) and change (another document). Methods: next(), prev(),
// goto(step, event), load(doc) and toJSON().
import { mountBackstep } from '../component/mount.js';
import { engineLimits } from '../engine/engine.js';
import { LINK_OPTIONS, readLink } from '../link/share-link.js';
import { mountOptionsFromLink } from '../link/mount-options.js';
import { parseHide } from '../link/hide.js';
import { supportedLanguage } from '../i18n/translator.js';
import { DEFAULT_SETTINGS } from '../state/initial.js';
import { addFontFaces, componentSheet } from './styles.js';

const SOURCE_ATTRIBUTES = ['src', 'link', 'example'];
const FRAME_ATTRIBUTES = ['step', 'event'];
// Display attributes and the link options they take their values from.
const DISPLAY_ATTRIBUTES = {
  decimals: 'dec',
  speed: 'speed',
  theme: 'theme',
  view: 'view',
  graph: 'graph',
  quiz: 'quiz',
};

/** The display options (and language) among what mountOptionsFromLink gives. */
function displayOf({ linkError, document, position, event, variants, ...display }) {
  return Object.fromEntries(Object.entries(display).filter(([, value]) => value !== undefined));
}

class BackstepViz extends HTMLElement {
  static observedAttributes = [
    ...SOURCE_ATTRIBUTES,
    ...FRAME_ATTRIBUTES,
    ...Object.keys(DISPLAY_ATTRIBUTES),
    'lang',
    'hide',
  ];

  #instance = null;
  #observer = null;
  #run = 0; // counts starts and removals: a start that is no longer the latest stops
  #loads = 0; // counts source reads: a read that is no longer the latest is dropped
  #readSource = ''; // the source attributes as the start read them
  #linkDisplay = {}; // the display options of the link read last: what an attribute removed goes back to

  connectedCallback() {
    if (this.#instance || this.#observer) return;
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [componentSheet()];
    addFontFaces();
    // Lazy: nothing is loaded, not even the engine, before the element comes near the viewport.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer.disconnect();
        this.#observer = null;
        this.#start();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#run += 1; // a start still waiting stops at its next step
    this.#loads += 1;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#instance?.dispose();
    this.#instance = null;
  }

  /** An attribute changed: before the element is ready its start catches up on every change; after, it applies it. */
  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.#instance?.actions) return;
    if (name === 'hide') this.#instance.setHidden(parseHide(value));
    else if (SOURCE_ATTRIBUTES.includes(name)) this.#reload();
    else if (FRAME_ATTRIBUTES.includes(name)) this.#goToAttributes();
    else this.#applyDisplay();
  }

  /** What the source attributes say now (the inline document's text included). */
  #sourceKey() {
    const inline = this.querySelector('script[type="application/json"]')?.textContent ?? null;
    return JSON.stringify([inline, ...SOURCE_ATTRIBUTES.map((name) => this.getAttribute(name))]);
  }

  /** Where the network comes from, read like a share link: { ok, document, … } or { ok: false, message }. */
  async #source() {
    const inline = this.querySelector('script[type="application/json"]');
    if (inline) return { ok: true, document: inline.textContent };
    if (this.hasAttribute('src')) {
      const response = await fetch(new URL(this.getAttribute('src'), document.baseURI));
      if (!response.ok) return { ok: false, message: `src: ${response.status} ${response.statusText}` };
      return { ok: true, document: await response.text() };
    }
    if (this.hasAttribute('link')) return readLink(this.getAttribute('link'), engineLimits);
    return { ok: true };
  }

  /** The display options its attributes set, each checked against the values a share link accepts. */
  #attributeOptions() {
    const options = {};
    if (this.hasAttribute('lang')) options.language = supportedLanguage(this.getAttribute('lang'));
    for (const [attribute, key] of Object.entries(DISPLAY_ATTRIBUTES)) {
      if (!this.hasAttribute(attribute)) continue;
      const option = LINK_OPTIONS[key];
      const value = option.parse(this.getAttribute(attribute));
      if (option.values.includes(value)) options[option.setting] = value;
    }
    return options;
  }

  async #start() {
    const run = ++this.#run;
    this.#readSource = this.#sourceKey();
    const source = await this.#source().catch((error) => ({ ok: false, message: error.message }));
    if (run !== this.#run) return; // removed meanwhile
    const fromLink = mountOptionsFromLink(source);
    this.#linkDisplay = displayOf(fromLink);
    const asked = this.#askedKey(); // what the attributes ask for at mount
    const instance = mountBackstep(this.shadowRoot, {
      embed: true, // the widget without the app's header; "open in backstep" when an `app` address is given
      example: this.getAttribute('example') ?? undefined,
      appUrl: this.getAttribute('app') ?? undefined,
      hide: parseHide(this.getAttribute('hide')),
      workbench: this.hasAttribute('workbench'), // training, network, data and gradient check (read at start)
      why: this.hasAttribute('why') ? true : undefined,
      intro: this.hasAttribute('intro'),
      frame: this.#frameAttributes(),
      ...fromLink,
      ...this.#attributeOptions(),
    });
    this.#instance = instance;
    try {
      await instance.ready;
    } catch {
      return; // the engine could not start: the instance shows why
    }
    if (run !== this.#run) return;
    // Attributes set while the engine loaded (a framework sets them a tick after insertion) take effect now; what the
    // learner did meanwhile (the first view plays before the engine is here) stays when they did not change.
    instance.setHidden(parseHide(this.getAttribute('hide')));
    const now = JSON.parse(this.#askedKey());
    const then = JSON.parse(asked);
    if (JSON.stringify(now.display) !== JSON.stringify(then.display)) this.#applyDisplay();
    if (this.#sourceKey() !== this.#readSource) this.#reload();
    if (JSON.stringify(now.frame) !== JSON.stringify(then.frame)) this.#goToAttributes();
    instance.store.subscribe((state, previous) => {
      if (state.loads !== previous.loads) this.dispatchEvent(new CustomEvent('change', { detail: this.toJSON() }));
      else if (state.cursor !== previous.cursor) this.dispatchEvent(new CustomEvent('step', { detail: this.#frame() }));
    });
    this.dispatchEvent(new CustomEvent('ready', { detail: this.#frame() }));
  }

  /** What the display and frame attributes ask for, as text (compared after the engine has loaded). */
  #askedKey() {
    return JSON.stringify({ display: this.#attributeOptions(), frame: this.#frameAttributes() ?? null });
  }

  /** The step and frame the attributes ask for ({ step, event }), or undefined. */
  #frameAttributes() {
    if (!this.hasAttribute('step')) return undefined;
    return { step: Number(this.getAttribute('step')), event: Number(this.getAttribute('event') ?? 0) };
  }

  #goToAttributes() {
    const frame = this.#frameAttributes();
    if (frame) this.#instance.actions.goTo(frame.step, frame.event);
  }

  /** Sets the display options to the attributes'; one that was removed goes back to its default. */
  #applyDisplay() {
    // Only the settings an attribute or a link sets: the learner's own (the "Why?" line) stay as they are.
    const settingKeys = Object.values(DISPLAY_ATTRIBUTES).map((key) => LINK_OPTIONS[key].setting);
    const display = Object.fromEntries(settingKeys.map((setting) => [setting, DEFAULT_SETTINGS[setting]]));
    const defaults = { ...display, language: supportedLanguage(navigator.language), ...this.#linkDisplay };
    const wanted = { ...defaults, ...this.#attributeOptions() };
    const { settings } = this.#instance.store.get();
    for (const [key, value] of Object.entries(wanted))
      if (value !== undefined && value !== null && settings[key] !== value)
        this.#instance.actions.setSetting(key, value);
  }

  /** Opens the network the source attributes now name (with a link's display options); one that cannot be read is
      refused with a message, and the network on screen stays. The latest read wins. */
  async #reload() {
    const load = ++this.#loads;
    this.#readSource = this.#sourceKey();
    const source = await this.#source().catch((error) => ({ ok: false, message: error.message }));
    const instance = this.#instance;
    if (load !== this.#loads || !instance?.actions) return; // a later read, or removed meanwhile
    const fromLink = mountOptionsFromLink(source);
    if (fromLink.linkError) return instance.showLinkError(fromLink.linkError);
    if (fromLink.document)
      instance.actions.loadDocument(fromLink.document, { position: fromLink.position, event: fromLink.event });
    else instance.actions.loadPreset(this.getAttribute('example') ?? undefined);
    instance.actions.setVariants(fromLink.variants ?? []);
    this.#linkDisplay = displayOf(fromLink);
    this.#applyDisplay();
  }

  #frame() {
    const state = this.#instance.store.get();
    const entry = state.history[state.cursor.step];
    return {
      step: entry.position.step + 1,
      event: state.cursor.event,
      kind: entry.trace.events[state.cursor.event]?.kind,
    };
  }

  #actions() {
    if (!this.#instance?.actions) throw new Error('backstep-viz: not ready yet (wait for its "ready" event)');
    return this.#instance.actions;
  }

  next() {
    this.#actions().stepForward();
  }

  prev() {
    this.#actions().stepBack();
  }

  /** Step `step` as the counter numbers it (from 1), frame `event` (from 0). */
  goto(step, event = 0) {
    this.#actions().goTo(step, event);
  }

  /** Opens a network document (object or JSON text): { ok } or { ok: false, message }. */
  load(doc) {
    return this.#actions().loadDocument(doc);
  }

  /** The document on screen, its position and frame: what a link carries. */
  toJSON() {
    if (!this.#instance?.actions) return null;
    const state = this.#instance.store.get();
    const entry = state.history[state.cursor.step];
    // A copy: a host that changes it changes nothing on screen.
    return structuredClone({ document: entry.document, position: entry.position, event: state.cursor.event });
  }
}

if (!customElements.get('backstep-viz')) customElements.define('backstep-viz', BackstepViz);
