import { zhCN } from './messages-zh-cn';
import { formatInteger, type Locale } from './format';

export type { Locale };
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

type Vars = Record<string, string | number>;

const catalogs: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': zhCN };

/**
 * Keys are namespaced ("filters.clear-all") and carry their English text at the call site, so a
 * missing translation shows English instead of a key. `{name}` placeholders are filled from vars.
 */
export function translate(locale: Locale, key: string, english: string, vars?: Vars): string {
  const template = catalogs[locale][key] ?? english;
  return vars ? interpolate(template, vars) : template;
}

/** Made once: an Intl object costs far more to build than to use (a chart frame asks on every render). */
const ENGLISH_PLURALS = new Intl.PluralRules('en');

/**
 * English needs singular/plural; Chinese has one form (the catalog's `key`). `{count}` is the
 * count written for the locale ("10,000"), unless `vars` gives its own.
 */
export function translatePlural(locale: Locale, key: string, count: number, one: string, other: string, vars?: Vars): string {
  const english = ENGLISH_PLURALS.select(count) === 'one' ? one : other;
  return translate(locale, key, english, { count: formatInteger(count, locale), ...vars });
}

function interpolate(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function hasTranslation(locale: Locale, key: string): boolean {
  return key in catalogs[locale];
}
