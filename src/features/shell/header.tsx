import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { LOCALES, type Locale } from '../../i18n/i18n';
import { useAppStore } from '../../store';
import { THEME_CHOICES, type ThemeChoice } from '../../store/url-state';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

interface Props {
  /** Page-level actions the app composes in (copy link, share/embed, present). */
  actions?: ReactNode;
}

export function Header({ actions }: Props) {
  const { t } = useT();
  const language = useAppStore((s) => s.language);
  const theme = useAppStore((s) => s.theme);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const setTheme = useAppStore((s) => s.setTheme);
  const themeLabel = (c: ThemeChoice) =>
    c === 'system' ? t('theme.system', 'System') : c === 'light' ? t('theme.light', 'Light') : t('theme.dark', 'Dark');
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title', 'The LLM wave, 2020–2023')}</h1>
        <p className="tagline">{t('app.tagline', 'Large language and multimodal models, every figure sourced')}</p>
      </div>
      <div className="header-controls">
        <label>
          <span>{t('header.language', 'Language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Locale)} data-testid="language-select">
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('header.theme', 'Theme')}</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} data-testid="theme-select">
            {THEME_CHOICES.map((c) => (
              <option key={c} value={c}>
                {themeLabel(c)}
              </option>
            ))}
          </select>
        </label>
        {actions && <div className="header-actions">{actions}</div>}
      </div>
    </header>
  );
}
