// For a page that holds one instance and nothing else (the full page, the embed's frame): the document's language
// follows the instance's, so a screen reader reads French text with a French voice. An instance never writes to
// <html> itself; the page that owns the document does.
export function followLanguage(instance) {
  const apply = () => (document.documentElement.lang = instance.store.get().settings.language);
  apply();
  instance.store.subscribe((state, previous) => {
    if (state.settings.language !== previous.settings.language) apply();
  });
}
