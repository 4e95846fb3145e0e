// The iframe embed (embed.html): one instance with minimal chrome, opened from the fragment — a share link
// (docs/share-links.md) plus `hide=formula,controls` (parts to leave out), `autoplay=1`, `workbench=1`
// (training, the architecture, the data and the gradient check under the step), `why=1` (the formula's "Why?" line
// open from the start) and `intro=1` (the first-visit card, until a learner dismisses it on backstep's origin).
// It tells its parent its height, so the host can size the frame, says backstep:ready, and answers its parent's
// messages: backstep:next, backstep:prev, backstep:goto {step, event}, backstep:load {document}.
import './component/styles.js';
import './styles/page.css';
import './styles/embed-page.css';
import { mountBackstep } from './component/mount.js';
import { engineLimits } from './engine/engine.js';
import { mountOptionsFromLink } from './link/mount-options.js';
import { parseHide } from './link/hide.js';
import { followLanguage } from './page-language.js';

/** The embed's own keys in the fragment (a share link's reader ignores them). */
function embedOptions(fragment) {
  const keys = new Map(
    fragment
      .replace(/^#/, '')
      .split('&')
      .map((pair) => pair.split('=')),
  );
  return {
    hide: parseHide(decodeURIComponent(keys.get('hide') ?? '')),
    autoplay: keys.get('autoplay') === '1',
    workbench: keys.get('workbench') === '1',
    why: keys.get('why') === '1' ? true : undefined,
    intro: keys.get('intro') === '1',
  };
}

function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'backstep:height', height }, '*');
}

function answer(instance, message) {
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
  const { actions } = instance;
  if (message.type === 'backstep:next') actions.stepForward();
  else if (message.type === 'backstep:prev') actions.stepBack();
  else if (message.type === 'backstep:goto') actions.goTo(Number(message.step) || 1, Number(message.event) || 0);
  else if (message.type === 'backstep:load') instance.load(message.document);
}

async function start() {
  const fragment = window.location.hash;
  const { hide, autoplay, workbench, why, intro } = embedOptions(fragment);
  const link = fragment
    ? await import('./link/share-link.js').then(({ readLink }) => readLink(fragment, engineLimits))
    : { ok: true };
  const instance = mountBackstep(document.getElementById('app'), {
    embed: true,
    hide,
    workbench,
    why,
    intro,
    appUrl: new URL('./index.html', window.location.href).href,
    ...mountOptionsFromLink(link),
  });
  followLanguage(instance);
  new ResizeObserver(postHeight).observe(document.documentElement); // from the first view on
  postHeight();
  try {
    await instance.ready;
  } catch {
    return; // the engine could not start: the instance says why
  }
  window.addEventListener('message', (event) => {
    if (event.source === window.parent) answer(instance, event.data); // only the page that holds the frame
  });
  window.parent.postMessage({ type: 'backstep:ready' }, '*');
  if (autoplay) instance.actions.play();
}

start();
