// A short fingerprint of a network document's JSON text (FNV-1a, 32 bits): whether a first view built for an example
// (scripts/first-views.mjs) was built from the document the page now has.

/** The fingerprint of `document` (an object): 8 hex digits. */
export function documentHash(document) {
  const text = JSON.stringify(document);
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k += 1) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
