// The training data as a table a learner edits: one row per sample, a text field per input and target. A cell
// applies on change or Enter; rows are added (a copy of the last) and removed; CSV text is pasted, imported from
// a file or exported. Every change sends the whole new sample list to `apply` (the engine); refused text, CSV or
// data leaves the data as it was, with a message in a status line. Nothing read from a file is inserted as HTML.
import { h } from '../dom.js';
import { parseNumber } from '../edit/parse.js';
import { download, textDataUrl } from '../export/download.js';
import { formatSamples, MAX_SAMPLES, parseSamples } from './csv.js';

/** Rows drawn at most: a larger data set is edited as CSV (the note says so). */
const MAX_ROWS_SHOWN = 100;
/** A CSV file larger than this is not read. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** An imported file is also shown in the text area (to be corrected) when it is at most this long. */
const MAX_TEXTAREA_CHARS = 100000;

const EMPTY = { samples: [], inputNames: [], outputNames: [] };

/** Exact text of a value (shortest round trip), with the language's decimal mark and the minus sign. */
function cellText(value, decimalSeparator) {
  const text = String(value);
  const local = decimalSeparator === ',' && !/e/i.test(text) ? text.replace('.', ',') : text;
  return local.replace('-', '\u2212');
}

const cut = (text) => ([...text].length > 40 ? `${[...text].slice(0, 39).join('')}…` : text);

const copySamples = (samples) =>
  samples.map((sample) => ({ ...sample, input: [...sample.input], target: [...sample.target] }));

const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameData(a, b) {
  if (!b) return false;
  if (!sameList(a.inputNames, b.inputNames) || !sameList(a.outputNames, b.outputNames)) return false;
  if (a.samples === b.samples) return true;
  return (
    a.samples.length === b.samples.length &&
    a.samples.every((s, i) => sameList(s.input, b.samples[i].input) && sameList(s.target, b.samples[i].target))
  );
}

export function mountDataTable(container, { t, uid, scope, read, apply }) {
  const decimal = t.decimalSeparator ?? '.';
  const ids = {
    caption: uid('data-caption'),
    message: uid('data-message'),
    csv: uid('data-csv'),
    hint: uid('data-hint'),
  };
  const targetLabel = (name) => t('data.column.target', { name });
  const button = (testId, text, className = 'data-button') =>
    h('button', { type: 'button', class: className, 'data-testid': testId, text });

  const head = h('thead');
  const body = h('tbody');
  const table = h('table', { class: 'data-table', 'data-testid': 'data-table' }, [
    h('caption', { class: 'data-caption', id: ids.caption, text: t('data.caption') }),
    head,
    body,
  ]);
  const scroller = h('div', { class: 'data-scroll', role: 'region', 'aria-labelledby': ids.caption }, [table]);
  const note = h('p', { class: 'data-note', hidden: true });
  const addRow = button('data-add-row', t('data.row.add'));
  const message = h('p', { class: 'data-message', id: ids.message, role: 'status', 'data-testid': 'data-message' });
  const hint = h('p', { class: 'data-hint', id: ids.hint });
  const csv = h('textarea', {
    class: 'dialog-text data-csv',
    id: ids.csv,
    rows: 5,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': ids.hint,
    'data-testid': 'data-csv',
  });
  const useCsv = button('data-use-csv', t('data.csv.use'), 'data-button is-primary');
  const importCsv = button('data-import', t('data.csv.import'));
  const exportCsv = button('data-export', t('data.csv.export'));
  const fileInput = h('input', {
    type: 'file',
    accept: '.csv,text/csv,text/plain',
    hidden: true,
    'data-testid': 'data-import-file',
  });
  const element = h('section', { class: 'data-panel' }, [
    scroller,
    note,
    h('div', { class: 'data-actions' }, [addRow]),
    message,
    h('div', { class: 'data-csv-block' }, [
      h('label', { class: 'data-label', for: ids.csv, text: t('data.csv.label') }),
      hint,
      csv,
      h('div', { class: 'data-actions' }, [useCsv, importCsv, exportCsv, fileInput]),
    ]),
  ]);
  container.append(element);
  let disposed = false;
  scope.own(() => {
    disposed = true;
    element.remove();
  });

  /** The data on screen (as read, never changed in place). */
  let current = null;

  function say(text, { error = false } = {}) {
    message.textContent = text;
    message.classList.toggle('is-error', error);
  }

  function columnsText() {
    return [...current.inputNames, ...current.outputNames.map(targetLabel)].join(', ');
  }

  function cellInput(index, kind, column, name, value) {
    const row = index + 1;
    return h('input', {
      type: 'text',
      class: 'data-cell',
      inputmode: 'decimal',
      enterkeyhint: 'done',
      autocomplete: 'off',
      spellcheck: 'false',
      value: cellText(value, decimal),
      'aria-label': t(kind === 'input' ? 'data.cell.input' : 'data.cell.target', { row, name }),
      'data-testid': `data-cell-${row}-${name}`,
      dataset: { row: String(index), kind, column: String(column) },
    });
  }

  function rowOf(sample, index, single) {
    const row = index + 1;
    return h('tr', {}, [
      h('th', { scope: 'row', class: 'data-index', text: String(row) }),
      sample.input.map((value, k) => h('td', {}, [cellInput(index, 'input', k, current.inputNames[k], value)])),
      sample.target.map((value, k) => h('td', {}, [cellInput(index, 'target', k, current.outputNames[k], value)])),
      h('td', { class: 'data-remove-cell' }, [
        h('button', {
          type: 'button',
          class: 'data-remove',
          'aria-label': t('data.row.remove', { row }),
          title: t('data.row.remove', { row }),
          disabled: single,
          'data-testid': `data-remove-row-${row}`,
          dataset: { row: String(index) },
          text: '×',
        }),
      ]),
    ]);
  }

  /** The focused element's test id when it is inside the table (to focus its successor after a redraw). */
  function focusedKey() {
    const active = element.getRootNode().activeElement;
    return active && table.contains(active) ? active.getAttribute('data-testid') : null;
  }

  function focusKey(key) {
    const target = key && table.querySelector(`[data-testid="${CSS.escape(key)}"]`);
    if (target && !target.disabled) target.focus();
    return Boolean(target && !target.disabled);
  }

  /** Re-reads the data; redraws the rows only when it changed (a learner typing in a cell keeps the cell). */
  function render() {
    draw(read() ?? EMPTY);
  }

  function draw(data) {
    if (sameData(data, current)) return;
    const key = focusedKey();
    current = data;
    const { samples, inputNames, outputNames } = data;
    head.replaceChildren(
      h('tr', {}, [
        h('th', { scope: 'col', class: 'data-index', text: t('data.column.index') }),
        inputNames.map((name) => h('th', { scope: 'col', text: name })),
        outputNames.map((name) =>
          h('th', { scope: 'col', class: 'data-target', title: t('data.column.targetTitle', { name }) }, [
            targetLabel(name),
          ]),
        ),
        h('th', { scope: 'col' }, [h('span', { class: 'visually-hidden', text: t('data.column.remove') })]),
      ]),
    );
    const shown = samples.slice(0, MAX_ROWS_SHOWN);
    body.replaceChildren(...shown.map((sample, index) => rowOf(sample, index, samples.length <= 1)));
    note.hidden = samples.length <= MAX_ROWS_SHOWN;
    note.textContent = note.hidden ? '' : t('data.rows.truncated', { shown: shown.length, count: samples.length });
    hint.textContent = t('data.csv.hint', { columns: columnsText() });
    csv.placeholder = formatSamples(samples.slice(0, 2), data).trimEnd();
    if (key) focusKey(key);
  }

  /** Sends `samples` to the engine; { ok } or { ok: false, message } (the message to show). */
  function submit(samples) {
    let result;
    try {
      result = apply(samples);
    } catch (error) {
      result = { ok: false, message: error?.message ?? String(error) };
    }
    if (!result?.ok) return { ok: false, message: t('data.refused', { message: result?.message ?? '' }) };
    // The page may show the new document a little later: until then, draw what the engine took.
    const data = read() ?? EMPTY;
    draw(sameData(data, current) ? { ...current, samples } : data);
    return { ok: true };
  }

  function markInvalid(field, invalid) {
    if (invalid) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', [field === csv ? ids.hint : null, ids.message].filter(Boolean).join(' '));
    } else {
      field.removeAttribute('aria-invalid');
      if (field === csv) field.setAttribute('aria-describedby', ids.hint);
      else field.removeAttribute('aria-describedby');
    }
  }

  function commitCell(input) {
    const index = Number(input.dataset.row);
    const kind = input.dataset.kind;
    const column = Number(input.dataset.column);
    const sample = current?.samples[index];
    if (!sample) return;
    const values = kind === 'input' ? sample.input : sample.target;
    const old = values[column];
    const oldText = cellText(old, decimal);
    const text = input.value.trim();
    if (text === oldText) {
      markInvalid(input, false);
      return;
    }
    const refuse = (reason) => {
      input.value = oldText;
      markInvalid(input, true);
      say(reason, { error: true });
    };
    const parsed = parseNumber(text);
    if (!parsed.ok) {
      const name = kind === 'input' ? current.inputNames[column] : targetLabel(current.outputNames[column]);
      refuse(t(`data.cell.refused.${parsed.reason}`, { row: index + 1, column: name, text: cut(text), old: oldText }));
      return;
    }
    if (parsed.value === old) {
      input.value = oldText;
      markInvalid(input, false);
      return;
    }
    const samples = copySamples(current.samples);
    (kind === 'input' ? samples[index].input : samples[index].target)[column] = parsed.value;
    const result = submit(samples);
    if (!result.ok) {
      refuse(result.message);
      return;
    }
    markInvalid(input, false);
    say('');
  }

  function restoreCell(input) {
    const sample = current?.samples[Number(input.dataset.row)];
    if (!sample) return;
    const values = input.dataset.kind === 'input' ? sample.input : sample.target;
    input.value = cellText(values[Number(input.dataset.column)], decimal);
    markInvalid(input, false);
  }

  function removeRow(index) {
    if (!current || current.samples.length <= 1) return;
    const samples = copySamples(current.samples);
    samples.splice(index, 1);
    const result = submit(samples);
    if (!result.ok) {
      say(result.message, { error: true });
      return;
    }
    say(t('data.row.removed', { row: index + 1 }));
    const next = Math.min(index, samples.length - 1) + 1;
    if (!focusKey(`data-remove-row-${next}`)) addRow.focus();
  }

  function appendRow() {
    if (!current) return;
    const last = current.samples.at(-1) ?? {
      input: current.inputNames.map(() => 0),
      target: current.outputNames.map(() => 0),
    };
    const samples = [...copySamples(current.samples), ...copySamples([last])];
    const result = submit(samples);
    say(result.ok ? t('data.row.added', { row: samples.length }) : result.message, { error: !result.ok });
  }

  function csvMessage({ line, reason, detail }) {
    const count = current.inputNames.length + current.outputNames.length;
    if (reason === 'columns') return t('data.csv.columns', { line, count, columns: columnsText(), detail });
    if (reason === 'number') return t('data.csv.number', { line, detail });
    if (reason === 'tooMany') return t('data.csv.tooMany', { line, max: MAX_SAMPLES });
    return t('data.csv.empty');
  }

  /** Reads CSV text and applies it; `source` (a file name) prefixes a refusal. */
  function useText(text, source = null) {
    if (!current) return;
    const parsed = parseSamples(text, {
      inputs: current.inputNames.length,
      outputs: current.outputNames.length,
      decimalSeparator: decimal,
    });
    const refuse = (reason) => {
      markInvalid(csv, true);
      say(source ? t('data.file.failed', { name: source, message: reason }) : reason, { error: true });
    };
    if (!parsed.ok) return refuse(csvMessage(parsed));
    const result = submit(parsed.samples);
    if (!result.ok) return refuse(result.message);
    markInvalid(csv, false);
    say(t(parsed.header ? 'data.csv.appliedHeader' : 'data.csv.applied', { count: parsed.samples.length }));
  }

  async function importFile() {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      say(t('data.file.tooLarge', { size: file.size, limit: MAX_FILE_BYTES }), { error: true });
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      if (!disposed) say(t('data.file.unreadable', { message: error?.message ?? String(error) }), { error: true });
      return;
    }
    if (disposed) return;
    if (text.length <= MAX_TEXTAREA_CHARS) csv.value = text;
    useText(text, file.name);
  }

  const isCell = (target) => Boolean(target.matches?.('input.data-cell'));
  scope.listen(table, 'change', (event) => {
    if (isCell(event.target)) commitCell(event.target);
  });
  scope.listen(table, 'keydown', (event) => {
    if (!isCell(event.target)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commitCell(event.target);
      if (event.target.isConnected && event.target.getAttribute('aria-invalid') === 'true') event.target.select();
    } else if (event.key === 'Escape') {
      restoreCell(event.target);
    }
  });
  scope.listen(table, 'click', (event) => {
    const remove = event.target.closest?.('button.data-remove');
    if (remove && !remove.disabled) removeRow(Number(remove.dataset.row));
  });
  scope.listen(addRow, 'click', appendRow);
  scope.listen(useCsv, 'click', () => useText(csv.value));
  scope.listen(csv, 'input', () => markInvalid(csv, false));
  scope.listen(importCsv, 'click', () => fileInput.click());
  scope.listen(fileInput, 'change', importFile);
  scope.listen(exportCsv, 'click', () => {
    if (current)
      download(element, 'backstep-data.csv', textDataUrl(formatSamples(current.samples, current), 'text/csv'));
  });

  render();
  return { element, render };
}
