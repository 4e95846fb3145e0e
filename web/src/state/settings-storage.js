// Remembers the learner's display settings (precision, speed, view, graph view, theme, language, the "Why?" line
// open or closed, the quiz's set) between visits, and whether this origin's intro card was dismissed.
import { DEFAULT_SETTINGS, GRAPH_VIEWS, QUIZ_SETS, SPEEDS, THEMES, VIEWS } from './initial.js';
import { DECIMAL_CHOICES } from '../format/number.js';
import { LANGUAGES } from '../i18n/translator.js';

const KEY = 'backstep.settings';
const INTRO_KEY = 'backstep.introDismissed';

const valid = {
  decimals: (value) => DECIMAL_CHOICES.includes(value),
  speed: (value) => SPEEDS.includes(value),
  view: (value) => VIEWS.includes(value),
  graph: (value) => GRAPH_VIEWS.includes(value),
  theme: (value) => THEMES.includes(value),
  language: (value) => LANGUAGES.includes(value),
  why: (value) => typeof value === 'boolean',
  quiz: (value) => QUIZ_SETS.includes(value),
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

/**
 * The intro card is for a first visit: once dismissed it stays away on this origin, whatever settings a link
 * carries (a link's settings are not remembered, but a dismissal is). False where storage is unavailable.
 */
export function introDismissed() {
  try {
    return localStorage.getItem(INTRO_KEY) === '1';
  } catch {
    return false;
  }
}

export function dismissIntro() {
  try {
    localStorage.setItem(INTRO_KEY, '1');
  } catch {
    // private mode or storage disabled: dismissed for this visit only
  }
}
