import type { CostPricing, Dataset, Fact, System, TalkClaim, TrainingCost } from '../data/schema';
import { organizationName, organizationNames } from './organizations';
import type { FieldId } from '../data/fields';
import { formatCompact, formatDecimal, formatEventDate, formatInteger, formatUsd, type Locale } from '../i18n/format';
import { cached } from '../lib/cache';
import { formatFlop } from './flop';

/*
 * The fields a reader compares, each turned into a display cell once per dataset and language:
 * its text (as shown and as exported), a sort key (undefined = missing, sorted last either way),
 * its status and sources. The explorer table, the compare view and the CSV export all start from
 * these cells, so they cannot disagree.
 */

export { FIELD_IDS, type FieldId } from '../data/fields';

export type CellStatus = 'reported' | 'estimated' | 'not-disclosed' | 'unknown' | 'not-applicable';

export interface FieldCell {
  status: CellStatus;
  /** The value as text, localised; for missing values the localised word ("not disclosed"). */
  text: string;
  /** Number or string to sort by; undefined when the value is missing. */
  sortKey: number | string | undefined;
  /** Source ids behind the value. */
  sources: string[];
  /** Longer explanation: estimate method, derivation, access terms, note. */
  detail?: string;
  /** What the talk says about this value — agreeing, differing or unverified — shown beside it. */
  talks?: TalkNote[];
  /**
   * Further dated facts or the venue shown under the value (GPT-3's API beta beside its paper's
   * date), each with the talk's claim about it where the talk makes one.
   */
  also?: { text: string; talk?: TalkNote }[];
  /** Access fields: can the public obtain it. */
  available?: boolean;
}

/** One talk claim as a reader sees it: the talk's words, how they compare, and a gloss (a name) where useful. */
export interface TalkNote {
  text: string;
  relation: TalkClaim<unknown>['relation'];
  note?: string;
  /** The claim in the UI's words where the talk's own words need it ("UC Berkeley" for 加州大学伯克利分校). */
  gloss?: string;
}

export type Translate = (key: string, english: string, vars?: Record<string, string | number>) => string;

export interface FieldContext {
  locale: Locale;
  t: Translate;
  names: ReadonlyMap<string, string>;
  /** A system's organizations by name in `locale` ("Meta AI (FAIR)", not the id "fair"). */
  organizationNames: (system: System) => string;
  /** One organization's name in `locale`, by id. */
  organizationName: (id: string) => string;
}

export type FieldRow = { system: System } & Record<FieldId, FieldCell>;

/** Header label of a field in the UI language (also the CSV header). */
export function fieldLabel(t: Translate, id: FieldId): string {
  switch (id) {
    case 'name':
      return t('field.name', 'Name');
    case 'organization':
      return t('field.organizations', 'Organization');
    case 'release':
      return t('field.release', 'Released');
    case 'base':
      return t('field.base-models', 'Built on');
    case 'parameters':
      return t('field.parameters', 'Parameters');
    case 'modality':
      return t('field.modality', 'Modality');
    case 'trainingData':
      return t('field.training-data', 'Training data');
    case 'trainingCost':
      return t('field.training-cost', 'Training cost (USD)');
    case 'gpuHours':
      return t('field.gpu-hours', 'GPU-hours');
    case 'flop':
      return t('field.flop', 'Training compute');
    case 'co2':
      return t('field.co2', 'CO₂ (t CO₂e)');
    case 'weights':
      return t('field.weights', 'Weights');
    case 'trainingCode':
      return t('field.training-code', 'Training code');
    case 'datasetAccess':
      return t('field.dataset-access', 'Dataset');
    case 'licence':
      return t('field.licence', 'Licence');
    case 'evaluation':
      return t('field.evaluation', 'Evaluation method');
    case 'sources':
      return t('field.sources', 'Sources');
  }
}

/** Fields whose values are numbers (right-aligned; sorted by value). */
export const NUMERIC_FIELDS: ReadonlySet<FieldId> = new Set(['parameters', 'trainingCost', 'gpuHours', 'flop', 'co2', 'sources']);

function missingCell(fact: Fact<unknown> | undefined, t: Translate): FieldCell {
  if (!fact) return { status: 'not-applicable', text: '—', sortKey: undefined, sources: [] };
  const talks = talksOf(fact.talk);
  if (fact.status === 'not-disclosed') {
    return {
      status: 'not-disclosed',
      text: t('fact.not-disclosed', 'not disclosed'),
      sortKey: undefined,
      sources: fact.sources,
      detail: fact.note,
      talks,
    };
  }
  return {
    status: 'unknown',
    text: t('fact.unknown-short', 'unknown'),
    sortKey: undefined,
    sources: [],
    detail: fact.status === 'unknown' ? fact.note : undefined,
    talks,
  };
}

function talkNote(talk: TalkClaim<unknown>, gloss?: string): TalkNote {
  return { text: talk.text, relation: talk.relation, ...(talk.note ? { note: talk.note } : {}), ...(gloss ? { gloss } : {}) };
}

/** Every talk claim is shown, agreeing ones too: a reader sees where the talk was checked, not only where it failed. */
function talksOf(...claims: (TalkClaim<unknown> | undefined)[]): TalkNote[] | undefined {
  const notes = claims.filter((c): c is TalkClaim<unknown> => !!c).map((c) => talkNote(c));
  return notes.length > 0 ? notes : undefined;
}

/** A cell from a single fact: value text and sort key from the callbacks, provenance from the fact. */
function factCell<T>(
  fact: Fact<T> | undefined,
  t: Translate,
  text: (v: T) => string,
  sortKey: (v: T) => number | string,
  extra?: (v: T) => Partial<FieldCell>,
): FieldCell {
  if (!fact || (fact.status !== 'reported' && fact.status !== 'estimated')) return missingCell(fact, t);
  const detail = fact.status === 'estimated' ? [fact.method, fact.note].filter(Boolean).join(' — ') : fact.note;
  return {
    status: fact.status,
    text: text(fact.value),
    sortKey: sortKey(fact.value),
    sources: fact.sources,
    detail: detail || undefined,
    talks: talksOf(fact.talk),
    ...extra?.(fact.value),
  };
}

function boundPrefix(bound: 'exact' | 'approx' | 'upper'): string {
  return bound === 'upper' ? '<' : bound === 'approx' ? '~' : '';
}

function costTotal(cost: TrainingCost): number {
  return cost.components.reduce((sum, c) => sum + c.usd, 0);
}

function costText(cost: TrainingCost, ctx: FieldContext): string {
  if (cost.components.length === 1 && cost.components[0].component !== 'data') {
    const c = cost.components[0];
    return `${boundPrefix(c.bound)}${formatUsd(c.usd, ctx.locale)}`;
  }
  return cost.components
    .map((c) => {
      const part =
        c.component === 'data'
          ? ctx.t('cost.data', 'data')
          : c.component === 'training'
            ? ctx.t('cost.training', 'training')
            : ctx.t('cost.total', 'total');
      return `${boundPrefix(c.bound)}${formatUsd(c.usd, ctx.locale)} ${part}`;
    })
    .join(' + ');
}

/**
 * Cost: one figure, or the spread of several published figures ("$2.06M–$4.6M"), never a merged
 * number. Sorted by the lowest published total.
 */
function costCell(system: System, ctx: FieldContext): FieldCell {
  const known = system.trainingCost.filter((f) => f.status === 'reported' || f.status === 'estimated');
  if (known.length === 0) return missingCell(system.trainingCost[0], ctx.t);
  const values = known.map((f) => (f as Extract<Fact<TrainingCost>, { value: TrainingCost }>).value);
  const totals = values.map(costTotal);
  const reported = known.find((f) => f.status === 'reported');
  const status: CellStatus = reported ? 'reported' : 'estimated';
  const sources = [...new Set(known.flatMap((f) => f.sources))];
  const talks = talksOf(...known.map((f) => f.talk));
  const details = known.map((f, i) => {
    const v = values[i];
    const who = f.status === 'estimated' ? f.method : ctx.t('fact.reported', 'reported');
    return `${costText(v, ctx)} (${v.dollarYear} USD${v.basis ? `, ${v.basis}` : ''}; ${who})`;
  });
  if (known.length === 1) {
    return { status, text: costText(values[0], ctx), sortKey: totals[0], sources, detail: details[0], talks };
  }
  const lo = Math.min(...totals);
  const hi = Math.max(...totals);
  const text = lo === hi ? formatUsd(lo, ctx.locale) : `${formatUsd(lo, ctx.locale)}–${formatUsd(hi, ctx.locale)}`;
  const kinds = mixedKinds(values, ctx);
  return {
    status,
    // A range of unlike figures is not one quantity's spread: the cell (and so the CSV) says what it mixes.
    text: kinds
      ? ctx.t('cost.spread-mixed', '{range} ({figures} figures; mixed: {kinds})', { range: text, figures: known.length, kinds })
      : ctx.t('cost.spread', '{range} ({figures} figures)', { range: text, figures: known.length }),
    sortKey: lo,
    sources,
    detail: details.join('\n'),
    talks,
  };
}

function pricingLabel(p: CostPricing, t: Translate): string {
  switch (p) {
    case 'spot':
      return t('cost.pricing.spot', 'spot');
    case 'on-demand':
      return t('cost.pricing.on-demand', 'on-demand');
    case 'cloud-rental':
      return t('cost.pricing.cloud-rental', 'cloud rental');
    case 'amortised-hardware':
      return t('cost.pricing.amortised-hardware', 'amortised hardware');
  }
}

/**
 * What a set of cost figures mixes, in words ("2020 and 2023 dollars; spot and on-demand prices"),
 * or undefined when they are of one kind: different dollar years, or prices of different kinds.
 */
export function mixedKinds(values: readonly TrainingCost[], ctx: Pick<FieldContext, 't' | 'locale'>): string | undefined {
  const list = new Intl.ListFormat(ctx.locale, { type: 'conjunction' });
  const parts: string[] = [];
  const years = [...new Set(values.map((v) => v.dollarYear))].sort((a, b) => a - b);
  if (years.length > 1) parts.push(ctx.t('cost.mixed-years', '{years} dollars', { years: list.format(years.map(String)) }));
  const pricings = [...new Set(values.flatMap((v) => (v.pricing ? [v.pricing] : [])))];
  if (pricings.length > 1) {
    parts.push(ctx.t('cost.mixed-pricing', '{kinds} prices', { kinds: list.format(pricings.map((p) => pricingLabel(p, ctx.t))) }));
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function accessCell(fact: System['weights'], ctx: FieldContext): FieldCell {
  return factCell(
    fact,
    ctx.t,
    (v) => (v.available ? ctx.t('access.public', 'public') : ctx.t('access.not-public', 'not public')),
    (v) => (v.available ? 1 : 0),
    (v) => ({ available: v.available, detail: v.terms }),
  );
}

function modalityText(m: { inputs: string[]; outputs: string[] }, t: Translate): string {
  const word = (k: string) =>
    k === 'text'
      ? t('modality-kind.text', 'text')
      : k === 'code'
        ? t('modality-kind.code', 'code')
        : k === 'image'
          ? t('modality-kind.image', 'image')
          : t('modality-kind.mask', 'mask');
  return `${m.inputs.map(word).join(' + ')} → ${m.outputs.map(word).join(' + ')}`;
}

/** Every source id cited anywhere inside a value (a system, a list of systems…). */
export function collectSourceIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  // Plain loops, no Object.entries: this runs over every system when the explorer's rows are built.
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === 'object') visit(item);
    } else if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      for (const k in obj) {
        if (!Object.hasOwn(obj, k)) continue;
        const inner = obj[k];
        if (k === 'sources' && Array.isArray(inner)) {
          for (const id of inner) if (typeof id === 'string') ids.add(id);
        } else if (inner && typeof inner === 'object') visit(inner);
      }
    }
  };
  visit(value);
  return ids;
}

/** How each field's cell is made from a system. */
const CELL_BUILDERS: Record<FieldId, (system: System, ctx: FieldContext) => FieldCell> = {
  name: (system) => plainCell(system.name),
  organization: (system, ctx) => {
    const cell = plainCell(ctx.organizationNames(system));
    const claim = system.organizationsTalk;
    if (!claim) return cell;
    const gloss = claim.value?.map((id) => ctx.organizationName(id)).join(', ');
    return { ...cell, talks: [talkNote(claim, gloss)] };
  },
  release: (system, { t, locale }) => {
    const cell = factCell(
      system.release,
      t,
      (d) => formatEventDate(d, locale),
      // Month-precision dates sort at the start of their month, so "Apr 2023" sits among April's days.
      (d) => (d.precision === 'month' ? `${d.date}-01` : d.date),
      (d) => ({ detail: d.marks }),
    );
    const also = releaseAlso(system, t, locale);
    return also.length > 0 ? { ...cell, also } : cell;
  },
  base: (system, ctx) => {
    const baseNames = system.baseModels.map((b) => ctx.names.get(b.id) ?? b.id);
    return baseNames.length > 0
      ? { ...plainCell(baseNames.join(', ')), sources: [...new Set(system.baseModels.flatMap((b) => b.sources))] }
      : { status: 'not-applicable', text: '—', sortKey: undefined, sources: [] };
  },
  parameters: (system, { t, locale }) =>
    factCell(
      system.parameters,
      t,
      (n) => formatCompact(n, locale),
      (n) => n,
    ),
  modality: (system, { t }) =>
    factCell(
      system.modality,
      t,
      (m) => modalityText(m, t),
      (m) => modalityText(m, t),
    ),
  trainingData: (system, { t, locale }) =>
    factCell(
      system.trainingData,
      t,
      (d) =>
        d.sizes.length > 0
          ? d.sizes.map((s) => `${boundPrefix(s.bound)}${formatCompact(s.amount, locale)} ${s.unit}`).join('; ')
          : d.description,
      (d) => d.description.toLocaleLowerCase(),
      (d) => ({ detail: d.description }),
    ),
  trainingCost: (system, ctx) => costCell(system, ctx),
  gpuHours: (system, { t, locale }) =>
    factCell(
      system.gpuHours,
      t,
      (g) => `${formatInteger(g.hours, locale)} · ${g.hardware}`,
      (g) => g.hours,
      (g) => (g.derivation ? { detail: g.derivation } : {}),
    ),
  flop: (system, { t, locale }) =>
    factCell(
      system.flop,
      t,
      (v) => formatFlop(v, locale),
      (v) => v,
    ),
  co2: (system, { t, locale }) =>
    factCell(
      system.co2Tonnes,
      t,
      (v) => formatDecimal(v, locale, 1),
      (v) => v,
    ),
  weights: (system, ctx) => accessCell(system.weights, ctx),
  trainingCode: (system, ctx) => accessCell(system.trainingCode, ctx),
  datasetAccess: (system, ctx) => accessCell(system.dataset, ctx),
  licence: (system, { t }) =>
    factCell(
      system.licence,
      t,
      (l) => l.name,
      (l) => l.name.toLocaleLowerCase(),
    ),
  evaluation: (system, { t }) =>
    factCell(
      system.evaluation,
      t,
      (e) => e,
      (e) => e.toLocaleLowerCase(),
    ),
  sources: (system, { locale }) => {
    const sources = [...collectSourceIds(system)];
    return { status: 'reported', text: formatInteger(sources.length, locale), sortKey: sources.length, sources };
  },
};

/**
 * The other dates the talk speaks of (GPT-3's "June 2020" is its API beta, not its paper) and the
 * venue, under the release date. Other dates without a talk claim stay in the record: the cell
 * would grow without telling the reader anything the talk got wrong or right.
 */
function releaseAlso(system: System, t: Translate, locale: Locale): NonNullable<FieldCell['also']> {
  const out: NonNullable<FieldCell['also']> = [];
  for (const d of system.otherDates) {
    if (!d.talk) continue;
    const text =
      d.status === 'reported' || d.status === 'estimated'
        ? t('field.also-date', 'also {date}: {marks}', { date: formatEventDate(d.value, locale), marks: d.value.marks })
        : t('field.also-date-unknown', 'another date: {marks}', { marks: d.note ?? t('fact.unknown-short', 'unknown') });
    out.push({ text, talk: talkNote(d.talk) });
  }
  const venue = system.venue;
  if (venue) {
    const text =
      venue.status === 'reported' || venue.status === 'estimated'
        ? t('field.venue', 'venue: {venue}', { venue: venue.value })
        : t('field.venue', 'venue: {venue}', { venue: t('fact.unknown-short', 'unknown') });
    out.push({ text, ...(venue.talk ? { talk: talkNote(venue.talk) } : {}) });
  }
  return out;
}

function plainCell(text: string): FieldCell {
  return { status: 'reported', text, sortKey: text.toLocaleLowerCase(), sources: [] };
}

/**
 * A row whose cells are made when first read, then kept. The explorer shows a screenful of rows
 * and sorts by one field at a time, so building every cell of every system up front would be
 * most of its first render with a large dataset. Reads like a plain `FieldRow`: `row[field]`
 * and `row.system`. The cells are getters on the prototype, so a spread or JSON.stringify of a row
 * does not carry them (nothing does either: the exports read the cells field by field).
 */
class LazyFieldRow {
  readonly #made: Partial<Record<FieldId, FieldCell>> = {};
  readonly #ctx: FieldContext;
  constructor(
    readonly system: System,
    ctx: FieldContext,
  ) {
    this.#ctx = ctx;
  }
  cell(id: FieldId): FieldCell {
    return (this.#made[id] ??= CELL_BUILDERS[id](this.system, this.#ctx));
  }
}
for (const id of Object.keys(CELL_BUILDERS) as FieldId[]) {
  Object.defineProperty(LazyFieldRow.prototype, id, {
    get(this: LazyFieldRow) {
      return this.cell(id);
    },
    enumerable: true,
  });
}

export function buildFieldRow(system: System, ctx: FieldContext): FieldRow {
  return new LazyFieldRow(system, ctx) as unknown as FieldRow;
}

const rowCache = new WeakMap<Dataset, Map<string, Map<string, FieldRow>>>();

/**
 * Field rows of every system, by id, for one language. Built once per dataset and language: a
 * filter click then only picks rows, it never re-formats them.
 */
export function selectFieldRows(dataset: Dataset, locale: Locale, t: Translate): Map<string, FieldRow> {
  const byLocale = cached(rowCache, dataset, () => new Map<string, Map<string, FieldRow>>());
  return cached(byLocale, locale, () => {
    const names = new Map(dataset.systems.map((s) => [s.id, s.name]));
    const ctx: FieldContext = {
      locale,
      t,
      names,
      organizationNames: (s) => organizationNames(dataset, s, locale),
      organizationName: (id) => organizationName(dataset, id, locale),
    };
    return new Map(dataset.systems.map((s) => [s.id, buildFieldRow(s, ctx)]));
  });
}

/** The text a cell shows and exports: the value, plus the estimate mark where it is one. */
export function cellExportText(cell: FieldCell, t: Translate): string {
  return cell.status === 'estimated' ? `${cell.text} ${t('fact.estimated', 'est.')}` : cell.text;
}
