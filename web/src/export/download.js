// Saves a file from the page: a data: URL on a link with `download` (no blob: URL, which a strict
// Content-Security-Policy may refuse).

export function download(container, filename, dataUrl) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = filename;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
}

export const textDataUrl = (text, type) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
