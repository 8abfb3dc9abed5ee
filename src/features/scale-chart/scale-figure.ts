import type { Dataset } from '../../data/schema';
import { CATEGORY_COLORS } from '../../components/chart-frame/palette';
import { countNote, figureFooter, figureSourceNote, leftOutNotes, moreNotesTemplate } from '../../components/figure/figure-chrome';
import type { FigureModel, FigureNote, LegendEntry, ScatterPlot, ScatterPoint } from '../../components/figure/figure-model';
import { formatFixed, formatInteger } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  buildScaleSeries,
  buildScaleTable,
  formatMetricTick,
  inPeriod,
  metricLabel,
  metricNoun,
  scaleLeftOutLabel,
  scaleTrend,
  type ScaleMetric,
  type ScalePeriod,
  type ScalePoint,
  type ScaleSeries,
} from '../../selectors/scale-series';
import { yearToMs, type ScaleTrend } from '../../selectors/scale-trend';
import type { Annotation } from '../../store/annotations-model';
import { NO_ANNOTATIONS, resolveAnnotations, withBadge, type ResolvedAnnotations } from '../../components/figure/figure-annotations';
import type { Filters } from '../../store/filters-model';

/*
 * The scale-over-time figure as data: the points, the axes, the trend line and its sentence, the
 * claim, the notes and the data table — built from one series. The screen draws this same plot
 * (adding the hovered and selected names and the tooltip); every export draws it as it is.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

/** The one colour of the points (the palette's blue): the chart compares dates and sizes, not categories. */
export const SCALE_COLOR = CATEGORY_COLORS[0];

/** Names written beside points in every drawing: the largest value in each of this many equal spans of time. */
const LABELLED_SPANS = 4;

/** The ids of the points named on the chart: the largest in each of a few equal spans of the dates drawn, and the smallest of all. */
export function extremeIds(points: readonly ScalePoint[]): Set<string> {
  const ids = new Set<string>();
  if (points.length === 0) return ids;
  ids.add(points.reduce((a, b) => (b.value < a.value ? b : a)).systemId);
  const first = points[0].date;
  const span = (points[points.length - 1].date - first) / LABELLED_SPANS || 1;
  const best = new Map<number, ScalePoint>();
  for (const p of points) {
    const bin = Math.min(LABELLED_SPANS - 1, Math.floor((p.date - first) / span));
    const cur = best.get(bin);
    if (!cur || p.value > cur.value) best.set(bin, p);
  }
  for (const p of best.values()) ids.add(p.systemId);
  return ids;
}

/** The presets the period picker offers; `now` is the dataset's year. */
export type PeriodPreset = 'all' | 'since-2010' | 'wave';

export function presetPeriod(preset: PeriodPreset, nowYear: number): ScalePeriod | null {
  return preset === 'all' ? null : preset === 'since-2010' ? { from: 2010, to: Math.max(2010, nowYear) } : { from: 2020, to: 2023 };
}

export function periodText(period: ScalePeriod | null, trend: ScaleTrend, t: T['t']): string {
  if (period) return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
  if (trend.ok) {
    const from = Math.floor(trend.fromYear);
    const to = Math.floor(trend.toYear);
    return from === to ? String(from) : `${from}–${to}`;
  }
  return t('scale-chart.period-all', 'all years');
}

/** "Trend 2018–2023: doubles every 6.2 months (95% CI 5.6–7.0; n=412)", or why there is no trend. */
export function trendSentence(trend: ScaleTrend, period: ScalePeriod | null, { t, locale }: Pick<T, 't' | 'locale'>): string {
  const years = periodText(period, trend, t);
  const points = formatInteger(trend.n, locale);
  if (!trend.ok)
    return trend.reason === 'too-few'
      ? t('scale-chart.trend-too-few', 'No trend for {period}: {points} points there, at least 3 needed.', { period: years, points })
      : t('scale-chart.trend-no-spread', 'No trend for {period}: every point there has the same date.', { period: years });
  if (trend.direction === null || trend.months === null)
    return t('scale-chart.trend-flat', 'Trend {period}: flat (n={points}).', { period: years, points });
  const months = formatFixed(trend.months, locale, 1);
  const vars = {
    period: years,
    months,
    points,
    low: trend.ci ? formatFixed(trend.ci.low, locale, 1) : '—',
    high: trend.ci?.high != null ? formatFixed(trend.ci.high, locale, 1) : '—',
  };
  if (trend.ci && trend.ci.high === null)
    return trend.direction === 'doubles'
      ? t(
          'scale-chart.trend-doubles-open',
          'Trend {period}: doubles every {months} months (95% CI from {low} months, no upper bound; n={points})',
          vars,
        )
      : t(
          'scale-chart.trend-halves-open',
          'Trend {period}: halves every {months} months (95% CI from {low} months, no upper bound; n={points})',
          vars,
        );
  return trend.direction === 'doubles'
    ? t('scale-chart.trend-doubles', 'Trend {period}: doubles every {months} months (95% CI {low}–{high}; n={points})', vars)
    : t('scale-chart.trend-halves', 'Trend {period}: halves every {months} months (95% CI {low}–{high}; n={points})', vars);
}

/** The chart's point as a title: "Training compute doubled every 6.2 months, 2018–2023"; null without a trend worth claiming. */
export function scaleClaim(
  metric: ScaleMetric,
  trend: ScaleTrend,
  period: ScalePeriod | null,
  { t, locale }: Pick<T, 't' | 'locale'>,
): string | null {
  // A title does not claim what the data leave open: no title claim when the interval allows no change.
  if (!trend.ok || trend.direction === null || trend.months === null || !trend.ci || trend.ci.high === null) return null;
  const vars = { metric: metricNoun(metric, t), months: formatFixed(trend.months, locale, 1), period: periodText(period, trend, t) };
  const text =
    trend.direction === 'doubles'
      ? t('scale-chart.claim-doubles', '{metric} doubled every {months} months, {period}', vars)
      : t('scale-chart.claim-halves', '{metric} halved every {months} months, {period}', vars);
  // The noun starts the sentence here.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The axes' reach: whole years across, whole powers of ten up. */
export function scaleAxes(
  points: readonly ScalePoint[],
  metric: ScaleMetric,
  locale: T['locale'],
): Pick<ScatterPlot, 'xDomain' | 'yDomain' | 'xTicks' | 'yTicks'> {
  if (points.length === 0) return { xDomain: [0, 1], yDomain: [1, 10], xTicks: [], yTicks: [] };
  const y0 = new Date(points[0].date).getUTCFullYear();
  const y1 = new Date(points[points.length - 1].date).getUTCFullYear() + 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.value);
    hi = Math.max(hi, p.value);
  }
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.max(e0 + 1, Math.ceil(Math.log10(hi)));
  const years = Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i);
  // A long span is labelled every 5 or 10 years, on round years.
  const step = years.length > 40 ? 10 : years.length > 12 ? 5 : 1;
  return {
    xDomain: [Date.UTC(y0, 0, 1), Date.UTC(y1, 0, 1)],
    yDomain: [10 ** e0, 10 ** e1],
    xTicks: years.filter((y) => y % step === 0).map((y) => ({ value: Date.UTC(y, 0, 1), label: String(y) })),
    yTicks: Array.from({ length: e1 - e0 + 1 }, (_, i) => 10 ** (e0 + i)).map((v) => ({
      value: v,
      label: formatMetricTick(metric, v, locale),
    })),
  };
}

export function scaleNotes(series: ScaleSeries, metric: ScaleMetric, t: T['t']): FigureNote[] {
  const notes: FigureNote[] = [
    {
      essential: true,
      text: t(
        'scale-chart.note-status',
        'Filled: a figure the source reports; hollow: an estimate (by Epoch AI or another source). Points outside the trend’s period are drawn faint.',
      ),
    },
    {
      text: t(
        'scale-chart.note-trend',
        'Trend: least squares of log10(value) on the release date over the points drawn in the period; 95% interval from 1,000 bootstrap resamples of those points.',
      ),
    },
    { text: t('scale-chart.note-log', 'Log scale: every ×10 is the same distance.') },
  ];
  if (metric === 'cost')
    notes.push({
      text: t(
        'scale-chart.note-cost',
        'Where several costs are published, the lowest reported one is drawn (else the lowest estimate); dollar years differ. Every figure is in the training-cost panel.',
      ),
    });
  if (series.points.some((p) => p.release.precision === 'month'))
    notes.push({ text: t('scale-chart.note-month', 'A release known to the month is drawn mid-month.') });
  return notes;
}

export function scaleLegend(series: ScaleSeries, t: T['t']): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (series.points.some((p) => p.status === 'reported')) entries.push({ swatch: { kind: 'dot' }, label: t('fact.reported', 'reported') });
  if (series.points.some((p) => p.status === 'estimated'))
    entries.push({ swatch: { kind: 'hollow' }, label: t('scale-chart.status-estimated', 'estimated') });
  entries.push({ swatch: { kind: 'line', dash: '6 4' }, label: t('scale-chart.legend-trend', 'trend (log-linear fit)') });
  return entries;
}

/** "N systems without training compute not shown". */
export function scaleMissingNote(series: ScaleSeries, { t, tn }: Pick<T, 't' | 'tn'>): string | null {
  const missing = series.leftOut.length;
  if (missing === 0) return null;
  return tn('scale-chart.missing', missing, '{count} system without {metric} not shown', '{count} systems without {metric} not shown', {
    metric: metricNoun(series.metric, t),
  });
}

/** The fitted line over its fitted years, cut where it leaves the value axis (a long span's line runs off it). */
export function trendSegment(trend: Extract<ScaleTrend, { ok: true }>, yDomain: [number, number]): ScatterPlot['trend'] {
  const [l0, l1] = yDomain.map(Math.log10);
  const at = (year: number) => trend.intercept + trend.slope * year;
  const yearAt = (log: number) => (log - trend.intercept) / trend.slope;
  const clamp = (year: number) => {
    const v = at(year);
    return v < l0 ? yearAt(l0) : v > l1 ? yearAt(l1) : year;
  };
  const from = clamp(trend.fromYear);
  const to = clamp(trend.toYear);
  if (!(from < to)) return null;
  return { x1: yearToMs(from), y1: 10 ** at(from), x2: yearToMs(to), y2: 10 ** at(to) };
}

/** The plot both the screen and the exports draw; `labelled` adds names (the screen's selected and hovered). */
export function scalePlot(
  series: ScaleSeries,
  period: ScalePeriod | null,
  trend: ScaleTrend,
  translator: Pick<T, 't' | 'locale'>,
  labelled: ReadonlySet<string>,
  annotated: ResolvedAnnotations = NO_ANNOTATIONS,
): ScatterPlot {
  const { t, locale } = translator;
  // A point a callout names is always named, with the callout's badge.
  const points: ScatterPoint[] = series.points.map((p) => ({
    id: p.systemId,
    x: p.date,
    y: p.value,
    estimated: p.status === 'estimated',
    faded: !inPeriod(p, period),
    ...(labelled.has(p.systemId) || annotated.badges.has(p.systemId) ? { label: withBadge(p.name, annotated.badges.get(p.systemId)) } : {}),
  }));
  const axes = scaleAxes(series.points, series.metric, locale);
  const line = trend.ok && trend.direction !== null ? trendSegment(trend, axes.yDomain) : null;
  return {
    kind: 'scatter',
    ...axes,
    yTitle: metricLabel(series.metric, t),
    color: SCALE_COLOR,
    points,
    trend: line,
    trendText: trendSentence(trend, period, translator),
    guides: annotated.guides,
    empty: t('scale-chart.empty', 'No system in view has a release date and a {metric} figure.', { metric: metricNoun(series.metric, t) }),
  };
}

export interface ScaleFigureInput {
  dataset: Dataset;
  filters: Filters;
  metric: ScaleMetric;
  period: ScalePeriod | null;
  /** Named on the chart beside the extremes. */
  selectedId: string | null;
  /** The permalink of the view. */
  link: string;
  translator: T;
  /** Every panel's annotations (this one's are drawn). */
  annotations?: readonly Annotation[];
}

/** The scale chart's annotations against the points it draws: callouts on points, date guides on its time axis. */
export function resolveScaleAnnotations(
  annotations: readonly Annotation[],
  series: ScaleSeries,
  translator: Pick<T, 't' | 'tn' | 'locale'>,
): ResolvedAnnotations {
  const names = new Map(series.points.map((p) => [p.systemId, p.name]));
  const { xDomain } = scaleAxes(series.points, series.metric, translator.locale);
  return resolveAnnotations(annotations, 'scale', { drawnName: (id) => names.get(id), domain: xDomain }, translator);
}

export type ScaleFigure = FigureModel<ScatterPlot> & { claim: string | null };

export function scaleTitle(t: T['t']): string {
  return t('scale-chart.title', 'Scale over time');
}

export function scaleDescription(metric: ScaleMetric, t: T['t']): string {
  return t('scale-chart.description', '{metric} of each system against its release date, log scale, with a log-linear trend.', {
    metric: metricLabel(metric, t),
  });
}

export function buildScaleFigure({
  dataset,
  filters,
  metric,
  period,
  selectedId,
  link,
  translator,
  annotations = [],
}: ScaleFigureInput): ScaleFigure {
  const { t, locale } = translator;
  const series = buildScaleSeries(selectFilteredSystems(dataset, filters), metric);
  const trend = scaleTrend(series, period);
  const labelled = extremeIds(series.points);
  if (selectedId && series.points.some((p) => p.systemId === selectedId)) labelled.add(selectedId);
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceIds = [...new Set(series.points.flatMap((p) => p.sources))];
  const claim = scaleClaim(metric, trend, period, translator);
  const missing = scaleMissingNote(series, translator);
  const annotated = resolveScaleAnnotations(annotations, series, translator);
  const notes: FigureNote[] = [
    ...annotated.notes,
    countNote(translator, series.points.length, series.total),
    ...(missing ? [{ essential: true, text: missing }] : []),
    ...leftOutNotes(
      translator,
      series.leftOut.map((l) => ({ name: l.name, reason: scaleLeftOutLabel({ ...l, note: undefined }, metric, t) })),
    ),
    ...(series.points.length > 0 ? scaleNotes(series, metric, t) : []),
  ];
  const table = buildScaleTable(series, dataset, translator);
  return {
    id: 'scale',
    lang: locale,
    title: claim ?? scaleTitle(t),
    subtitle: describeFilters(filters, dataset, t, locale),
    description: scaleDescription(metric, t),
    plot: scalePlot(series, period, trend, translator, labelled, annotated),
    legend: series.points.length > 0 ? scaleLegend(series, t) : [],
    notes,
    annotations: annotated.rows,
    sourceNote: figureSourceNote(translator, sourceIds, sourcesById),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: { columns: table.columns, rows: table.rows },
    footer: figureFooter(translator, dataset, sourceIds, link),
    claim,
  };
}
