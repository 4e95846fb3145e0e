// Keyboard shortcuts of one instance, from one table (KEY_BINDINGS): the handler below, the transport buttons'
// aria-keyshortcuts and titles, and the "?" list of shortcuts all read it. They never fire while typing in a
// field, and Space keeps its usual meaning on buttons.

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const PRESSABLE = 'button, [role="button"], a[href], summary';

/**
 * Each binding: `key` (KeyboardEvent.key), `aria` (its aria-keyshortcuts name; its label is the i18n string
 * `key.<aria>`) and `command` (an action of actions.js, or of the extra commands given to installKeyboard; what it
 * does is the i18n string `command.<command>`).
 */
export const KEY_BINDINGS = Object.freeze([
  { key: ' ', aria: 'Space', command: 'togglePlay' },
  { key: 'ArrowRight', aria: 'ArrowRight', command: 'stepForward' },
  { key: 'ArrowLeft', aria: 'ArrowLeft', command: 'stepBack' },
  { key: 'Home', aria: 'Home', command: 'reset' },
  { key: 'End', aria: 'End', command: 'skipToEnd' },
  { key: '?', aria: '?', command: 'showShortcuts' },
]);

/** The binding of a command (undefined when no key does it). */
export function bindingFor(command) {
  return KEY_BINDINGS.find((binding) => binding.command === command);
}

/** Where a key press lands: the element the event started on, inside a shadow root too. */
function targetOf(event, root) {
  const origin = event.composedPath()[0];
  return origin instanceof Element ? origin : root;
}

/**
 * Listens on the instance's root only: the shortcuts act on the backstep that has focus.
 * commands: the actions, and any other command a binding names (showShortcuts).
 */
export function installKeyboard(root, commands, scope) {
  scope.listen(root, 'keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = targetOf(event, root);
    if (target.closest(TYPING) || target.closest('dialog[open]')) return; // a modal dialog has the keys
    const binding = KEY_BINDINGS.find((candidate) => candidate.key === event.key);
    const command = binding && commands[binding.command];
    if (!command) return;
    if (event.key === ' ' && target.closest(PRESSABLE)) return;
    event.preventDefault();
    command();
  });
}

/** True when a key press belongs to a field or an open dialog (where Escape means something of its own). */
export function isInFieldOrDialog(event, root) {
  const target = targetOf(event, root);
  return Boolean(target.closest(TYPING) || target.closest('dialog[open]'));
}
