import {
  DEFAULT_SORTING,
  DEFAULT_VISIBLE_FIELDS,
  FIELD_IDS,
  isFieldId,
  MAX_COMPARE,
  MAX_SORT_KEYS,
  type FieldId,
  type SortSpec,
} from '../data/fields';
import { isLocale, type Locale } from '../i18n/i18n';
import { DEFAULT_FILTERS, MODALITY_CATEGORIES, OPENNESS_FACETS, SYSTEM_KINDS, type Filters } from './filters-model';
import { isPanelId, type PanelId } from './panels';
import type { TimeWindow } from '../selectors/timeline-series';
import type { ScalePeriod } from '../selectors/scale-series';
import { decodeAnnotations, encodeAnnotations, type Annotation } from './annotations-model';

/*
 * The URL is the shareable form of the view. Two pure functions: `toUrl` writes only values that
 * differ from the defaults, `fromUrl` reads a fixed list of keys and falls back to the default
 * for anything invalid, reporting what it dropped so the UI can say so. Dataset-dependent checks
 * (does this organization exist?) happen later in `reconcileWithDataset`.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/**
 * View settings: each is one enumerated value with its URL key and default. A view that needs a
 * setting (a log/linear toggle, a sort order…) adds an entry here and gets URL sync for free.
 */
export const VIEW_SETTINGS = {
  overviewOrder: { key: 'order', values: ['release', 'name', 'organization'], default: 'release' },
  /** The talk's two tables: as the talk shows them, or with cells corrected against the sources. */
  seedTablesMode: { key: 'seed', values: ['talk', 'checked'], default: 'talk' },
  costScale: { key: 'cscale', values: ['log', 'linear'], default: 'log' },
  gpuHoursScale: { key: 'gscale', values: ['log', 'linear'], default: 'log' },
  timelineLanes: { key: 'lanes', values: ['organization', 'kind'], default: 'kind' },
  /** The timeline's window: everything, or the Feb–Apr 2023 wave the talk centres on. */
  timelineZoom: { key: 'tl', values: ['all', 'wave-2023'], default: 'all' },
  /** What the scale-over-time chart plots against the release date. */
  scaleMetric: { key: 'sm', values: ['flop', 'params', 'cost', 'gpuh'], default: 'flop' },
  /** The CO₂ methods view: the method every run is recomputed under (data/co2-methods.json's method ids). */
  co2Method: { key: 'co2m', values: ['llama', 'patterson', 'bloom-lca'], default: 'llama' },
  /** …on the method's own grid or another of data/co2-methods.json's grids… */
  co2Grid: {
    key: 'co2g',
    values: [
      'method',
      'us-2020-patterson',
      'us-llama',
      'us-2019-eia',
      'us-2022-eia',
      'us-2023-eia',
      'fr-bloom',
      'fr-2023-owid',
      'opt-grid',
      'google-t5',
      'google-gshard',
    ],
    default: 'method',
  },
  /** …for the final run alone or with its development runs (a sourced factor). */
  co2Development: { key: 'co2d', values: ['none', 'llama', 'olmo', 'patterson-automl'], default: 'none' },
} as const;
export type ViewSettingName = keyof typeof VIEW_SETTINGS;
export type ViewSettings = { [K in ViewSettingName]: (typeof VIEW_SETTINGS)[K]['values'][number] };
export const DEFAULT_VIEW_SETTINGS = Object.fromEntries(
  Object.entries(VIEW_SETTINGS).map(([name, spec]) => [name, spec.default]),
) as ViewSettings;
const VIEW_SETTING_NAMES = Object.keys(VIEW_SETTINGS) as ViewSettingName[];

export interface UrlState {
  filters: Filters;
  selectedId: string | null;
  /** null: the URL does not say (the remembered or browser language applies). */
  language: Locale | null;
  theme: ThemeChoice;
  view: ViewSettings;
  sorting: SortSpec[];
  visibleColumns: FieldId[];
  compareIds: string[];
  /** One panel alone, without the page around it, for an iframe (`embed=co2`). */
  embed: PanelId | null;
  /** Presentation mode, showing this panel (`present=timeline`). */
  present: PanelId | null;
  /** The period the timeline was zoomed to by dragging (`tlw=2023-02-01..2023-04-30`, whole UTC days). */
  timelineWindow: TimeWindow | null;
  /** The years the scale chart's trend is fitted over (`st=2018..2023`); null: every point in view. */
  scalePeriod: ScalePeriod | null;
  /** Callouts, bands and notes on the chart panels (`ann=1.…`, annotations-model.ts). */
  annotations: Annotation[];
}

export const DEFAULT_URL_STATE: UrlState = {
  filters: DEFAULT_FILTERS,
  selectedId: null,
  language: null,
  theme: 'system',
  view: DEFAULT_VIEW_SETTINGS,
  sorting: [...DEFAULT_SORTING],
  visibleColumns: [...DEFAULT_VISIBLE_FIELDS],
  compareIds: [],
  embed: null,
  present: null,
  timelineWindow: null,
  scalePeriod: null,
  annotations: [],
};

export interface UrlProblem {
  param: string;
  /** The offending value, shortened for display. */
  value: string;
  reason: 'unknown-value' | 'malformed' | 'too-long' | 'too-many' | 'range-reversed' | 'duplicate';
}

export const URL_KEYS = {
  organizations: 'org',
  bases: 'base',
  modalities: 'mod',
  openness: 'open',
  kinds: 'kind',
  dateFrom: 'from',
  dateTo: 'to',
  query: 'q',
  selected: 'sel',
  language: 'lang',
  theme: 'theme',
  /** Comma lists (ordered): `sort=-trainingCost,release`, `cols=name,release`, `cmp=alpaca,vicuna-13b`. */
  sorting: 'sort',
  columns: 'cols',
  compare: 'cmp',
  embed: 'embed',
  present: 'present',
  timelineWindow: 'tlw',
  scalePeriod: 'st',
  annotations: 'ann',
} as const;

const KNOWN_KEYS: ReadonlySet<string> = new Set([...Object.values(URL_KEYS), ...VIEW_SETTING_NAMES.map((n) => VIEW_SETTINGS[n].key)]);
export const MAX_LIST_ITEMS = 50;
export const MAX_VALUE_LENGTH = 120;
export const MAX_QUERY_LENGTH = 200;
const SLUG = /^[a-z0-9][a-z0-9.-]*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function toUrl(state: UrlState): URLSearchParams {
  const p = new URLSearchParams();
  const f = state.filters;
  for (const o of f.organizations) p.append(URL_KEYS.organizations, o);
  for (const b of f.bases) p.append(URL_KEYS.bases, b);
  for (const m of f.modalities) p.append(URL_KEYS.modalities, m);
  for (const o of f.openness) p.append(URL_KEYS.openness, o);
  for (const k of f.kinds) p.append(URL_KEYS.kinds, k);
  if (f.dateFrom) p.set(URL_KEYS.dateFrom, f.dateFrom);
  if (f.dateTo) p.set(URL_KEYS.dateTo, f.dateTo);
  if (f.query.trim()) p.set(URL_KEYS.query, f.query.trim());
  if (state.selectedId) p.set(URL_KEYS.selected, state.selectedId);
  if (state.language) p.set(URL_KEYS.language, state.language);
  if (state.theme !== DEFAULT_URL_STATE.theme) p.set(URL_KEYS.theme, state.theme);
  for (const name of VIEW_SETTING_NAMES) {
    if (state.view[name] !== VIEW_SETTINGS[name].default) p.set(VIEW_SETTINGS[name].key, state.view[name]);
  }
  const sort = state.sorting.map((s) => `${s.desc ? '-' : ''}${s.id}`).join(',');
  if (sort !== DEFAULT_SORTING.map((s) => `${s.desc ? '-' : ''}${s.id}`).join(',')) p.set(URL_KEYS.sorting, sort || 'none');
  const cols = sameSet(state.visibleColumns, DEFAULT_VISIBLE_FIELDS)
    ? ''
    : FIELD_IDS.filter((f) => state.visibleColumns.includes(f)).join(',');
  if (cols) p.set(URL_KEYS.columns, cols);
  if (state.compareIds.length > 0) p.set(URL_KEYS.compare, state.compareIds.join(','));
  if (state.embed) p.set(URL_KEYS.embed, state.embed);
  if (state.present) p.set(URL_KEYS.present, state.present);
  if (state.timelineWindow) p.set(URL_KEYS.timelineWindow, windowText(state.timelineWindow));
  if (state.scalePeriod) p.set(URL_KEYS.scalePeriod, `${state.scalePeriod.from}..${state.scalePeriod.to}`);
  if (state.annotations.length > 0) p.set(URL_KEYS.annotations, encodeAnnotations(state.annotations));
  return p;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `2023-02-01..2023-04-30`: the first and the last whole day of the window (its end is exclusive). */
export function windowText(w: TimeWindow): string {
  return `${isoDay(w.start)}..${isoDay(w.end - DAY_MS)}`;
}

/** The window a `tlw=` value names, or the reason it names none. */
export function parseWindow(text: string): TimeWindow | 'malformed' | 'range-reversed' {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m) return 'malformed';
  const start = Date.parse(`${m[1]}T00:00:00Z`);
  const last = Date.parse(`${m[2]}T00:00:00Z`);
  // Date.parse rolls 2023-02-30 over to March: a day that does not exist is not a date.
  if (Number.isNaN(start) || Number.isNaN(last) || isoDay(start) !== m[1] || isoDay(last) !== m[2]) return 'malformed';
  if (last < start) return 'range-reversed';
  return { start, end: last + DAY_MS };
}

/** Years a trend period may name: wide enough for any dataset, narrow enough to refuse nonsense. */
export const SCALE_PERIOD_YEARS = { min: 1900, max: 2100 } as const;

/** The period an `st=` value names (`2018..2023`, whole years, both included), or the reason it names none. */
export function parseScalePeriod(text: string): ScalePeriod | 'malformed' | 'range-reversed' {
  const m = /^(\d{4})\.\.(\d{4})$/.exec(text);
  if (!m) return 'malformed';
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from < SCALE_PERIOD_YEARS.min || to > SCALE_PERIOD_YEARS.max) return 'malformed';
  if (to < from) return 'range-reversed';
  return { from, to };
}

/** `base` (an address without a query) showing `state`. */
export function linkTo(base: string, state: UrlState): string {
  const query = toUrl(state).toString();
  return query ? `${base}?${query}` : base;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function shorten(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

/** Reads a repeated list parameter, keeping valid unique values and reporting the rest. */
function readList<T extends string>(params: URLSearchParams, key: string, accept: (v: string) => v is T, problems: UrlProblem[]): T[] {
  const raw = params.getAll(key);
  if (raw.length > MAX_LIST_ITEMS) {
    problems.push({ param: key, value: `${raw.length} values`, reason: 'too-many' });
    return [];
  }
  const out: T[] = [];
  for (const v of raw) {
    if (v.length > MAX_VALUE_LENGTH) problems.push({ param: key, value: shorten(v), reason: 'too-long' });
    else if (!accept(v)) problems.push({ param: key, value: shorten(v), reason: 'unknown-value' });
    else if (out.includes(v)) problems.push({ param: key, value: shorten(v), reason: 'duplicate' });
    else out.push(v);
  }
  return out;
}

function oneOf<T extends string>(values: readonly T[]) {
  return (v: string): v is T => (values as readonly string[]).includes(v);
}
const isSlug = (v: string): v is string => SLUG.test(v);
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
export function hasControlCharacters(v: string): boolean {
  return CONTROL_CHARACTERS.test(v);
}
/** Organization names are free text; only control characters make them invalid. */
const isPlainText = (v: string): v is string => v.trim().length > 0 && !hasControlCharacters(v);

function readSingle(params: URLSearchParams, key: string, problems: UrlProblem[]): string | null {
  const all = params.getAll(key);
  if (all.length === 0) return null;
  if (all.length > 1) problems.push({ param: key, value: `${all.length} values`, reason: 'duplicate' });
  return all[0];
}

export function fromUrl(params: URLSearchParams): { state: UrlState; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  for (const key of new Set(params.keys())) {
    if (!KNOWN_KEYS.has(key)) problems.push({ param: key, value: shorten(params.get(key) ?? ''), reason: 'unknown-value' });
  }
  const filters: Filters = {
    organizations: readList(params, URL_KEYS.organizations, isPlainText, problems),
    bases: readList(params, URL_KEYS.bases, isSlug, problems),
    modalities: readList(params, URL_KEYS.modalities, oneOf(MODALITY_CATEGORIES), problems),
    openness: readList(params, URL_KEYS.openness, oneOf(OPENNESS_FACETS), problems),
    kinds: readList(params, URL_KEYS.kinds, oneOf(SYSTEM_KINDS), problems),
    dateFrom: null,
    dateTo: null,
    query: '',
  };
  for (const [key, field] of [
    [URL_KEYS.dateFrom, 'dateFrom'],
    [URL_KEYS.dateTo, 'dateTo'],
  ] as const) {
    const v = readSingle(params, key, problems);
    if (v === null) continue;
    if (MONTH.test(v)) filters[field] = v;
    else problems.push({ param: key, value: shorten(v), reason: 'malformed' });
  }
  if (filters.dateFrom && filters.dateTo && filters.dateFrom > filters.dateTo) {
    problems.push({
      param: `${URL_KEYS.dateFrom}/${URL_KEYS.dateTo}`,
      value: `${filters.dateFrom} > ${filters.dateTo}`,
      reason: 'range-reversed',
    });
    filters.dateFrom = null;
    filters.dateTo = null;
  }
  const q = readSingle(params, URL_KEYS.query, problems);
  if (q !== null) {
    if (q.length > MAX_QUERY_LENGTH) problems.push({ param: URL_KEYS.query, value: shorten(q), reason: 'too-long' });
    else if (!isPlainText(q)) problems.push({ param: URL_KEYS.query, value: shorten(q), reason: 'malformed' });
    else filters.query = q.trim();
  }
  let selectedId: string | null = null;
  const sel = readSingle(params, URL_KEYS.selected, problems);
  if (sel !== null) {
    if (sel.length <= MAX_VALUE_LENGTH && SLUG.test(sel)) selectedId = sel;
    else problems.push({ param: URL_KEYS.selected, value: shorten(sel), reason: 'malformed' });
  }
  let language: Locale | null = null;
  const lang = readSingle(params, URL_KEYS.language, problems);
  if (lang !== null) {
    if (isLocale(lang)) language = lang;
    else problems.push({ param: URL_KEYS.language, value: shorten(lang), reason: 'unknown-value' });
  }
  let theme: ThemeChoice = 'system';
  const th = readSingle(params, URL_KEYS.theme, problems);
  if (th !== null) {
    if (oneOf(THEME_CHOICES)(th)) theme = th;
    else problems.push({ param: URL_KEYS.theme, value: shorten(th), reason: 'unknown-value' });
  }
  // Each setting's values are checked against its own list, so the record is a valid ViewSettings.
  const view: Record<string, string> = { ...DEFAULT_VIEW_SETTINGS };
  for (const name of VIEW_SETTING_NAMES) {
    const spec = VIEW_SETTINGS[name];
    const v = readSingle(params, spec.key, problems);
    if (v === null) continue;
    if ((spec.values as readonly string[]).includes(v)) view[name] = v;
    else problems.push({ param: spec.key, value: shorten(v), reason: 'unknown-value' });
  }
  return {
    state: {
      filters,
      selectedId,
      language,
      theme,
      view: view as ViewSettings,
      sorting: readSorting(params, problems),
      visibleColumns: readColumns(params, problems),
      compareIds: readCompare(params, problems),
      embed: readPanel(params, URL_KEYS.embed, problems),
      present: readPanel(params, URL_KEYS.present, problems),
      timelineWindow: readWindow(params, problems),
      scalePeriod: readScalePeriod(params, problems),
      annotations: readAnnotations(params, problems),
    },
    problems,
  };
}

/** All or nothing: a set of annotations read in part would tell another story than the one shared. */
function readAnnotations(params: URLSearchParams, problems: UrlProblem[]): Annotation[] {
  const raw = readSingle(params, URL_KEYS.annotations, problems);
  if (raw === null) return [];
  const r = decodeAnnotations(raw);
  if (r.ok) return r.annotations;
  problems.push({ param: URL_KEYS.annotations, value: shorten(raw), reason: r.problem });
  return [];
}

function readWindow(params: URLSearchParams, problems: UrlProblem[]): TimeWindow | null {
  const raw = readSingle(params, URL_KEYS.timelineWindow, problems);
  if (raw === null) return null;
  const w = parseWindow(raw);
  if (typeof w !== 'string') return w;
  problems.push({ param: URL_KEYS.timelineWindow, value: shorten(raw), reason: w });
  return null;
}

function readScalePeriod(params: URLSearchParams, problems: UrlProblem[]): ScalePeriod | null {
  const raw = readSingle(params, URL_KEYS.scalePeriod, problems);
  if (raw === null) return null;
  const period = parseScalePeriod(raw);
  if (typeof period !== 'string') return period;
  problems.push({ param: URL_KEYS.scalePeriod, value: shorten(raw), reason: period });
  return null;
}

function commaList(params: URLSearchParams, key: string, max: number, problems: UrlProblem[]): string[] | null {
  const raw = readSingle(params, key, problems);
  if (raw === null) return null;
  if (raw.length > MAX_VALUE_LENGTH * max) {
    problems.push({ param: key, value: shorten(raw), reason: 'too-long' });
    return null;
  }
  const items = raw.split(',').filter((x) => x !== '');
  if (items.length > max) {
    problems.push({ param: key, value: `${items.length} values`, reason: 'too-many' });
    return null;
  }
  return items;
}

function readSorting(params: URLSearchParams, problems: UrlProblem[]): SortSpec[] {
  const raw = params.get(URL_KEYS.sorting);
  if (raw === 'none') return [];
  const items = commaList(params, URL_KEYS.sorting, MAX_SORT_KEYS, problems);
  if (items === null) return [...DEFAULT_SORTING];
  const out: SortSpec[] = [];
  for (const item of items) {
    const desc = item.startsWith('-');
    const id = desc ? item.slice(1) : item;
    if (!isFieldId(id)) problems.push({ param: URL_KEYS.sorting, value: shorten(item), reason: 'unknown-value' });
    else if (out.some((s) => s.id === id)) problems.push({ param: URL_KEYS.sorting, value: shorten(item), reason: 'duplicate' });
    else out.push({ id, desc });
  }
  return out.length > 0 || items.length === 0 ? out : [...DEFAULT_SORTING];
}

function readColumns(params: URLSearchParams, problems: UrlProblem[]): FieldId[] {
  const items = commaList(params, URL_KEYS.columns, FIELD_IDS.length, problems);
  if (items === null) return [...DEFAULT_VISIBLE_FIELDS];
  const wanted = new Set<FieldId>(['name']);
  for (const item of items) {
    if (isFieldId(item)) wanted.add(item);
    else problems.push({ param: URL_KEYS.columns, value: shorten(item), reason: 'unknown-value' });
  }
  return FIELD_IDS.filter((f) => wanted.has(f));
}

/** An unknown panel id is dropped (the full page shows) and reported like any other bad value. */
function readPanel(params: URLSearchParams, key: string, problems: UrlProblem[]): PanelId | null {
  const v = readSingle(params, key, problems);
  if (v === null) return null;
  if (isPanelId(v)) return v;
  problems.push({ param: key, value: shorten(v), reason: 'unknown-value' });
  return null;
}

function readCompare(params: URLSearchParams, problems: UrlProblem[]): string[] {
  const items = commaList(params, URL_KEYS.compare, MAX_COMPARE, problems);
  if (items === null) return [];
  const out: string[] = [];
  for (const item of items) {
    if (!SLUG.test(item) || item.length > MAX_VALUE_LENGTH)
      problems.push({ param: URL_KEYS.compare, value: shorten(item), reason: 'malformed' });
    else if (out.includes(item)) problems.push({ param: URL_KEYS.compare, value: shorten(item), reason: 'duplicate' });
    else out.push(item);
  }
  return out;
}

/**
 * Drops ids and names the dataset does not have (a link made against another dataset, or a
 * hand-edited one), reporting each.
 */
export function reconcileWithDataset(
  state: Pick<UrlState, 'filters' | 'selectedId' | 'compareIds'>,
  known: {
    /** The organization id a value names: an id, or a spelling an older link carries ("Meta AI (FAIR)" → "fair"). */
    organizationId: (value: string) => string | undefined;
    baseOptionIds: ReadonlySet<string>;
    systemIds: ReadonlySet<string>;
  },
): { filters: Filters; selectedId: string | null; compareIds: string[]; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const keep = (list: string[], param: string, ok: ReadonlySet<string>) =>
    list.filter((v) => {
      if (ok.has(v)) return true;
      problems.push({ param, value: shorten(v), reason: 'unknown-value' });
      return false;
    });
  const filters: Filters = {
    ...state.filters,
    organizations: [
      ...new Set(
        state.filters.organizations.flatMap((v) => {
          const id = known.organizationId(v);
          if (id !== undefined) return [id];
          problems.push({ param: URL_KEYS.organizations, value: shorten(v), reason: 'unknown-value' });
          return [];
        }),
      ),
    ],
    bases: keep(state.filters.bases, URL_KEYS.bases, known.baseOptionIds),
  };
  let selectedId = state.selectedId;
  if (selectedId !== null && !known.systemIds.has(selectedId)) {
    problems.push({ param: URL_KEYS.selected, value: shorten(selectedId), reason: 'unknown-value' });
    selectedId = null;
  }
  const compareIds = keep(state.compareIds, URL_KEYS.compare, known.systemIds);
  return { filters, selectedId, compareIds, problems };
}
