// Remembers the learner's display settings (precision, speed, view, theme, language) between visits.
import { DEFAULT_SETTINGS, SPEEDS, THEMES, VIEWS } from './initial.js';
import { DECIMAL_CHOICES } from '../format/number.js';
import { LANGUAGES } from '../i18n/index.js';

const KEY = 'backstep.settings';

const valid = {
  decimals: (value) => DECIMAL_CHOICES.includes(value),
  speed: (value) => SPEEDS.includes(value),
  view: (value) => VIEWS.includes(value),
  theme: (value) => THEMES.includes(value),
  language: (value) => LANGUAGES.includes(value),
};

export function loadSettings() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return Object.fromEntries(
      Object.keys(DEFAULT_SETTINGS)
        .filter((key) => valid[key](saved[key]))
        .map((key) => [key, saved[key]]),
    );
  } catch {
    return {};
  }
}

export function saveSettings(settings) {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // private mode or storage disabled: settings last for this visit only
  }
}
