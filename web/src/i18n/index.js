// UI strings: every visible or spoken string comes from a keyed table (en.js, fr.js). Each backstep
// instance has its own translator, so two instances on one page may speak different languages.
// t('key', {name: 'h1'}) fills {name} placeholders.
import en from './en.js';
import fr from './fr.js';

const tables = { en, fr };
/** Each language's own name, for the menu; and how it writes a decimal number. */
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français' };
const DECIMAL_SEPARATORS = { en: '.', fr: ',' };
// Between the items of a list of numbers: French, with its decimal comma, uses a semicolon.
const LIST_SEPARATORS = { en: ', ', fr: ' ; ' };

export const LANGUAGES = Object.keys(tables);

/** The language to use for a request ("fr-CH" → "fr" when there is a French table), else English. */
export function supportedLanguage(requested) {
  const base = String(requested ?? '')
    .toLowerCase()
    .split('-')[0];
  return tables[base] ? base : 'en';
}

/** t(key, params) for one language; a key missing there falls back to English. */
export function createTranslator(language) {
  const table = tables[supportedLanguage(language)];
  const t = (key, params = {}) => {
    const text = table[key] ?? en[key];
    if (text === undefined) {
      console.warn(`i18n: missing string ${key}`);
      return key;
    }
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  };
  t.language = supportedLanguage(language);
  t.decimalSeparator = DECIMAL_SEPARATORS[t.language];
  t.listSeparator = LIST_SEPARATORS[t.language];
  return t;
}
