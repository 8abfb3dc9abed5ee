/*
 * Runs before the page is first drawn (a classic script in <head>; a file, since the site's CSP
 * allows no inline script). index.html holds the build's copy of the first screen as a first
 * visit sees it (scripts/prerender.ts): English, the default view, the bundled dataset. When this
 * visit will show something else, the copy is hidden (`prerender-off`) until the app draws the
 * right page, so nothing wrong flashes. A remembered theme is applied at once, so the copy's chart
 * is drawn in the theme the app will use. Keys as in src/store/preferences.ts and src/data/persist.ts.
 */
{
  const root = document.documentElement;
  const stored = (key) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const theme = stored('llm-wave.theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  const language = stored('llm-wave.language');
  const languages = navigator.languages ?? [navigator.language ?? ''];
  const chinese = language === 'zh-CN' || (language !== 'en' && languages.some((l) => String(l).toLowerCase().startsWith('zh')));
  // Any setting in the link (filters, a view, embed, present, language, theme) or the user's own data.
  const other = location.search.length > 1 || stored('llm-wave.import-stored') === '1';
  if (chinese || other) root.classList.add('prerender-off');
}
