// The workbench under the step-by-step view: training, the architecture, the data, the gradient check and the
// variants of the step, as tabs (a tablist with arrow keys). Panels are built once, when first opened; the Variants
// tab opens first when the instance starts with variants chosen (a share link's).
import { h } from '../dom.js';
import { formatNumber } from '../format/number.js';
import { mountTrainPanel } from './train-panel.js';
import { mountNetworkPanel } from './network-panel.js';
import { mountCheckPanel } from './check-panel.js';
import { mountDataPanel } from './data-panel.js';
import { mountVariantsPanel } from './variants-panel.js';
import { mountWithheld } from './withheld.js';

const TABS = [
  ['train', mountTrainPanel],
  ['network', mountNetworkPanel],
  ['data', mountDataPanel],
  ['check', mountCheckPanel],
  ['variants', mountVariantsPanel],
];
const WITHHELD = new Set(['check', 'variants']); // they show the step's numbers: held back while the quiz asks

export function mountWorkbench(card, context) {
  const { t, uid, store } = context;
  const format = (value) => formatNumber(value, store.get().settings.decimals, t.decimalSeparator);
  const tabs = TABS.map(([name]) =>
    h('button', {
      type: 'button',
      role: 'tab',
      class: 'segment',
      id: uid(`tab-${name}`),
      'aria-controls': uid(`panel-${name}`),
      'data-testid': `tab-${name}`,
      text: t(`workbench.${name}`),
    }),
  );
  const panels = TABS.map(([name]) =>
    h('div', {
      role: 'tabpanel',
      class: 'workbench-panel',
      id: uid(`panel-${name}`),
      'aria-labelledby': uid(`tab-${name}`),
      'data-testid': `panel-${name}`,
      hidden: true,
    }),
  );
  const built = new Map(); // tab index → what its mount returned (a panel may want to know when it shows)
  card.append(
    h('div', { class: 'card-head' }, [
      h('h2', { class: 'card-title', id: uid('workbench-title'), text: t('workbench.title') }),
      h('div', { class: 'segmented workbench-tabs', role: 'tablist', 'aria-labelledby': uid('workbench-title') }, tabs),
    ]),
    ...panels,
  );

  function open(index, focus = false) {
    if (!built.has(index)) built.set(index, build(index));
    tabs.forEach((tab, k) => {
      tab.setAttribute('aria-selected', String(k === index));
      tab.tabIndex = k === index ? 0 : -1;
      panels[k].hidden = k !== index;
      built.get(k)?.shown?.(k === index);
    });
    if (focus) tabs[index].focus();
  }

  function build(index) {
    const [name, mount] = TABS[index];
    const mountIn = (element) => mount(element, { ...context, format });
    return WITHHELD.has(name) ? mountWithheld(panels[index], context, mountIn) : mountIn(panels[index]);
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => open(index));
    tab.addEventListener('keydown', (event) => {
      const last = tabs.length - 1;
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault(); // the instance's own keys (step, reset, end) leave a handled event alone
      open((next + tabs.length) % tabs.length, true);
    });
  });
  open(store.get().variants.length ? TABS.findIndex(([name]) => name === 'variants') : 0);
}
