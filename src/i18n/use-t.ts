import { useCallback } from 'react';
import { useAppStore } from '../store';
import { translate, translatePlural, type Locale } from './i18n';

type Vars = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t: (key: string, english: string, vars?: Vars) => string;
  tn: (key: string, count: number, one: string, other: string, vars?: Vars) => string;
}

/** The current language's translate functions; components re-render when the language changes. */
export function useT(): Translator {
  const locale = useAppStore((s) => s.language);
  const t = useCallback((key: string, english: string, vars?: Vars) => translate(locale, key, english, vars), [locale]);
  const tn = useCallback(
    (key: string, count: number, one: string, other: string, vars?: Vars) => translatePlural(locale, key, count, one, other, vars),
    [locale],
  );
  return { locale, t, tn };
}
