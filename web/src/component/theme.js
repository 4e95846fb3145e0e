// The theme of one instance, written on its own root element (never on <html>): "light" or
// "dark"; "auto" follows the system's setting, live.

export function followTheme(element, scope) {
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  let setting = 'auto';
  const apply = () => {
    element.dataset.theme = setting === 'auto' ? (systemDark.matches ? 'dark' : 'light') : setting;
    element.dataset.themeSetting = setting;
  };
  scope.listen(systemDark, 'change', apply);
  return {
    set(theme) {
      setting = theme;
      apply();
    },
  };
}
