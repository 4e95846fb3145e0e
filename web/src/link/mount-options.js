// What a share link read by readLink() asks of mountBackstep(): the document and where to open it, the display
// options, the language and the variants compared with the step; or, for a link that could not be read, why (the default network opens).

export function mountOptionsFromLink(link) {
  if (!link.ok) return { linkError: link.message };
  return {
    document: link.document ?? undefined,
    position: link.position ?? undefined,
    event: link.event,
    language: link.language ?? undefined,
    variants: link.variants?.length ? link.variants : undefined,
    ...link.settings,
  };
}
