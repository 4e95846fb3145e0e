// "Share and export": the iframe snippet for a post, the network as JSON (and a file to open), the diagram
// as SVG or PNG, and the step's worked solution as LaTeX or Markdown (the engine's explain), each with a
// copy or save button. A native <dialog>, inside the instance's root.
import { h } from '../dom.js';
import { download, textDataUrl } from '../export/download.js';
import { standaloneSvg, svgToPng } from '../export/svg.js';
import { solutionPlan, solutionText, variantLabel } from '../export/solution.js';

function copyButton(t, source, testId) {
  const button = h('button', { type: 'button', class: 'dialog-button', 'data-testid': testId, text: t('export.copy') });
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      button.textContent = t('export.copied');
    } catch {
      source.select(); // the learner copies it by hand
    }
  });
  return button;
}

const area = (testId) =>
  h('textarea', { class: 'dialog-text', readonly: true, rows: 4, spellcheck: 'false', 'data-testid': testId });

// Text inside an HTML attribute value, escaped (a title or a link may hold &, < or ").
const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The iframe snippet (500 px high until it posts its height), and the few lines that size the frame to it. */
function iframeSnippet(embedUrl, title) {
  return [
    `<iframe src="${attribute(embedUrl)}" title="${attribute(title)}" loading="lazy" style="display:block;width:100%;height:500px;border:0"></iframe>`,
    '<script>',
    "addEventListener('message', (e) => { if (e.data?.type !== 'backstep:height') return;",
    "  for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px'; });",
    '</script>',
  ].join('\n');
}

/** One script tag and one element, opening at the same frame (docs/share-links.md for `link`). */
function elementSnippet(scriptUrl, fragment, appUrl) {
  return [
    `<script type="module" src="${attribute(scriptUrl)}"></script>`,
    `<backstep-viz link="#${attribute(fragment)}" app="${attribute(appUrl)}"></backstep-viz>`,
  ].join('\n');
}

export function mountShareDialog(root, { store, t, uid, scope, link, appUrl, explain, graph, load }) {
  const embedCode = area('embed-code');
  const elementCode = area('element-code');
  const solution = area('solution-text');
  solution.rows = 8;
  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    hidden: true,
    'data-testid': 'import-file',
  });
  const button = (testId, text, onclick) =>
    h('button', { type: 'button', class: 'dialog-button', 'data-testid': testId, text, onclick });
  const saveJson = button('export-json', t('export.json'), () => {
    const doc = store.get().history[store.get().cursor.step].document;
    download(dialog, 'backstep-network.json', textDataUrl(`${JSON.stringify(doc, null, 2)}\n`, 'application/json'));
  });
  const saveSvg = button('export-svg', t('export.svg'), () =>
    download(dialog, 'backstep-network.svg', textDataUrl(svgText(), 'image/svg+xml')),
  );
  const savePng = button('export-png', t('export.png'), async () => {
    const { width, height } = graph().getBoundingClientRect();
    download(dialog, 'backstep-network.png', await svgToPng(svgText(), width, height));
  });
  const openFile = button('import-json', t('export.open'), () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const opened = load(await file.text());
    fileInput.value = '';
    if (opened.ok) dialog.close();
  });
  let format = 'latex';
  const formats = ['latex', 'markdown'].map((name) =>
    button(`solution-${name}`, t(`export.${name}`), () => {
      format = name;
      showSolution();
    }),
  );
  let computed = 'variant'; // with variants chosen: as they compute the step ('variant') or the standard step
  const ways = ['variant', 'standard'].map((name) =>
    button(`solution-${name}`, t(`export.${name}`), () => {
      computed = name;
      showSolution();
    }),
  );
  const waysRow = h('div', { class: 'dialog-row', 'data-testid': 'solution-ways' }, ways);
  const solutionHint = h('p', { class: 'dialog-hint', 'data-testid': 'solution-hint' });
  const copySolution = copyButton(t, solution, 'copy-solution');
  const close = button('dialog-close', t('export.close'), () => dialog.close());
  const heading = h('h2', { class: 'dialog-title', id: uid('share-title'), text: t('export.title') });
  const dialog = h(
    'dialog',
    { class: 'share-dialog', 'aria-labelledby': uid('share-title'), 'data-testid': 'share-dialog' },
    [
      h('div', { class: 'dialog-head' }, [heading, close]),
      h('section', {}, [
        h('h3', { text: t('export.embed') }),
        h('p', { class: 'dialog-hint', text: t('export.embedHint') }),
        embedCode,
        copyButton(t, embedCode, 'copy-embed'),
      ]),
      h('section', {}, [
        h('h3', { text: t('export.element') }),
        h('p', { class: 'dialog-hint', text: t('export.elementHint') }),
        elementCode,
        copyButton(t, elementCode, 'copy-element'),
      ]),
      h('section', {}, [
        h('h3', { text: t('export.files') }),
        h('div', { class: 'dialog-row' }, [saveJson, openFile, saveSvg, savePng, fileInput]),
      ]),
      h('section', {}, [
        h('h3', { text: t('export.solution') }),
        h('div', { class: 'dialog-row' }, formats),
        waysRow,
        solutionHint,
        solution,
        copySolution,
      ]),
    ],
  );
  root.append(dialog);
  scope.own(() => dialog.remove());

  function svgText() {
    return standaloneSvg(graph(), getComputedStyle(root).getPropertyValue('--surface').trim() || '#ffffff');
  }

  // While the quiz waits for an answer, no solution (it holds the step's numbers): the reason instead.
  function showSolution() {
    const state = store.get();
    const plan = solutionPlan(state, computed);
    const result = solutionText(explain, plan, format, state.settings.decimals);
    solution.value = result.ok ? result.text : '';
    solution.hidden = plan.withheld;
    copySolution.hidden = !result.ok;
    for (const choice of [...formats, ...ways]) choice.hidden = plan.withheld;
    waysRow.hidden = plan.withheld || !plan.offered;
    const names = state.variants.map((name) => variantLabel(name, t)).join(t.listSeparator);
    solutionHint.textContent = plan.withheld
      ? t('export.withheld')
      : !result.ok
        ? t('variants.refused', { message: result.message })
        : plan.offered
          ? t(plan.variants.length ? 'export.variantHint' : 'export.standardHint', { names })
          : '';
    solutionHint.hidden = !solutionHint.textContent;
    for (const choice of formats)
      choice.setAttribute('aria-pressed', String(choice.dataset.testid === `solution-${format}`));
    for (const choice of ways)
      choice.setAttribute('aria-pressed', String(choice.dataset.testid === `solution-${computed}`));
  }

  return {
    async open() {
      const title = store.get().history[store.get().cursor.step]?.document.title ?? 'backstep';
      const fragment = (await link()) ?? ''; // too large for a link: the snippets open the default network
      embedCode.value = iframeSnippet(`${new URL('embed.html', appUrl).href}#${fragment}`, `backstep: ${title}`);
      elementCode.value = elementSnippet(new URL('backstep-viz.js', appUrl).href, fragment, appUrl);
      showSolution();
      dialog.showModal();
    },
  };
}
