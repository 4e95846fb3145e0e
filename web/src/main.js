// The full page: one backstep instance filling the window. Its address follows the learner: the fragment is
// a share link to what is on screen (docs/share-links.md). `?example=mazur` opens the second example.
import './component/styles.js';
import './styles/page.css';
import { mountBackstep } from './component/mount.js';
import { engineLimits } from './engine/engine.js';
import { mountOptionsFromLink } from './link/mount-options.js';
import { followLanguage } from './page-language.js';

/** A share link in the address (its reader is its own chunk: most visits have none; the engine's limits only for a
    packed document). */
async function readAddress(fragment) {
  const { readLink } = await import('./link/share-link.js');
  return readLink(fragment, engineLimits);
}

async function start() {
  const example = new URLSearchParams(window.location.search).get('example') ?? undefined;
  const link = window.location.hash ? await readAddress(window.location.hash) : { ok: true };
  const instance = mountBackstep(document.getElementById('app'), {
    example,
    page: true,
    storage: !window.location.hash, // a link's options are for this visit, not remembered
    ...mountOptionsFromLink(link),
  });
  followLanguage(instance);
  try {
    await instance.ready;
  } catch {
    return; // the engine could not start: the instance says why
  }
  followAddress(instance);
}

/** Keeps the address bar on what is on screen, replacing the entry (no flood of history entries). */
function followAddress(instance) {
  let timer = null;
  instance.store.subscribe((state, previous) => {
    const same = ['cursor', 'history', 'settings', 'variants'].every((key) => state[key] === previous[key]);
    if (same) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const fragment = await instance.link();
      if (fragment !== null) window.history.replaceState(null, '', `#${fragment}`); // null: too large for a link
    }, 250);
  });
}

start();
