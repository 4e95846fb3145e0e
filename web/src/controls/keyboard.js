// Keyboard shortcuts of one instance: Space play/pause, ← → step, Home reset, End skip to the end of the step.
// They never fire while typing in a field, and Space keeps its usual meaning on buttons.

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const PRESSABLE = 'button, [role="button"], a[href], summary';

/** Listens on the instance's root only: the shortcuts act on the backstep that has focus. */
export function installKeyboard(root, actions, scope) {
  scope.listen(root, 'keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0] instanceof Element ? event.composedPath()[0] : root;
    if (target.closest(TYPING) || target.closest('dialog[open]')) return; // a modal dialog has the keys
    const handlers = {
      ' ': () => !target.closest(PRESSABLE) && actions.togglePlay(),
      ArrowRight: () => actions.stepForward(),
      ArrowLeft: () => actions.stepBack(),
      Home: () => actions.reset(),
      End: () => actions.skipToEnd(),
    };
    const handler = handlers[event.key];
    if (!handler) return;
    if (event.key === ' ' && target.closest(PRESSABLE)) return;
    event.preventDefault();
    handler();
  });
}
