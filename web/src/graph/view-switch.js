// The graph card's view switch: the neurons, the operations (a scalar autograd graph), or both, one under the other.
import { h } from '../dom.js';
import { GRAPH_VIEWS } from '../state/initial.js';

export function createViewSwitch({ t, actions }) {
  const buttons = GRAPH_VIEWS.map((view) =>
    h('button', {
      type: 'button',
      class: 'segment',
      'data-graph-view': view,
      'data-testid': `graph-view-${view}`,
      text: t(`graphView.${view}`),
      onclick: () => actions.setSetting('graph', view),
    }),
  );
  const element = h(
    'div',
    { class: 'segmented graph-views', role: 'group', 'aria-label': t('graphView.label') },
    buttons,
  );
  return {
    element,
    update(view) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.graphView === view));
    },
  };
}
