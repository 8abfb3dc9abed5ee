/*
 * Reading single cells: names, numbers, dates and links as people and spreadsheets write them.
 * Every function returns a value or a reason, never throws, so a bad cell becomes a field problem.
 */
import { importText } from './import-text';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Header matching: BOM, case, surrounding and repeated spaces do not matter. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Name matching (conflicts, base models): lower-case, no spaces or punctuation. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A lower-case id slug the schema accepts ("LLaMA-7B" → "llama-7b"); never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/g, '');
  return slug || 'model';
}

/** Hands out unique slugs: "x", then "x-2", "x-3"… */
export function uniqueIdMaker(taken: Iterable<string> = []): (base: string) => string {
  const used = new Set(taken);
  return (base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

const PLAIN_NUMBER = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const CJK_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/** Text the table shows for "no value". */
const NO_VALUE = new Set(['', '—', '-', 'n/a', 'na', 'unknown', 'not disclosed', '未知', '未公开', '不适用']);

/** Removes what our own CSV and spreadsheets add around a value: the formula guard `'`, the estimate mark. */
export function cleanCell(text: string): string {
  return text
    .trim()
    .replace(/^'(?=[=+\-@])/, '')
    .replace(/\s*(est\.|估)$/u, '')
    .trim();
}

export function isNoValue(text: string): boolean {
  return NO_VALUE.has(cleanCell(text).toLowerCase());
}

/**
 * A positive finite number: "1.2e+22", "24000000000.0", "1,234,567", "$6770000.00", and with
 * `compact` also "175B", "370M", "1750亿". Empty → null (no value, no problem).
 */
export function parsePositiveNumber(raw: string, opts: { compact?: boolean } = {}): Parsed<number> | null {
  if (isNoValue(raw)) return null;
  let text = cleanCell(raw).replace(/^~|^≈/, '').replace(/^\$/, '').replace(/\s+/g, '');
  if (/^-/.test(text)) {
    const abs = parsePositiveNumber(text.slice(1), opts);
    return abs?.ok || /^-\d/.test(text)
      ? { ok: false, reason: importText('negative', { cell: raw.trim() }) }
      : { ok: false, reason: importText('notNumber', { cell: raw.trim() }) };
  }
  let factor = 1;
  if (opts.compact) {
    const last = text.slice(-1);
    const f = CJK_UNITS[last] ?? SUFFIXES[last.toLowerCase()];
    if (f && text.length > 1) {
      factor = f;
      text = text.slice(0, -1);
    }
  }
  if (THOUSANDS.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(text)) {
    if (/^[+]?(nan|infinity|inf)$/i.test(text)) return { ok: false, reason: importText('notFinite', { cell: raw.trim() }) };
    return { ok: false, reason: importText('notNumber', { cell: raw.trim() }) };
  }
  const value = Number(text) * factor;
  if (!Number.isFinite(value)) return { ok: false, reason: importText('tooLarge', { cell: raw.trim() }) };
  if (value <= 0) return { ok: false, reason: importText('zero', { cell: raw.trim() }) };
  return { ok: true, value };
}

export interface ParsedDate {
  date: string;
  precision: 'day' | 'month';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function checkDate(y: number, m: number, d: number | undefined, raw: string): Parsed<ParsedDate> {
  const bad: Parsed<ParsedDate> = { ok: false, reason: importText('notRealDate', { cell: raw.trim() }) };
  if (!(y >= 1900 && y <= 2100) || !(m >= 1 && m <= 12)) return bad;
  if (d === undefined) return { ok: true, value: { date: `${y}-${pad(m)}`, precision: 'month' } };
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return bad;
  return { ok: true, value: { date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' } };
}

/**
 * A date as ISO ("2023-02-24", "2023-02", "2023-02-24T00:00:00"), as our table shows it in
 * English ("Feb 24, 2023", "Feb 2023") or Chinese ("2023年2月24日", "2023年2月"). Empty → null.
 */
export function parseDateText(raw: string): Parsed<ParsedDate> | null {
  const text = cleanCell(raw);
  if (isNoValue(text)) return null;
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+Z?)?$/.exec(text) ?? /^(\d{4})\/(\d{1,2})(?:\/(\d{1,2}))?$/.exec(text);
  if (m) return checkDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), raw);
  m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(text);
  if (m) return checkDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), raw);
  m = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return checkDate(Number(m[3]), month, m[2] === undefined ? undefined : Number(m[2]), raw);
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return checkDate(Number(m[3]), month, Number(m[1]), raw);
  }
  return { ok: false, reason: importText('unreadableDate', { cell: raw.trim() }) };
}

/** An absolute http(s) URL, or a reason why the text is not made a link (javascript:, data:, relative…). */
export function parseHttpUrl(raw: string): Parsed<string> | null {
  const text = raw.trim();
  if (!text) return null;
  // Several links in one cell (Epoch separates them by blank lines): the first one counts.
  const first = text.split(/\s+/)[0].replace(/[,;]+$/, '');
  if (!/^https?:\/\//i.test(first)) return { ok: false, reason: importText('notHttpNoLink', { cell: first.slice(0, 80) }) };
  try {
    const url = new URL(first);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, reason: importText('notHttp', { cell: first.slice(0, 80) }) };
    return { ok: true, value: url.href };
  } catch {
    return { ok: false, reason: importText('notLink', { cell: first.slice(0, 80) }) };
  }
}

/**
 * Whether `text` has more than `max` characters, counted as the schema counts them (code points):
 * the UTF-16 length settles it unless it is between `max` and twice that.
 */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++points > max) return true;
  }
  return false;
}

/** `text` cut to at most `max` UTF-16 units, ending in "…" when cut (never inside a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** "A, B,C" → ["A", "B", "C"] without empties. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
