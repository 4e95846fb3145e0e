// The "?" list of keyboard shortcuts: a button (in the control bar) and a small native <dialog> inside the instance,
// whose rows are the keyboard's own table (KEY_BINDINGS), so the list and the keys cannot disagree. Escape or its
// close button closes it, and focus goes back to where it was (the "?" button when that opened it).
import { h } from '../dom.js';
import { bindingFor, KEY_BINDINGS } from './keyboard.js';

function shortcutRows(t) {
  return KEY_BINDINGS.map((binding) =>
    h('tr', { 'data-key': binding.aria }, [
      h('th', { scope: 'row' }, [h('kbd', { text: t(`key.${binding.aria}`) })]),
      h('td', { text: t(`command.${binding.command}`) }),
    ]),
  );
}

/** Mounts the dialog into `root` and the button into `container` (when given): { button, open() }. */
export function mountShortcutsDialog(root, container, { t, uid, scope }) {
  const titleId = uid('shortcuts-title');
  const close = h('button', {
    type: 'button',
    class: 'dialog-button',
    'data-testid': 'shortcuts-close',
    text: t('shortcuts.close'),
  });
  const table = h('table', { class: 'shortcuts-table', 'data-testid': 'shortcuts-list' }, [
    h('thead', {}, [
      h('tr', {}, [
        h('th', { scope: 'col', text: t('shortcuts.key') }),
        h('th', { scope: 'col', text: t('shortcuts.action') }),
      ]),
    ]),
    h('tbody', {}, shortcutRows(t)),
  ]);
  const dialog = h(
    'dialog',
    { class: 'share-dialog shortcuts-dialog', 'aria-labelledby': titleId, 'data-testid': 'shortcuts-dialog' },
    [
      h('div', { class: 'dialog-head' }, [
        h('h2', { class: 'dialog-title', id: titleId, text: t('shortcuts.title') }),
        close,
      ]),
      table,
      h('p', { class: 'dialog-hint', text: t('shortcuts.note') }),
    ],
  );
  const name = t('shortcuts.button');
  const button = h('button', {
    type: 'button',
    class: 'tbtn shortcuts-button',
    'data-testid': 'shortcuts-button',
    'aria-label': name,
    'aria-keyshortcuts': bindingFor('showShortcuts').aria,
    'aria-haspopup': 'dialog',
    title: `${name} (${t(`key.${bindingFor('showShortcuts').aria}`)})`,
    text: '?',
  });
  root.append(dialog);
  container?.append(button);
  scope.own(() => dialog.remove());

  let returnTo = null; // where focus goes back to once the list closes
  function open() {
    if (dialog.open) return;
    returnTo = root.getRootNode().activeElement ?? null;
    dialog.showModal();
    close.focus();
  }
  button.addEventListener('click', open);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    const target = returnTo?.isConnected && root.contains(returnTo) ? returnTo : root;
    target.focus({ preventScroll: true });
    returnTo = null;
  });
  return { button, open };
}
