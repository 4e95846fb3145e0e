// The intro card for a first visit: what the learner is looking at, the four phases, what to press. Not modal:
// the keys keep working under it. Dismissed by its button or Escape; focus then goes where the learner can go on
// (the play button, else the instance) if it was in the card. mount.js decides whether it shows (the `intro` option
// and the remembered dismissal, settings-storage.js).
import { h } from '../dom.js';
import { PHASES } from '../player/timeline.js';
import { isInFieldOrDialog } from '../controls/keyboard.js';

function phaseList(t) {
  return h(
    'ul',
    { class: 'intro-phases' },
    PHASES.map((phase) =>
      h('li', { 'data-phase': phase }, [
        h('span', { class: 'intro-phase-name', text: t(`phase.${phase}`) }),
        ` ${t(`intro.phase.${phase}`)}`,
      ]),
    ),
  );
}

/**
 * Builds the card just before the element `before` (inside the instance `root`) and returns { element, focus() }.
 * onDismiss(): the learner closed it (to remember); focusAfter(): where focus goes if it was in the card.
 */
export function mountIntroCard(before, { t, uid, scope, root, onDismiss, focusAfter }) {
  const titleId = uid('intro-title');
  const textId = uid('intro-text');
  const keysId = uid('intro-keys');
  const dismiss = h('button', {
    type: 'button',
    class: 'intro-dismiss',
    'data-testid': 'intro-dismiss',
    'aria-describedby': `${textId} ${keysId}`,
    text: t('intro.dismiss'),
  });
  const element = h('section', { class: 'intro-card', 'aria-labelledby': titleId, 'data-testid': 'intro-card' }, [
    h('h2', { class: 'intro-title', id: titleId, text: t('intro.title') }),
    h('div', { class: 'intro-body', id: textId }, [
      h('p', { text: t('intro.what') }),
      h('p', { class: 'intro-phases-lead', text: t('intro.phases') }),
      phaseList(t),
    ]),
    h('div', { class: 'intro-actions' }, [
      h('p', { class: 'intro-keys', id: keysId }, [
        t('intro.keys'),
        ' ',
        h('span', { class: 'intro-more', text: t('intro.more') }),
      ]),
      dismiss,
    ]),
  ]);
  before.before(element);

  let open = true;
  function close() {
    if (!open) return;
    open = false;
    const hadFocus = element.contains(root.getRootNode().activeElement);
    element.remove();
    onDismiss();
    if (hadFocus) focusAfter();
  }
  dismiss.addEventListener('click', close);
  scope.listen(root, 'keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || isInFieldOrDialog(event, root)) return;
    close();
  });
  scope.own(() => element.remove());
  return { element, focus: () => dismiss.focus({ preventScroll: true }) };
}
