import type { Dataset, Fact, Source, System, SystemKind, TalkClaim, TrainingCost } from '../data/schema';
import { formatUsd, type Locale } from '../i18n/format';
import { leftOutReasonText, type LeftOutReason } from './left-out';
import { orderRunRows, runKindOf, sizeKeyOf, type OrderableRow } from './run-rows';
import type { Translate } from './system-fields';

/*
 * The training-cost chart's derived table: one row per system with at least one published dollar
 * figure, every figure kept (GPT-3 has four estimates, Vicuna two figures per size), never merged
 * and never averaged. Systems without a figure are listed with the reason. The chart's marks and
 * its "show data" table are both built from this series.
 */

export type CostComponentName = TrainingCost['components'][number]['component'];
export type Bound = TrainingCost['components'][number]['bound'];
export const COST_COMPONENTS: readonly CostComponentName[] = ['data', 'training', 'total'];

export interface CostFigure {
  /** `${systemId}:${i}`, i being the figure's index in `system.trainingCost`. */
  key: string;
  systemId: string;
  status: 'reported' | 'estimated';
  components: TrainingCost['components'];
  /** Sum of the components: what the bar or marker is drawn to. */
  totalUsd: number;
  /** "Less than" if any component is, else "about" if any is, else exact. */
  totalBound: Bound;
  dollarYear: number;
  /** Epoch AI's figures are constant dollars of their base year; everyone else's are nominal. */
  dollars: 'nominal' | 'constant';
  basis?: string;
  sources: string[];
  /** Who gives the figure: the developer (reported) or the estimator's name (Epoch AI, Lambda Labs…). */
  by: string;
  method?: string;
  note?: string;
  quote?: string;
  /** The talk's claim where it differs from the source or is unverified. */
  talk?: { text: string; relation: 'differs' | 'unverified'; note?: string };
}

export interface CostRow extends OrderableRow {
  name: string;
  /** Every published figure, lowest total first. */
  figures: CostFigure[];
  /** The bar runs to the lowest figure; a range line reaches the highest. */
  low: CostFigure;
  high: CostFigure;
}

export interface LeftOutSystem {
  systemId: string;
  name: string;
  reason: LeftOutReason;
  kind: SystemKind;
  /** The dataset's note on the missing figure, if any. */
  note?: string;
}

export interface DollarBasis {
  dollars: 'nominal' | 'constant';
  year: number;
  /** null: the developers' own figures; else the estimator. */
  by: string | null;
  systemIds: string[];
}

export interface CostSeries {
  unit: 'USD';
  rows: CostRow[];
  leftOut: LeftOutSystem[];
  /** Systems in the filtered set (drawn + left out). */
  total: number;
  /** The dollar years of the figures drawn, for the footnote. */
  dollarBases: DollarBasis[];
  /** Cost components present in the rows, in a fixed order (for colours and the legend). */
  components: CostComponentName[];
}

type KnownCost = Extract<Fact<TrainingCost>, { value: TrainingCost }>;

function isKnown(f: Fact<TrainingCost>): f is KnownCost {
  return f.status === 'reported' || f.status === 'estimated';
}

export function totalBoundOf(components: TrainingCost['components']): Bound {
  if (components.some((c) => c.bound === 'upper')) return 'upper';
  if (components.some((c) => c.bound === 'approx')) return 'approx';
  return 'exact';
}

function talkOf(talk: TalkClaim<unknown> | undefined): CostFigure['talk'] {
  return talk && talk.relation !== 'agrees' ? { text: talk.text, relation: talk.relation, note: talk.note } : undefined;
}

function toFigure(system: System, fact: KnownCost, index: number, sourcesById: ReadonlyMap<string, Source>): CostFigure {
  const sources = fact.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  const epoch = sources.some((s) => s.grade === 'epoch');
  const first = sources[0];
  const by = epoch
    ? (sources.find((s) => s.grade === 'epoch')?.publisher ?? 'Epoch AI')
    : (first?.publisher ?? first?.title ?? fact.sources[0] ?? '');
  return {
    key: `${system.id}:${index}`,
    systemId: system.id,
    status: fact.status,
    components: fact.value.components,
    totalUsd: fact.value.components.reduce((sum, c) => sum + c.usd, 0),
    totalBound: totalBoundOf(fact.value.components),
    dollarYear: fact.value.dollarYear,
    dollars: epoch ? 'constant' : 'nominal',
    basis: fact.value.basis,
    sources: fact.sources,
    by,
    method: fact.status === 'estimated' ? fact.method : undefined,
    note: fact.note,
    quote: fact.status === 'reported' ? fact.quote : undefined,
    talk: talkOf(fact.talk),
  };
}

function leftOutReason(system: System): Pick<LeftOutSystem, 'reason' | 'note'> {
  if (system.trainingCost.length === 0) {
    // Papers, events and libraries/apps train no model of their own; a model simply has no entry.
    return system.kind === 'model' ? { reason: 'not-recorded' } : { reason: 'not-applicable' };
  }
  const undisclosed = system.trainingCost.find((f) => f.status === 'not-disclosed');
  if (undisclosed) return { reason: 'not-disclosed', note: undisclosed.note };
  const unknown = system.trainingCost.find((f) => f.status === 'unknown');
  return { reason: 'unknown', note: unknown?.note };
}

function costRowOf(sourcesById: ReadonlyMap<string, Source>, system: System): CostRow | LeftOutSystem {
  const figures = system.trainingCost
    .map((f, i) => (isKnown(f) ? toFigure(system, f, i, sourcesById) : null))
    .filter((f): f is CostFigure => f !== null)
    .sort((a, b) => a.totalUsd - b.totalUsd);
  return figures.length === 0
    ? { systemId: system.id, name: system.name, kind: system.kind, ...leftOutReason(system) }
    : {
        systemId: system.id,
        name: system.name,
        family: system.family,
        runKind: runKindOf(system),
        sortValue: figures[0].totalUsd,
        sizeKey: sizeKeyOf(system),
        figures,
        low: figures[0],
        high: figures[figures.length - 1],
      };
}

export function buildCostSeries(dataset: Pick<Dataset, 'sources'>, systems: readonly System[]): CostSeries {
  const rows: CostRow[] = [];
  const leftOut: LeftOutSystem[] = [];
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  for (const system of systems) {
    const r = costRowOf(sourcesById, system);
    if ('figures' in r) rows.push(r);
    else leftOut.push(r);
  }
  const ordered = orderRunRows(rows);
  const present = new Set(ordered.flatMap((row) => row.figures.flatMap((f) => f.components.map((x) => x.component))));
  return {
    unit: 'USD',
    rows: ordered,
    leftOut,
    total: systems.length,
    dollarBases: dollarBasesOf(ordered),
    components: COST_COMPONENTS.filter((c) => present.has(c)),
  };
}

function dollarBasesOf(rows: readonly CostRow[]): DollarBasis[] {
  const bases = new Map<string, DollarBasis>();
  for (const row of rows) {
    for (const f of row.figures) {
      const by = f.status === 'reported' ? null : f.by;
      const key = `${f.dollars}|${f.dollarYear}|${by ?? ''}`;
      let b = bases.get(key);
      if (!b) {
        b = { dollars: f.dollars, year: f.dollarYear, by, systemIds: [] };
        bases.set(key, b);
      }
      // A row's figures come one after another: checking the last id keeps this linear (was `includes`, quadratic).
      if (b.systemIds[b.systemIds.length - 1] !== row.systemId) b.systemIds.push(row.systemId);
    }
  }
  // The developers' own figures first, then estimators by name; newer dollars first.
  return [...bases.values()].sort(
    (a, b) => (a.by === null ? -1 : 0) - (b.by === null ? -1 : 0) || (a.by ?? '').localeCompare(b.by ?? '') || b.year - a.year,
  );
}

/* ---- Text, shared by the chart's labels and its data table so the two cannot disagree. ---- */

export function boundPrefix(bound: Bound): string {
  return bound === 'upper' ? '<' : bound === 'approx' ? '~' : '';
}

/** "<$500", "~$1,000", "$2.06M". */
export function formatCostAmount(usd: number, bound: Bound, locale: Locale): string {
  return `${boundPrefix(bound)}${formatUsd(usd, locale)}`;
}

export function componentLabel(t: Translate, c: CostComponentName): string {
  return c === 'data' ? t('cost.data', 'data') : c === 'training' ? t('cost.training', 'training') : t('cost.total', 'total');
}

/** One figure as published: "$140", or its parts: "<$500 data + <$100 training". */
export function formatCostFigure(f: CostFigure, locale: Locale, t: Translate): string {
  if (f.components.length === 1 && f.components[0].component !== 'data')
    return formatCostAmount(f.components[0].usd, f.components[0].bound, locale);
  return f.components.map((c) => `${formatCostAmount(c.usd, c.bound, locale)} ${componentLabel(t, c.component)}`).join(' + ');
}

/** The plotted total of a figure: what its bar or marker is drawn to. */
export function formatCostTotal(f: CostFigure, locale: Locale): string {
  return formatCostAmount(f.totalUsd, f.totalBound, locale);
}

/** The row's value as labelled on the chart: one figure, or the range of its figures. */
export function formatCostRow(row: CostRow, locale: Locale, t: Translate): string {
  if (row.figures.length === 1) return formatCostFigure(row.low, locale, t);
  return `${formatCostTotal(row.low, locale)}–${formatCostTotal(row.high, locale)}`;
}

export function dollarsLabel(f: Pick<CostFigure, 'dollars' | 'dollarYear'>, t: Translate): string {
  return f.dollars === 'constant'
    ? t('cost-chart.dollars-constant', 'constant {year} USD', { year: f.dollarYear })
    : t('cost-chart.dollars-nominal', 'nominal {year} USD', { year: f.dollarYear });
}

export function statusLabel(f: Pick<CostFigure, 'status' | 'method'>, t: Translate): string {
  return f.status === 'estimated'
    ? t('cost-chart.status-estimated', 'est.: {method}', { method: f.method ?? '' })
    : t('fact.reported', 'reported');
}

export function leftOutReasonLabel(l: Pick<LeftOutSystem, 'reason' | 'note' | 'kind'>, t: Translate): string {
  return leftOutReasonText(l, t, (reason) =>
    reason === 'not-recorded'
      ? t('cost-chart.reason-not-recorded', 'unknown (no figure recorded)')
      : l.kind === 'library-app'
        ? t('cost-chart.reason-library', 'not applicable (a library or app: no training run of its own)')
        : t('cost-chart.reason-paper-event', 'not applicable (paper/event)'),
  );
}

export interface TableContext {
  locale: Locale;
  t: Translate;
  sourcesById: ReadonlyMap<string, Source>;
}

/** The "show data" table: one row per published figure, with its source, status and dollar year. */
export function buildCostTable(series: CostSeries, { locale, t, sourcesById }: TableContext) {
  return {
    columns: [
      t('field.name', 'Name'),
      t('cost-chart.col-figure', 'Published figure'),
      t('cost-chart.col-plotted', 'Plotted total'),
      t('cost-chart.col-status', 'Status'),
      t('cost-chart.col-dollars', 'Dollars'),
      t('cost-chart.col-basis', 'Basis'),
      t('cost-chart.col-source', 'Source'),
      t('cost-chart.col-talk', 'The talk says'),
    ],
    rows: series.rows.flatMap((row) =>
      row.figures.map((f) => ({
        id: f.key,
        cells: [
          row.name,
          formatCostFigure(f, locale, t),
          formatCostTotal(f, locale),
          statusLabel(f, t),
          dollarsLabel(f, t),
          f.basis ?? '—',
          f.sources.map((id) => sourcesById.get(id)?.title ?? id).join('; '),
          f.talk
            ? `${f.talk.text}${f.talk.relation === 'differs' ? ` (${t('cost-chart.talk-differs', 'differs from the source')})` : ` (${t('cost-chart.talk-unverified', 'unverified')})`}`
            : '—',
        ],
      })),
    ),
  };
}
