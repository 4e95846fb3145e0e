// UI strings: every visible or spoken string comes from a keyed table (en.js today; a
// French table can be added next to it). t('key', {name: 'h1'}) fills {name} placeholders.
import en from './en.js';

const tables = { en };
let table = en;

export function setLanguage(language) {
  table = tables[language] ?? en;
  document.documentElement.lang = tables[language] ? language : 'en';
}

export function t(key, params = {}) {
  const text = table[key] ?? en[key];
  if (text === undefined) {
    console.warn(`i18n: missing string ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Fills [data-i18n] (text) and [data-i18n-label] (aria-label) inside root. */
export function translateStatic(root = document) {
  if (root === document) document.title = t('app.title');
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
}
