// The page header: the brand, the example network, display precision and the theme.
import { h, s } from '../dom.js';
import { icon } from '../icons.js';
import { DECIMAL_CHOICES } from '../format/number.js';
import { PRESETS } from '../presets/index.js';
import { LANGUAGE_NAMES } from '../i18n/translator.js';
import { THEMES } from '../state/initial.js';
import { currentEntry } from '../state/selectors.js';

function brandMark() {
  return s('svg', { class: 'brand-mark', viewBox: '0 0 32 32', 'aria-hidden': 'true', focusable: 'false' }, [
    s('rect', { width: 32, height: 32, rx: 9, class: 'brand-bg' }),
    s('path', { d: 'M9 10 L23 16 M9 22 L23 16', class: 'brand-edge' }),
    s('circle', { cx: 9, cy: 10, r: 3.5, class: 'brand-node' }),
    s('circle', { cx: 9, cy: 22, r: 3.5, class: 'brand-node' }),
    s('circle', { cx: 23, cy: 16, r: 4, class: 'brand-node' }),
  ]);
}

function select(id, testId, label, options, onChange) {
  const element = h(
    'select',
    { id, 'data-testid': testId },
    options.map(([value, text]) => h('option', { value, text })),
  );
  element.addEventListener('change', () => onChange(element.value));
  return {
    element,
    field: h('label', { class: `field field-${testId}`, for: id }, [
      h('span', { class: 'field-label', text: label }),
      element,
    ]),
  };
}

/** A header button with an icon and a word; the word hides where the header is narrow (it stays the name). */
function iconButton(testId, iconName, label, name, onclick) {
  return h(
    'button',
    {
      type: 'button',
      class: 'theme-toggle share-button',
      'data-testid': testId,
      title: name,
      'aria-label': name,
      onclick,
    },
    [icon(iconName), h('span', { class: 'theme-label', text: label })],
  );
}

export function mountHeader(container, { store, actions, t, uid, scope, root, share, openShareDialog }) {
  const preset = select(
    uid('preset'),
    'preset',
    t('settings.preset'),
    [...PRESETS.map((item) => [item.id, t(item.labelKey)]), ['', t('preset.custom')]],
    (id) => actions.loadPreset(id),
  );
  const decimals = select(
    uid('precision'),
    'precision',
    t('settings.decimals'),
    DECIMAL_CHOICES.map((value) => [String(value), String(value)]),
    (value) => actions.setSetting('decimals', Number(value)),
  );
  const language = select(
    uid('language'),
    'language',
    t('settings.language'),
    Object.entries(LANGUAGE_NAMES),
    (value) => actions.setSetting('language', value),
  );
  const theme = h('button', { type: 'button', class: 'theme-toggle', 'data-testid': 'theme' });
  theme.addEventListener('click', () => {
    const next = THEMES[(THEMES.indexOf(store.get().settings.theme) + 1) % THEMES.length];
    actions.setSetting('theme', next);
  });
  const copyLink = iconButton('copy-link', 'link', t('share.copy'), t('share.copy'), () => share());
  const exportButton = iconButton('share-export', 'share', t('export.button'), t('export.title'), () =>
    openShareDialog(),
  );
  const tools = h('div', { class: 'header-tools', id: uid('header-tools') }, [
    preset.field,
    decimals.field,
    language.field,
    theme,
    copyLink,
    exportButton,
  ]);
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'settings-toggle',
      'data-testid': 'settings-toggle',
      'aria-expanded': 'false',
      'aria-controls': uid('header-tools'),
      'aria-label': t('settings.toggle'),
      title: t('settings.toggle'),
    },
    [icon('sliders'), h('span', { class: 'settings-toggle-label', text: t('settings.toggle') })],
  );
  const setOpen = (open) => {
    tools.classList.toggle('is-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!tools.classList.contains('is-open')));
  scope.listen(root, 'keydown', (event) => {
    if (event.key === 'Escape' && tools.classList.contains('is-open')) {
      setOpen(false);
      toggle.focus();
    }
  });
  scope.listen(root, 'pointerdown', (event) => {
    if (!tools.contains(event.target) && !toggle.contains(event.target)) setOpen(false);
  });
  // A phone shows the network's title here, under the name, instead of the tagline (phone-page.css); a tap shows
  // it whole. Screen readers have it from the graph card.
  const docTitle = h('span', { class: 'brand-doc', 'aria-hidden': 'true', 'data-testid': 'brand-doc' });
  docTitle.addEventListener('click', () => docTitle.classList.toggle('is-whole'));
  container.append(
    h('div', { class: 'brand' }, [
      brandMark(),
      h('div', { class: 'brand-text' }, [
        h('h1', { class: 'brand-name', text: t('app.name') }),
        h('span', { class: 'brand-tagline', text: t('app.tagline') }),
        docTitle,
      ]),
    ]),
    toggle,
    tools,
  );

  function render(state) {
    docTitle.textContent = currentEntry(state)?.document.title ?? '';
    docTitle.title = docTitle.textContent;
    preset.element.value = state.presetId ?? '';
    preset.element.lastElementChild.hidden = state.presetId !== null;
    decimals.element.value = String(state.settings.decimals);
    language.element.value = state.settings.language;
    const mode = state.settings.theme;
    theme.replaceChildren(
      icon(mode === 'dark' ? 'moon' : mode === 'light' ? 'sun' : 'auto'),
      h('span', { class: 'theme-label', text: t(`theme.${mode}`) }),
    );
    theme.setAttribute('aria-label', t('theme.label', { mode: t(`theme.${mode}`) }));
    theme.title = t('theme.label', { mode: t(`theme.${mode}`) });
  }
  store.subscribe((state, previous) => {
    if (state.settings !== previous.settings || state.loads !== previous.loads) render(state);
  });
  render(store.get());
}
