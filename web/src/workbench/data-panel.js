// The data: the samples as a table the learner edits, pastes or imports as CSV (data/table.js); new samples go
// through the engine's validator, and a refused change keeps the data on screen.
import { mountDataTable } from '../data/table.js';
import { currentEntry } from '../state/selectors.js';

export function mountDataPanel(container, { store, actions, t, uid, scope }) {
  const read = () => {
    const state = store.get();
    const { document } = currentEntry(state);
    return { samples: document.samples, inputNames: state.labels.neurons[0], outputNames: state.labels.neurons.at(-1) };
  };
  const apply = (samples) => {
    const { document } = currentEntry(store.get());
    const batchSize = Math.min(document.batchSize ?? 1, samples.length);
    return actions.loadDocument({ ...document, samples, batchSize });
  };
  const table = mountDataTable(container, { t, uid, scope, read, apply });
  store.subscribe((state, previous) => {
    if (state.loads !== previous.loads) table.render();
  });
}
