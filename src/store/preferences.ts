import { isLocale, type Locale } from '../i18n/i18n';
import type { ThemeChoice } from './url-state';

/*
 * Remembered choices (language, theme) in localStorage. Storage can be missing or throw
 * (private mode, disabled cookies): then the choice simply is not remembered.
 */

const LANGUAGE_KEY = 'llm-wave.language';
const THEME_KEY = 'llm-wave.theme';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* not remembered; the session still works */
  }
}

export function rememberedLanguage(): Locale | null {
  const v = read(LANGUAGE_KEY);
  return isLocale(v) ? v : null;
}

export function browserLanguage(languages: readonly string[] | undefined): Locale {
  return languages?.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function rememberLanguage(language: Locale): void {
  write(LANGUAGE_KEY, language);
}

export function rememberedTheme(): ThemeChoice | null {
  const v = read(THEME_KEY);
  return v === 'light' || v === 'dark' || v === 'system' ? v : null;
}

export function rememberTheme(theme: ThemeChoice): void {
  write(THEME_KEY, theme);
}
