import type { DatedEvent } from '../data/schema';
import { cached } from '../lib/cache';

/*
 * All number, currency and date formatting goes through here, on Intl, so every view writes
 * "6.7B", "$140" and "Mar 2023" the same way in both languages. Formatters are cached per
 * locale because constructing Intl objects is the expensive part.
 */

export type Locale = 'en' | 'zh-CN';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  return cached(cache, key, make) as T;
}

export function formatInteger(n: number, locale: Locale): string {
  return formatter(`int|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
}

export function formatDecimal(n: number, locale: Locale, maxFractionDigits = 2): string {
  return formatter(
    `dec|${locale}|${maxFractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }),
  ).format(n);
}

/** `digits` significant digits, whole numbers from 10^digits up: 0.00423 → "0.00423", 173.19 → "173". */
export function formatSignificant(n: number, locale: Locale, digits = 3): string {
  if (Math.abs(n) >= 10 ** digits) return formatInteger(n, locale);
  return formatter(`sig|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { maximumSignificantDigits: digits })).format(n);
}

/** Always `digits` decimals: 1 → "1.0", for figures read side by side ("5.6–7.0 months"). */
export function formatFixed(n: number, locale: Locale, digits: number): string {
  return formatter(
    `fixed|${locale}|${digits}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(n);
}

/** 6.7e9 → "6.7B" (en) / "67亿" (zh-CN). */
export function formatCompact(n: number, locale: Locale): string {
  return formatter(`compact|${locale}`, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 })).format(
    n,
  );
}

/** 3.14e23 → "3.14×10²³": FLOP counts read better in scientific notation than "314 sextillion". */
export function formatScientific(n: number, locale: Locale): string {
  const parts = formatter(
    `sci|${locale}`,
    () => new Intl.NumberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 }),
  ).formatToParts(n);
  const mantissa = parts
    .filter((p) => p.type === 'integer' || p.type === 'decimal' || p.type === 'fraction')
    .map((p) => p.value)
    .join('');
  const exponent = parts
    .filter((p) => p.type === 'exponentInteger' || p.type === 'exponentMinusSign')
    .map((p) => p.value)
    .join('');
  return `${mantissa}×10${toSuperscript(exponent)}`;
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};
function toSuperscript(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

export function formatUsd(n: number, locale: Locale): string {
  const compact = n >= 10_000;
  return formatter(
    `usd|${locale}|${compact}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'USD',
        currencyDisplay: 'narrowSymbol',
        notation: compact ? 'compact' : 'standard',
        maximumSignificantDigits: compact ? 3 : undefined,
        maximumFractionDigits: compact ? undefined : 0,
      }),
  ).format(n);
}

export function formatPercent(fraction: number, locale: Locale): string {
  return formatter(`pct|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
}

/** A date at the precision the source gives: "13 Mar 2023" or "Mar 2023", never an invented day. */
export function formatEventDate(event: Pick<DatedEvent, 'date' | 'precision'>, locale: Locale): string {
  const [y, m, d] = event.date.split('-').map(Number);
  const utc = new Date(Date.UTC(y, m - 1, d ?? 1));
  if (event.precision === 'month') {
    return formatter(`month|${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(
      utc,
    );
  }
  return formatter(
    `day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ).format(utc);
}

/** "YYYY-MM" → "Mar 2023" in the locale. */
export function formatMonth(month: string, locale: Locale): string {
  return formatEventDate({ date: month.slice(0, 7), precision: 'month' }, locale);
}

/** An ISO timestamp → "12 Mar 2025, 14:05" in the reader's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

/** 4_191_686 → "4 MB"; smaller files in KB or bytes. */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatInteger(Math.max(bytes, 0), locale)} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, locale, 1)} KB`;
  return `${formatDecimal(bytes / (1024 * 1024), locale, 1)} MB`;
}

/** A time-axis tick at its unit: "2019" / "2019年", "Mar 2023" / "2023年3月", "Mar 5" / "3月5日". */
export function formatTimeTick(ms: number, unit: 'year' | 'month' | 'day', locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    unit === 'year'
      ? { year: 'numeric', timeZone: 'UTC' }
      : unit === 'month'
        ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
        : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return formatter(`tick-${unit}|${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(ms);
}
