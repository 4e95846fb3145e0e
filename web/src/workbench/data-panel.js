// The data: the samples as a table the learner edits, pastes or imports as CSV (data/table.js); new samples go
// through the engine's validator, and a refused change keeps the data on screen.
import { mountDataTable } from '../data/table.js';
import { currentEntry } from '../state/selectors.js';
import { dataChange } from '../edit/change.js';

export function mountDataPanel(container, { store, actions, t, uid, scope }) {
  const read = () => {
    const state = store.get();
    const { document } = currentEntry(state);
    return { samples: document.samples, inputNames: state.labels.neurons[0], outputNames: state.labels.neurons.at(-1) };
  };
  // A batch cannot be larger than the data: fewer samples than the batch size make one batch of them all.
  const apply = (samples) => {
    const state = store.get();
    const { document } = currentEntry(state);
    const batchSize = Math.min(document.batchSize ?? 1, samples.length);
    const change = dataChange(document.samples, samples, {
      inputNames: state.labels.neurons[0],
      outputNames: state.labels.neurons.at(-1),
    });
    return actions.loadDocument({ ...document, samples, batchSize }, { change });
  };
  const table = mountDataTable(container, { t, uid, scope, read, apply });
  // Inputs and targets edited on the graph change the document too: the table follows every change of the step
  // on screen (render() redraws only when the data differ).
  store.subscribe((state, previous) => {
    if (state.history !== previous.history || state.cursor.step !== previous.cursor.step) table.render();
  });
}
