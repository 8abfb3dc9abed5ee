import type { Dataset, DatedEvent, Fact, System, SystemKind, TrainingCost } from '../data/schema';
import { formatCompact, formatEventDate, formatScientific, formatUsd, type Locale } from '../i18n/format';
import { organizationName } from './organizations';
import { leftOutReasonText, missingFactReason, type LeftOutReason } from './left-out';
import { factValue } from './system-facts';
import type { Translate } from './system-fields';
import { fitScaleTrend, msToYear, type ScaleTrend } from './scale-trend';

/*
 * The scale chart's derived table: one point per system in view with a release date and a published
 * figure for the chosen metric (training compute, parameters, training cost or GPU-hours), its
 * status kept (reported or estimated). A system without the figure, or without a date, is left out
 * with the reason; nothing is made up. The chart, its data table and its figure start from here.
 */

export const SCALE_METRICS = ['flop', 'params', 'cost', 'gpuh'] as const;
export type ScaleMetric = (typeof SCALE_METRICS)[number];

export interface ScalePoint {
  systemId: string;
  name: string;
  organizations: string[];
  /** Release date, UTC ms (a month-precision date sits mid-month). */
  date: number;
  release: DatedEvent;
  value: number;
  status: 'reported' | 'estimated';
  sources: string[];
}

export type ScaleLeftOutReason = LeftOutReason | 'undated';

export interface ScaleLeftOut {
  systemId: string;
  name: string;
  kind: SystemKind;
  reason: ScaleLeftOutReason;
  note?: string;
}

export interface ScaleSeries {
  metric: ScaleMetric;
  /** Sorted by date. */
  points: ScalePoint[];
  leftOut: ScaleLeftOut[];
  /** Systems in the filtered set (drawn + left out). */
  total: number;
}

/** A trend period in whole years, both included; null: every point in view. */
export interface ScalePeriod {
  from: number;
  to: number;
}

type Known = { value: number; status: 'reported' | 'estimated'; sources: string[] };

function known(f: Fact<number> | undefined): Known | undefined {
  const v = factValue(f);
  return v === undefined || !f || (f.status !== 'reported' && f.status !== 'estimated')
    ? undefined
    : { value: v, status: f.status, sources: f.sources };
}

/**
 * A system's training cost as one number: where several figures are published (GPT-3 has four),
 * the lowest reported one, else the lowest estimate — the figure the cost chart's bar is drawn to
 * when it is reported. Every figure stays in the training-cost panel.
 */
function costOf(figures: readonly Fact<TrainingCost>[]): Known | undefined {
  const totals = figures.flatMap((f) =>
    f.status === 'reported' || f.status === 'estimated'
      ? [{ value: f.value.components.reduce((sum, c) => sum + c.usd, 0), status: f.status, sources: f.sources }]
      : [],
  );
  const pick = (status: Known['status']) => totals.filter((t) => t.status === status).sort((a, b) => a.value - b.value)[0];
  return pick('reported') ?? pick('estimated');
}

function costMissing(system: System): { reason: LeftOutReason; note?: string } {
  if (system.trainingCost.length === 0) return missingFactReason(system.kind, undefined);
  return missingFactReason(system.kind, system.trainingCost.find((f) => f.status === 'not-disclosed') ?? system.trainingCost[0]);
}

/** The metric's figure for a system, or why there is none. */
export function metricFigure(system: System, metric: ScaleMetric): Known | { reason: LeftOutReason; note?: string } {
  switch (metric) {
    case 'flop':
      return known(system.flop) ?? missingFactReason(system.kind, system.flop);
    case 'params':
      return known(system.parameters) ?? missingFactReason(system.kind, system.parameters);
    case 'cost':
      return costOf(system.trainingCost) ?? costMissing(system);
    case 'gpuh': {
      const f = system.gpuHours;
      const hours =
        f && (f.status === 'reported' || f.status === 'estimated')
          ? { value: f.value.hours, status: f.status, sources: f.sources }
          : undefined;
      return hours ?? missingFactReason(system.kind, f);
    }
  }
}

/** UTC ms of a release date; a month-precision date sits in the middle of its month. */
export function releaseMs(d: DatedEvent): number {
  if (d.precision === 'month') {
    const [y, m] = d.date.split('-').map(Number);
    return Date.UTC(y, m - 1, 15);
  }
  return Date.parse(`${d.date}T00:00:00Z`);
}

export function buildScaleSeries(systems: readonly System[], metric: ScaleMetric): ScaleSeries {
  const points: ScalePoint[] = [];
  const leftOut: ScaleLeftOut[] = [];
  for (const system of systems) {
    const figure = metricFigure(system, metric);
    if ('reason' in figure) {
      leftOut.push({ systemId: system.id, name: system.name, kind: system.kind, ...figure });
      continue;
    }
    const release = factValue(system.release);
    const date = release ? releaseMs(release) : NaN;
    if (!release || Number.isNaN(date)) {
      leftOut.push({ systemId: system.id, name: system.name, kind: system.kind, reason: 'undated' });
      continue;
    }
    points.push({
      systemId: system.id,
      name: system.name,
      organizations: system.organizations,
      date,
      release,
      value: figure.value,
      status: figure.status,
      sources: figure.sources,
    });
  }
  points.sort((a, b) => a.date - b.date || a.name.localeCompare(b.name));
  return { metric, points, leftOut, total: systems.length };
}

/** Whether a point's date falls in the period (whole years, both included). */
export function inPeriod(point: Pick<ScalePoint, 'date'>, period: ScalePeriod | null): boolean {
  if (!period) return true;
  const year = new Date(point.date).getUTCFullYear();
  return year >= period.from && year <= period.to;
}

/** The trend over the points in view whose date falls in the period. */
export function scaleTrend(series: ScaleSeries, period: ScalePeriod | null): ScaleTrend {
  return fitScaleTrend(series.points.filter((p) => inPeriod(p, period)).map((p) => ({ year: msToYear(p.date), value: p.value })));
}

/** A metric's value as the chart writes it: 3.14×10²³ FLOP, 175B, $4.6M, 1.02M GPU-hours. */
export function formatMetricValue(metric: ScaleMetric, value: number, locale: Locale): string {
  switch (metric) {
    case 'flop':
      return `${formatScientific(value, locale)} FLOP`;
    case 'params':
      return formatCompact(value, locale);
    case 'cost':
      return formatUsd(value, locale);
    case 'gpuh':
      return formatCompact(value, locale);
  }
}

/** An axis tick for the metric: powers of ten in scientific notation for FLOP, compact otherwise. */
export function formatMetricTick(metric: ScaleMetric, value: number, locale: Locale): string {
  return metric === 'flop' ? formatScientific(value, locale) : metric === 'cost' ? formatUsd(value, locale) : formatCompact(value, locale);
}

export function metricLabel(metric: ScaleMetric, t: Translate): string {
  switch (metric) {
    case 'flop':
      return t('scale-chart.metric-flop', 'Training compute (FLOP)');
    case 'params':
      return t('scale-chart.metric-params', 'Parameters');
    case 'cost':
      return t('scale-chart.metric-cost', 'Training cost (USD)');
    case 'gpuh':
      return t('scale-chart.metric-gpuh', 'GPU-hours');
  }
}

/** The metric in a sentence ("training compute"), lower case where the language has case. */
export function metricNoun(metric: ScaleMetric, t: Translate): string {
  switch (metric) {
    case 'flop':
      return t('scale-chart.noun-flop', 'training compute');
    case 'params':
      return t('scale-chart.noun-params', 'parameter count');
    case 'cost':
      return t('scale-chart.noun-cost', 'training cost');
    case 'gpuh':
      return t('scale-chart.noun-gpuh', 'GPU-hours');
  }
}

export function scaleLeftOutLabel(l: Pick<ScaleLeftOut, 'reason' | 'note' | 'kind'>, metric: ScaleMetric, t: Translate): string {
  if (l.reason === 'undated') return t('scale-chart.reason-undated', 'no release date');
  return leftOutReasonText({ reason: l.reason, note: l.note }, t, (reason) =>
    reason === 'not-recorded'
      ? t('scale-chart.reason-not-recorded', 'no {metric} recorded', { metric: metricNoun(metric, t) })
      : l.kind === 'library-app'
        ? t('scale-chart.reason-library', 'not applicable (a library or app, no training of its own)')
        : t('scale-chart.reason-paper-event', 'not applicable (paper/event)'),
  );
}

/**
 * The "Show data" table and the CSV: every drawn point (value and status), then every system left
 * out, its value cell saying why — the same rows the chart was drawn from.
 */
export function buildScaleTable(
  series: ScaleSeries,
  dataset: Dataset,
  { locale, t }: { locale: Locale; t: Translate },
): { columns: string[]; rows: { id: string; cells: string[] }[] } {
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const bySystem = new Map(dataset.systems.map((s) => [s.id, s]));
  const orgs = (id: string) => (bySystem.get(id)?.organizations ?? []).map((o) => organizationName(dataset, o, locale)).join(', ');
  const release = (id: string) => {
    const r = factValue(bySystem.get(id)?.release);
    return r ? formatEventDate(r, locale) : '—';
  };
  return {
    columns: [
      t('field.name', 'Name'),
      t('field.organizations', 'Organization'),
      t('field.release', 'Released'),
      metricLabel(series.metric, t),
      t('scale-chart.col-status', 'Status'),
      t('scale-chart.col-source', 'Source'),
    ],
    rows: [
      ...series.points.map((p) => ({
        id: p.systemId,
        cells: [
          p.name,
          orgs(p.systemId),
          formatEventDate(p.release, locale),
          formatMetricValue(series.metric, p.value, locale),
          p.status === 'reported' ? t('fact.reported', 'reported') : t('scale-chart.status-estimated', 'estimated'),
          p.sources.map((id) => sourcesById.get(id)?.title ?? id).join('; '),
        ],
      })),
      ...series.leftOut.map((l) => ({
        id: l.systemId,
        cells: [
          l.name,
          orgs(l.systemId),
          release(l.systemId),
          scaleLeftOutLabel(l, series.metric, t),
          t('scale-chart.not-shown', 'not shown'),
          '—',
        ],
      })),
    ],
  };
}
