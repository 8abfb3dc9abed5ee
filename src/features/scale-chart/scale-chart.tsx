import { memo, useCallback, useMemo, useRef, type MouseEvent } from 'react';
import type { Dataset } from '../../data/schema';
import { ChartFrame, Segmented, type LeftOut } from '../../components/chart-frame/chart-frame';
import { GuideMarks } from '../../components/annotations/guide-marks';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { useChartWidth } from '../../components/chart-frame/use-chart-width';
import type { ScatterPlot } from '../../components/figure/figure-model';
import { placePointLabel, scatterFrame, type ScatterFrame } from '../../components/figure/plot-scatter';
import { formatEventDate, type Locale } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { useViewFilters } from '../../store/view-filters';
import { VIEW_SETTINGS } from '../../store/url-state';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { sourceNoteNames } from '../../selectors/run-rows';
import {
  buildScaleSeries,
  buildScaleTable,
  formatMetricValue,
  metricLabel,
  scaleLeftOutLabel,
  scaleTrend,
  type ScaleMetric,
  type ScalePeriod,
  type ScalePoint,
} from '../../selectors/scale-series';
import {
  buildScaleFigure,
  extremeIds,
  resolveScaleAnnotations,
  presetPeriod,
  scaleDescription,
  scaleLegend,
  scaleMissingNote,
  scaleNotes,
  scalePlot,
  scaleTitle,
  SCALE_COLOR,
  type PeriodPreset,
} from './scale-figure';
import './scale-chart.css';

const PRESETS: readonly PeriodPreset[] = ['all', 'since-2010', 'wave'];

/**
 * Scale over time: every system in view with a release date and a figure for the chosen metric,
 * on a log axis, with the log-linear trend over the period the user picks and its doubling time
 * written on the chart. Drawn as plain SVG from the figure's own plot model (recharts would lay
 * out 1,900 points more slowly and give nothing the model does not).
 */
export function ScaleChart({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const metric = useAppStore((s) => s.viewSettings.scaleMetric);
  const period = useAppStore((s) => s.scalePeriod);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const setScalePeriod = useAppStore((s) => s.setScalePeriod);
  const selectedId = useAppStore((s) => s.selectedId);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const series = useMemo(() => buildScaleSeries(systems, metric), [systems, metric]);
  const trend = useMemo(() => scaleTrend(series, period), [series, period]);
  const annotations = useAppStore((s) => s.annotations);
  const annotationSpec = useMemo(
    () => ({
      panel: 'scale' as const,
      anchors: series.points.map((p) => ({ id: p.systemId, name: p.name })),
      resolved: resolveScaleAnnotations(annotations, series, { t, tn, locale }),
    }),
    [annotations, series, t, tn, locale],
  );
  const plot = useMemo(
    () => scalePlot(series, period, trend, { t, locale }, extremeIds(series.points), annotationSpec.resolved),
    [series, period, trend, t, locale, annotationSpec],
  );
  const table = useCallback(() => buildScaleTable(series, dataset, { locale, t }), [series, dataset, locale, t]);
  const leftOut = useMemo<LeftOut[]>(
    () => series.leftOut.map((l) => ({ id: l.systemId, name: l.name, reason: scaleLeftOutLabel(l, metric, t) })),
    [series, metric, t],
  );
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const sourceNames = useMemo(
    () => sourceNoteNames([...new Set(series.points.flatMap((p) => p.sources))], sourcesById),
    [series, sourcesById],
  );
  const figure = useCallback(
    (link: string) => buildScaleFigure({ dataset, filters, metric, period, selectedId, link, translator: { t, tn, locale }, annotations }),
    [dataset, filters, metric, period, selectedId, t, tn, locale, annotations],
  );
  const nowYear = Number(dataset.meta.asOf.slice(0, 4));
  const missing = scaleMissingNote(series, { t, tn });
  const empty = series.points.length === 0;

  return (
    <ChartFrame
      id="scale"
      dataset={dataset}
      title={scaleTitle(t)}
      description={scaleDescription(metric, t)}
      controls={
        <>
          <label className="inline-control">
            <span>{t('scale-chart.metric', 'Plot')}</span>
            <select
              value={metric}
              onChange={(e) => setViewSetting('scaleMetric', e.target.value as ScaleMetric)}
              data-testid="scale-metric"
            >
              {VIEW_SETTINGS.scaleMetric.values.map((m) => (
                <option key={m} value={m}>
                  {metricLabel(m, t)}
                </option>
              ))}
            </select>
          </label>
          <PeriodPicker points={series.points} period={period} nowYear={nowYear} onChange={setScalePeriod} t={t} />
        </>
      }
      legend={empty ? undefined : <ScaleLegend series={series} t={t} />}
      shown={series.points.length}
      total={series.total}
      leftOut={leftOut}
      capNote={missing ?? undefined}
      sourceNote={t('scale-chart.source-note', 'Sources: {names}. Every point’s source is in the data table.', {
        names: sourceNames.join(', ') || '—',
      })}
      footnotes={
        empty ? undefined : (
          <ul className="chart-notes" data-testid="scale-footnotes">
            {scaleNotes(series, metric, t).map((n) => (
              <li key={n.text}>{n.text}</li>
            ))}
          </ul>
        )
      }
      dataTable={table}
      figure={figure}
      annotations={annotationSpec}
    >
      {empty ? (
        <p className="scale-empty" data-testid="scale-empty">
          {plot.empty}
        </p>
      ) : (
        <ScalePlotView plot={plot} points={series.points} metric={metric} locale={locale} t={t} />
      )}
    </ChartFrame>
  );
}

function PeriodPicker({
  points,
  period,
  nowYear,
  onChange,
  t,
}: {
  points: readonly ScalePoint[];
  period: ScalePeriod | null;
  nowYear: number;
  onChange: (p: ScalePeriod | null) => void;
  t: Translator['t'];
}) {
  const preset = PRESETS.find((p) => {
    const q = presetPeriod(p, nowYear);
    return q === period || (q && period && q.from === period.from && q.to === period.to);
  });
  // The years the data spans, and the period's own years if it reaches beyond them.
  const years = useMemo(() => {
    const set = new Set(points.map((p) => new Date(p.date).getUTCFullYear()));
    if (period) {
      set.add(period.from);
      set.add(period.to);
    }
    if (set.size === 0) set.add(nowYear);
    const lo = Math.min(...set);
    const hi = Math.max(...set);
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  }, [points, period, nowYear]);
  const from = period?.from ?? years[0];
  const to = period?.to ?? years[years.length - 1];
  return (
    <>
      <Segmented<PeriodPreset>
        label={t('scale-chart.period', 'Trend period')}
        value={preset ?? null}
        options={[
          { value: 'all', label: t('scale-chart.period-all-button', 'All') },
          { value: 'since-2010', label: t('scale-chart.period-since-2010', '2010–now') },
          { value: 'wave', label: t('scale-chart.period-wave', '2020–2023') },
        ]}
        onChange={(p) => onChange(presetPeriod(p, nowYear))}
        testId="scale-period-preset"
      />
      <label className="inline-control">
        <span>{t('scale-chart.period-from', 'Trend from')}</span>
        <select
          value={from}
          onChange={(e) => onChange({ from: Number(e.target.value), to: Math.max(Number(e.target.value), to) })}
          data-testid="scale-period-from"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-control">
        <span>{t('scale-chart.period-to', 'to')}</span>
        <select
          value={to}
          onChange={(e) => onChange({ from: Math.min(from, Number(e.target.value)), to: Number(e.target.value) })}
          data-testid="scale-period-to"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function ScaleLegend({ series, t }: { series: Parameters<typeof scaleLegend>[0]; t: Translator['t'] }) {
  return (
    <span className="scale-legend" data-testid="scale-legend">
      {scaleLegend(series, t).map((e) => (
        <LegendItem
          key={e.label}
          width={e.swatch.kind === 'line' ? 24 : 14}
          height={12}
          swatch={
            e.swatch.kind === 'line' ? (
              <line x1="1" x2="23" y1="6" y2="6" stroke="currentColor" strokeWidth={2} strokeDasharray="6 4" />
            ) : (
              <circle
                cx="7"
                cy="6"
                r="4.5"
                fill={e.swatch.kind === 'hollow' ? 'var(--surface)' : SCALE_COLOR}
                stroke={SCALE_COLOR}
                strokeWidth={1.3}
              />
            )
          }
        >
          {e.label}
        </LegendItem>
      ))}
    </span>
  );
}

function pointTip(p: ScalePoint, metric: ScaleMetric, locale: Locale, t: Translator['t']): string {
  const status = p.status === 'reported' ? t('fact.reported', 'reported') : t('scale-chart.status-estimated', 'estimated');
  return `${p.name}\n${formatEventDate(p.release, locale)}\n${formatMetricValue(metric, p.value, locale)}${metric === 'gpuh' ? ` ${metricLabel(metric, t)}` : ''} (${status})`;
}

/** The plot at the panel's width: points and extremes' names drawn once; hover and selection on a layer above. */
function ScalePlotView({
  plot,
  points,
  metric,
  locale,
  t,
}: {
  plot: ScatterPlot;
  points: readonly ScalePoint[];
  metric: ScaleMetric;
  locale: Locale;
  t: Translator['t'];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useChartWidth(ref, 720);
  const base = width < 500 ? 13 : 15;
  const height = Math.round(Math.min(480, Math.max(300, width * 0.55)));
  const frame = useMemo(() => scatterFrame(plot, width, height, base), [plot, width, height, base]);
  const tips = useMemo(() => new Map(points.map((p) => [p.systemId, pointTip(p, metric, locale, t)])), [points, metric, locale, t]);
  const names = useMemo(() => new Map(points.map((p) => [p.systemId, p.name])), [points]);
  const hover = useAppStore((s) => s.hover);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  // One listener for all points (there may be 1,900): the point under the pointer is found by its id.
  const idOf = (e: MouseEvent) => (e.target as Element).closest('[data-system-id]')?.getAttribute('data-system-id') ?? null;
  return (
    <div ref={ref} className="scale-plot-wrap">
      <svg
        className="scale-plot"
        width={width}
        height={height}
        role="img"
        aria-label={`${plot.yTitle}. ${plot.trendText}`}
        data-testid="scale-plot"
        data-points={plot.points.length}
        onMouseOver={(e) => hover(idOf(e))}
        onMouseLeave={() => hover(null)}
        onClick={(e) => {
          const id = idOf(e);
          if (id) toggleSelected(id);
        }}
      >
        <ScaleMarks plot={plot} frame={frame} tips={tips} />
        <ScaleHighlight plot={plot} frame={frame} names={names} />
      </svg>
    </div>
  );
}

const ScaleMarks = memo(function ScaleMarks({
  plot,
  frame: f,
  tips,
}: {
  plot: ScatterPlot;
  frame: ScatterFrame;
  tips: ReadonlyMap<string, string>;
}) {
  const ordered = [...plot.points.filter((p) => p.faded), ...plot.points.filter((p) => !p.faded)];
  return (
    <>
      {f.yTicks.map((tick) => (
        <g key={tick.value} className="scale-grid">
          <line x1={f.left} x2={f.right} y1={f.y(tick.value)} y2={f.y(tick.value)} />
          <text x={f.left - f.tickSize * 0.5} y={f.y(tick.value) + f.tickSize * 0.35} textAnchor="end" fontSize={f.tickSize}>
            {tick.label}
          </text>
        </g>
      ))}
      {f.xTicks.map((tick) => (
        <g key={tick.value} className="scale-grid">
          <line x1={f.x(tick.value)} x2={f.x(tick.value)} y1={f.bottom} y2={f.bottom + 4} />
          <text x={f.x(tick.value)} y={f.bottom + f.tickSize * 1.5} textAnchor="middle" fontSize={f.tickSize}>
            {tick.label}
          </text>
        </g>
      ))}
      <line className="scale-axis" x1={f.left} x2={f.right} y1={f.bottom} y2={f.bottom} />
      <text className="scale-axis-title" x={0} y={f.tickSize} fontSize={f.tickSize}>
        {plot.yTitle}
      </text>
      <text className="scale-trend-text" fontSize={f.trendSize} data-testid="scale-trend-text">
        {f.trendLines.map((line, i) => (
          <tspan key={i} x={0} y={f.trendY + i * f.trendLine}>
            {line}
          </tspan>
        ))}
      </text>
      <GuideMarks guides={plot.guides ?? []} x={f.x} left={f.left} right={f.right} plotTop={f.top} plotBottom={f.bottom} layer="behind" />
      <GuideMarks guides={plot.guides ?? []} x={f.x} left={f.left} right={f.right} plotTop={f.top} plotBottom={f.bottom} layer="badges" />
      <g className="scale-points">
        {ordered.map((p) => (
          <circle
            key={p.id}
            className={p.faded ? 'scale-point is-faded' : 'scale-point'}
            data-system-id={p.id}
            data-status={p.estimated ? 'estimated' : 'reported'}
            cx={f.x(p.x)}
            cy={f.y(p.y)}
            r={f.radius}
            fill={p.estimated ? 'var(--surface)' : plot.color}
            stroke={plot.color}
            data-tip={tips.get(p.id)}
          />
        ))}
      </g>
      {plot.trend && (
        <line
          className="scale-trend"
          data-testid="scale-trend-line"
          x1={f.x(plot.trend.x1)}
          y1={f.y(plot.trend.y1)}
          x2={f.x(plot.trend.x2)}
          y2={f.y(plot.trend.y2)}
        />
      )}
      {plot.points.map((p) => (p.label ? <PointName key={p.id} frame={f} x={p.x} y={p.y} text={p.label} /> : null))}
    </>
  );
});

function PointName({ frame, x, y, text, className }: { frame: ScatterFrame; x: number; y: number; text: string; className?: string }) {
  const at = placePointLabel(frame, frame.x(x), text);
  return (
    <text
      className={className ? `scale-name ${className}` : 'scale-name'}
      x={at.x}
      y={frame.y(y) + frame.labelSize * 0.35}
      textAnchor={at.anchor}
      fontSize={frame.labelSize}
    >
      {text}
    </text>
  );
}

/** The selected and the hovered point: a ring and the name, redrawn without touching the other points. */
function ScaleHighlight({ plot, frame, names }: { plot: ScatterPlot; frame: ScatterFrame; names: ReadonlyMap<string, string> }) {
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const marked = [...new Set([selectedId, hoveredId])].filter((id): id is string => id !== null);
  return (
    <g className="scale-highlight" pointerEvents="none">
      {marked.map((id) => {
        const p = plot.points.find((q) => q.id === id);
        if (!p) return null;
        const name = names.get(id) ?? id;
        return (
          <g key={id} data-highlight={id === selectedId ? 'selected' : 'hovered'}>
            <circle className="scale-ring" cx={frame.x(p.x)} cy={frame.y(p.y)} r={frame.radius + 3} />
            {!p.label && <PointName frame={frame} x={p.x} y={p.y} text={name} className="is-marked" />}
          </g>
        );
      })}
    </g>
  );
}
