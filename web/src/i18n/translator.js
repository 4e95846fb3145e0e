// UI strings: every visible or spoken string comes from a keyed table (en.js, fr.js). Each backstep
// instance has its own translator, so two instances on one page may speak different languages.
// t('key', {name: 'h1'}) fills {name} placeholders. English is always here; another table is loaded
// (its own chunk) by loadLanguage before a translator for it is made: index.js has them all, for Node.
import en from './en.js';

const tables = { en };
const loaders = { fr: () => import('./fr.js') };
/** Each language's own name, for the menu; and how it writes a decimal number. */
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français' };
const DECIMAL_SEPARATORS = { en: '.', fr: ',' };
// Between the items of a list of numbers: French, with its decimal comma, uses a semicolon.
const LIST_SEPARATORS = { en: ', ', fr: ' ; ' };

export const LANGUAGES = Object.keys(LANGUAGE_NAMES);

/** The language to use for a request ("fr-CH" → "fr" when there is a French table), else English. */
export function supportedLanguage(requested) {
  const base = String(requested ?? '')
    .toLowerCase()
    .split('-')[0];
  return LANGUAGES.includes(base) ? base : 'en';
}

/** Makes a language's table available to createTranslator. */
export function registerLanguage(language, table) {
  tables[language] = table;
}

/** Loads a language's table (once); resolves when createTranslator can use it. */
export async function loadLanguage(language) {
  const name = supportedLanguage(language);
  if (!tables[name]) registerLanguage(name, (await loaders[name]()).default);
}

/** t(key, params) for one language (English while that language's table is not loaded); a key missing there
    falls back to English. */
export function createTranslator(language) {
  const name = tables[supportedLanguage(language)] ? supportedLanguage(language) : 'en';
  const table = tables[name];
  const t = (key, params = {}) => {
    const text = table[key] ?? en[key];
    if (text === undefined) {
      console.warn(`i18n: missing string ${key}`);
      return key;
    }
    return text.replace(/\{(\w+)\}/g, (match, param) => (param in params ? String(params[param]) : match));
  };
  t.language = name;
  t.decimalSeparator = DECIMAL_SEPARATORS[name];
  t.listSeparator = LIST_SEPARATORS[name];
  return t;
}
