// Editing in place: click (or Enter on) an input, target, weight, bias or the learning rate
// to type a new value in a small field over it. Enter applies, Escape cancels. Refused text
// ("abc", "", "1e999", or a value the engine rejects) gets a message and changes nothing.
import { h } from '../dom.js';
import { parseRef } from '../state/refs.js';
import { currentEntry, currentSample } from '../state/selectors.js';
import { editTargetOf, valueAt } from './targets.js';

const EDITABLE = '.is-editable[data-ref]';

/** The exact value as a learner would type it (no binary noise like 0.17438250000000002). */
const editableText = (value) => String(Number(value.toPrecision(15))).replace('-', '\u2212');

function nameOf(key) {
  const { kind, name } = parseRef(key);
  return kind === 'rate' ? 'η' : name;
}

export function mountEditor(host, { store, actions, t, uid, scope, root }) {
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    enterkeyhint: 'done',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'edit-input',
    id: uid('edit-input'),
  });
  const label = h('label', { class: 'editor-label', for: uid('edit-input') });
  const message = h('p', {
    class: 'editor-message',
    id: uid('edit-message'),
    'data-testid': 'edit-message',
    role: 'alert',
    hidden: true,
  });
  const hint = h('p', { class: 'editor-hint', text: t('edit.hint') });
  const sign = h('button', {
    type: 'button',
    class: 'editor-sign',
    'data-testid': 'edit-sign',
    'aria-label': t('edit.sign'),
    title: t('edit.sign'),
    text: '±',
  });
  const apply = h('button', {
    type: 'submit',
    class: 'editor-apply',
    'data-testid': 'edit-apply',
    text: t('edit.apply'),
  });
  const row = h('div', { class: 'editor-row' }, [input, sign, apply]);
  const form = h('form', { class: 'editor', 'data-testid': 'editor', hidden: true, novalidate: true }, [
    label,
    row,
    message,
    hint,
  ]);
  sign.addEventListener('click', () => {
    const text = input.value.trim();
    input.value = /^[-\u2212]/.test(text) ? text.slice(1) : `\u2212${text}`;
    input.focus();
  });
  host.append(form);
  let open = null;

  function place(element) {
    const box = element.getBoundingClientRect();
    const hostBox = host.getBoundingClientRect();
    const width = form.offsetWidth;
    const left = Math.min(Math.max(8, box.left - hostBox.left + box.width / 2 - width / 2), hostBox.width - width - 8);
    form.style.left = `${left}px`;
    form.style.top = `${Math.max(8, box.top - hostBox.top + box.height / 2 - 22)}px`;
  }

  function show(element) {
    const state = store.get();
    const key = element.getAttribute('data-ref');
    const target = editTargetOf(key, { labels: state.labels, sample: currentSample(state) });
    if (!target) return;
    actions.pause();
    const value = valueAt(currentEntry(state).document, target);
    open = { element, target, key, initial: editableText(value) };
    label.textContent = t('edit.label', { name: nameOf(key) });
    input.value = open.initial;
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    message.hidden = true;
    form.hidden = false;
    place(element);
    input.focus();
    input.select();
  }

  function close({ refocus = true } = {}) {
    if (!open) return;
    const { key } = open;
    open = null;
    form.hidden = true;
    if (refocus) root.querySelector(`.is-editable[data-ref="${CSS.escape(key)}"]`)?.focus();
  }

  function commit({ fromBlur = false } = {}) {
    if (!open) return;
    if (input.value.trim() === open.initial) {
      close({ refocus: !fromBlur });
      return;
    }
    const { key } = open;
    const result = actions.edit(open.target, input.value);
    if (result.ok) {
      close({ refocus: !fromBlur });
      const element = root.querySelector(`.is-editable[data-ref="${CSS.escape(key)}"]`);
      element?.classList.add('is-edited');
      setTimeout(() => element?.classList.remove('is-edited'), 1200);
      return;
    }
    if (fromBlur) {
      close({ refocus: false });
      return;
    }
    message.textContent = result.message;
    message.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', uid('edit-message'));
    input.select();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (open && !form.contains(event.relatedTarget)) commit({ fromBlur: true });
  });
  scope.listen(root, 'click', (event) => {
    const element = event.target.closest?.(EDITABLE);
    if (element) show(element);
  });
  scope.listen(root, 'keydown', (event) => {
    const element = event.target.closest?.(EDITABLE);
    if (!element || element.tagName === 'BUTTON') return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'F2') {
      event.preventDefault();
      show(element);
    }
  });
  store.subscribe((state, previous) => {
    if (open && (state.cursor.step !== previous.cursor.step || state.loads !== previous.loads))
      close({ refocus: false });
  });
  return { show, close, isOpen: () => Boolean(open) };
}
