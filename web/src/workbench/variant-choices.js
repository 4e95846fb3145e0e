// The variant choices of the Variants panel: a checkbox for each variant that stands alone (output-first, round-2)
// and a radio group for each contradictory pair, whose first choice is the document's own setting. Built once; set()
// shows the state's list, and which choices this network cannot take (with the reason).
import { h } from '../dom.js';
import { VARIANT_GROUPS, VARIANT_TOGGLES, groupChoice, withVariant } from '../state/variants.js';

const DOCUMENT = 'document'; // a radio group's value for "as the network says"

/** Why a choice does not apply to `doc` with the variants `names`, or null. */
function reasonOff(name, doc, names, t) {
  const hasBiases = doc.layers.slice(1).some((layer) => layer.bias);
  if ((name === 'fixed-biases' || name === 'trained-biases') && !hasBiases) return t('variants.noBiases');
  if (name !== 'output-first' || names.includes('per-sample')) return null;
  const batch = names.includes('batch') ? doc.samples.length : (doc.batchSize ?? 1);
  return batch > 1 ? t('variants.outputFirstNeedsOne', { count: batch }) : null;
}

export function mountVariantChoices(container, { t, uid, onChange }) {
  const toggles = VARIANT_TOGGLES.map((name) => {
    const input = h('input', { type: 'checkbox', 'data-testid': `variant-${name}`, value: name });
    const reason = h('span', { class: 'train-hint variant-reason', id: uid(`variant-reason-${name}`) });
    input.addEventListener('change', () => onChange((names) => withVariant(names, name, input.checked)));
    const label = h('label', { class: 'build-check' }, [input, t(`variants.${name}`)]);
    return { name, input, reason, element: h('div', { class: 'variant-choice' }, [label, reason]) };
  });
  const groups = Object.entries(VARIANT_GROUPS).map(([group, names]) => {
    const radios = [DOCUMENT, ...names].map((value) => {
      const input = h('input', {
        type: 'radio',
        name: uid(`variant-${group}`),
        value,
        'data-testid': `variant-${group}-${value}`,
      });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        onChange((list) => (value === DOCUMENT ? withVariant(list, names[0], false) : withVariant(list, value, true)));
      });
      const text = value === DOCUMENT ? t('variants.document') : t(`variants.${value}`);
      return { value, input, element: h('label', { class: 'build-check' }, [input, text]) };
    });
    const reason = h('span', { class: 'train-hint variant-reason' });
    const element = h('fieldset', { class: 'variant-group', 'data-testid': `variant-group-${group}` }, [
      h('legend', { text: t(`variants.${group}`) }),
      ...radios.map((radio) => radio.element),
      reason,
    ]);
    return { group, names, radios, reason, element };
  });
  container.append(
    h('fieldset', { class: 'variant-group' }, [
      h('legend', { text: t('variants.order') }),
      ...toggles.map((toggle) => toggle.element),
    ]),
    ...groups.map((group) => group.element),
  );

  /** The choices as `names` has them, for the network `doc`. */
  function set(names, doc) {
    for (const { name, input, reason } of toggles) {
      input.checked = names.includes(name);
      const off = reasonOff(name, doc, names, t);
      input.disabled = Boolean(off) && !input.checked; // one that is on can always be turned off
      reason.textContent = off ?? '';
      if (off) input.setAttribute('aria-describedby', reason.id);
      else input.removeAttribute('aria-describedby');
    }
    for (const { group, radios, reason } of groups) {
      const chosen = groupChoice(names, group) ?? DOCUMENT;
      let why = null;
      for (const { value, input } of radios) {
        input.checked = value === chosen;
        const off = value === DOCUMENT ? null : reasonOff(value, doc, names, t);
        input.disabled = Boolean(off) && !input.checked;
        why ??= off;
      }
      reason.textContent = why ?? '';
    }
  }
  return { set };
}
