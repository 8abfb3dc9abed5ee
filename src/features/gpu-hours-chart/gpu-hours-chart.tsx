import { memo, useCallback, useMemo } from 'react';
import { sameProps } from '../../lib/same-props';
import { useLastNonEmpty } from '../../lib/use-last-non-empty';
import type { Dataset } from '../../data/schema';
import { BAR, BarRowsPlot, type RowDrawing, type RowGeometry } from '../../components/bar-rows/bar-rows';
import { ColorLegendItem, EstimatedLegendItem, FamilyLegendItem, ReportedLegendItem } from '../../components/bar-rows/bar-rows-legend';
import { ChartFrame, Segmented } from '../../components/chart-frame/chart-frame';
import { hatchId, NEUTRAL_COLOR, STATUS_STYLE } from '../../components/chart-frame/palette';
import { formatCompact, type Locale } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  buildGpuHoursSeries,
  buildGpuHoursTable,
  derivationText,
  formatGpuHours,
  gpuLeftOutLabel,
  gpuStatusLabel,
  runKindLabel,
  type GpuGap,
  type GpuHoursSeries,
  type GpuRun,
} from '../../selectors/gpu-hours-series';
import { MAX_BARS, topRowsByValue } from '../../selectors/mark-cap';
import { useAnnotationSpec } from '../../components/annotations/use-annotation-spec';
import { calloutSystemIds, withBadge, type PlotGuide } from '../../components/figure/figure-annotations';
import { flopTooltipLine } from '../../selectors/flop';
import { sourceNoteNames, valueAxis, type ScaleKind, type ValueAxis } from '../../selectors/run-rows';
import { familyName } from '../../selectors/lineage';
import './gpu-hours-chart.css';
import {
  buildGpuHoursFigure,
  gpuCapNote,
  gpuGapText,
  gpuLegendEntries,
  gpuNotes,
  gpuRowLabel,
  gpuSectionHeading,
  hardwareColors,
} from './gpu-hours-figure';
import { useViewFilters } from '../../store/view-filters';
import { lazyList } from '../../lib/lazy-list';
import { KeptPlot } from '../../components/chart-frame/kept-plot';

const ROW = 28;
/** A label inside the bar ends this far before the bar's end. */
const LABEL_INSET = 5;

/**
 * GPU-hours per training run, one horizontal bar per run, coloured by hardware, pre-training runs
 * and fine-tunes in two labelled sections, with the gap between them stated in numbers computed
 * from the rows on screen.
 */
export function GpuHoursChart({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const scale = useAppStore((s) => s.viewSettings.gpuHoursScale);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const fullSeries = useMemo(() => buildGpuHoursSeries(dataset, systems), [dataset, systems]);
  const selectedId = useAppStore((s) => s.selectedId);
  // Thousands of bars are unreadable: the largest are drawn (and the selected one), the note says so.
  const annotations = useAppStore((s) => s.annotations);
  const drawn = useMemo(
    () => topRowsByValue(fullSeries.rows, MAX_BARS, [selectedId, ...calloutSystemIds(annotations, 'gpu-hours')]),
    [fullSeries, selectedId, annotations],
  );
  const series = useMemo(() => (drawn.capped ? { ...fullSeries, rows: drawn.rows } : fullSeries), [fullSeries, drawn]);
  const plotRows = useLastNonEmpty(series.rows);
  // Colours are assigned on the whole dataset's hardware list, so a filter never repaints a bar.
  const colors = useMemo(() => hardwareColors(dataset), [dataset]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const table = useCallback(() => buildGpuHoursTable(fullSeries, { locale, t, sourcesById }), [fullSeries, locale, t, sourcesById]);
  const leftOut = useMemo(
    () =>
      lazyList(series.leftOut.length, () => series.leftOut.map((l) => ({ id: l.systemId, name: l.name, reason: gpuLeftOutLabel(l, t) }))),
    [series, t],
  );
  const familyNames = useMemo(() => new Map(dataset.families.map((f) => [f.id, familyName(f, locale)])), [dataset, locale]);
  const sourceNames = useMemo(
    () =>
      sourceNoteNames(
        series.rows.flatMap((r) => r.sources),
        sourcesById,
      ),
    [series, sourcesById],
  );
  // What every export draws: the same series, without what only the screen can show.
  const figure = useCallback(
    (link: string) => buildGpuHoursFigure({ dataset, filters, scale, selectedId, link, translator: { t, tn, locale }, annotations }),
    [dataset, filters, scale, selectedId, t, tn, locale, annotations],
  );
  // One axis for the bars and the annotations' guides: the drawn rows' (kept while a filter empties the chart).
  const axis = useMemo(
    () =>
      valueAxis(
        plotRows.map((r) => r.hours),
        scale,
      ),
    [plotRows, scale],
  );
  // Any model with a figure can take a callout (it is then drawn even past the cap on bars).
  const anchors = useMemo(() => fullSeries.rows.map((r) => ({ id: r.systemId, name: r.name })), [fullSeries]);
  const formatValue = useCallback((v: number) => formatCompact(v, locale), [locale]);
  const annotationSpec = useAnnotationSpec('gpu-hours', anchors, axis.domain, formatValue);

  return (
    <ChartFrame
      id="gpu-hours"
      dataset={dataset}
      title={t('gpu-hours-chart.title', 'GPU-hours per training run')}
      description={t(
        'gpu-hours-chart.description',
        'GPU-hours (number of GPUs × hours) of each published training run, coloured by the GPU used; pre-training runs and fine-tunes shown apart.',
      )}
      controls={
        <Segmented<ScaleKind>
          label={t('gpu-hours-chart.scale', 'Scale')}
          value={scale}
          options={[
            { value: 'log', label: t('gpu-hours-chart.scale-log', 'Log') },
            { value: 'linear', label: t('gpu-hours-chart.scale-linear', 'Linear') },
          ]}
          onChange={(v) => setViewSetting('gpuHoursScale', v)}
          testId="gpu-hours-scale"
        />
      }
      legend={series.rows.length > 0 ? <GpuLegend series={series} colors={colors} /> : undefined}
      shown={series.rows.length}
      total={series.total}
      leftOut={leftOut}
      capNote={drawn.capped ? gpuCapNote(drawn.rows.length, drawn.total, { t, locale }) : undefined}
      sourceNote={t('gpu-hours-chart.source-note', 'Sources: {names}. Every run’s source is in the data table.', {
        names: sourceNames.join(', ') || '—',
      })}
      footnotes={series.rows.length > 0 ? <GpuFootnotes series={series} scale={scale} /> : undefined}
      dataTable={table}
      figure={figure}
      annotations={annotationSpec}
    >
      {series.rows.length === 0 && (
        <p className="gpu-empty" data-testid="gpu-hours-empty">
          {t('gpu-hours-chart.empty', 'No system in view has published GPU-hours.')}
        </p>
      )}
      {series.rows.length > 0 && series.gap && <GapNote gap={series.gap} locale={locale} t={t} />}
      <KeptPlot drawn={plotRows.length > 0} empty={series.rows.length === 0}>
        <GpuPlot
          rows={plotRows}
          scale={scale}
          axis={axis}
          colors={colors}
          familyNames={familyNames}
          locale={locale}
          t={t}
          badges={annotationSpec.resolved.badges}
          guides={annotationSpec.resolved.guides}
        />
      </KeptPlot>
    </ChartFrame>
  );
}

/** One line on the size of the gap, computed from the rows in view (see `findGap`). */
function GapNote({ gap, locale, t }: { gap: GpuGap; locale: Locale; t: Translator['t'] }) {
  return (
    <p className="gpu-gap-note" data-testid="gpu-gap-note" data-ratio={gap.ratio}>
      {gpuGapText(gap, { t, locale })}
    </p>
  );
}

/** Drawn again only when its rows (or settings) change, not when only what is left out does. */
const GpuPlot = memo(function GpuPlot({
  rows,
  scale,
  axis,
  colors,
  familyNames,
  locale,
  t,
  badges,
  guides,
}: {
  rows: readonly GpuRun[];
  scale: ScaleKind;
  axis: ValueAxis;
  colors: ReadonlyMap<string, string>;
  familyNames: ReadonlyMap<string, string>;
  locale: Locale;
  t: Translator['t'];
  badges: ReadonlyMap<string, string>;
  guides: readonly PlotGuide[];
}) {
  return (
    <BarRowsPlot
      rows={rows}
      scale={scale}
      axis={axis}
      tickFormatter={(v) => formatCompact(v, locale)}
      rowHeight={ROW}
      labelInset={LABEL_INSET}
      className="gpu-plot"
      testId="gpu-hours-plot"
      marksClassName="gpu-marks"
      rowClassName="gpu-row"
      sectionHeading={(k, n) => gpuSectionHeading(t, k, n)}
      familyTip={(family) => t('gpu-hours-chart.family-tip', 'Sizes of one model: {family}', { family: familyNames.get(family) ?? family })}
      drawRow={(run, g) => drawGpuRow(run, g, colors, locale, t, badges.get(run.systemId))}
      shortLabel={(run) => withBadge(gpuRowLabel(run, { t, locale }).short, badges.get(run.systemId))}
      guides={guides}
    />
  );
}, sameProps);

function runDescription(r: GpuRun, locale: Locale, t: Translator['t']): string {
  const lines = [
    t('gpu-hours-chart.tip-hours', '{gpuHours} GPU-hours on {hardware}', {
      gpuHours: formatGpuHours(r.hours, locale),
      hardware: r.hardware,
    }),
    derivationText(r, locale),
    `${runKindLabel(t, r.runKind)} · ${gpuStatusLabel(r, t)}`,
    flopTooltipLine(r, locale, t),
    r.talk ? t('gpu-hours-chart.talk-tip', '⚠ The talk says “{quote}”', { quote: r.talk.text }) : undefined,
  ].filter(Boolean);
  return `${r.name}\n${lines.join('\n')}`;
}

/** One run's bar, coloured by its hardware; hatched and dashed if the figure is an estimate. */
function drawGpuRow(
  run: GpuRun,
  { cy, barStart, x }: RowGeometry,
  colors: ReadonlyMap<string, string>,
  locale: Locale,
  t: Translator['t'],
  badge: string | undefined,
): RowDrawing {
  const barEnd = Math.max(x(run.hours), barStart + 1.5);
  const color = colors.get(run.hardware) ?? NEUTRAL_COLOR;
  const { full, short } = gpuRowLabel(run, { t, locale });
  const style = STATUS_STYLE[run.status];
  const marks = (
    <rect
      className="gpu-bar"
      data-value={run.hours}
      data-value-text={formatGpuHours(run.hours, locale)}
      data-hardware={run.hardware}
      data-status={run.status}
      x={barStart}
      y={cy - BAR / 2}
      width={Math.max(1.5, barEnd - barStart)}
      height={BAR}
      fill={run.status === 'estimated' ? `url(#${hatchId(color)})` : color}
      fillOpacity={run.status === 'estimated' ? 1 : style.fillOpacity}
      stroke={color}
      strokeWidth={1.2}
      strokeDasharray={style.strokeDasharray}
    />
  );
  return {
    description: runDescription(run, locale, t),
    data: { 'data-run-kind': run.runKind },
    marks,
    label: { full: withBadge(full, badge), short: withBadge(short, badge), markEnd: barEnd, barEnd },
  };
}

function GpuLegend({ series, colors }: { series: GpuHoursSeries; colors: ReadonlyMap<string, string> }) {
  const { t } = useT();
  return (
    <span className="gpu-legend" data-testid="gpu-hours-legend">
      {gpuLegendEntries(series, colors, t).map((e) => {
        switch (e.key) {
          case 'hardware':
            return (
              <ColorLegendItem key={e.hardware} color={colors.get(e.hardware!)} data-hardware={e.hardware!}>
                {e.label}
              </ColorLegendItem>
            );
          case 'reported':
            return <ReportedLegendItem key={e.key}>{e.label}</ReportedLegendItem>;
          case 'estimated':
            return <EstimatedLegendItem key={e.key}>{e.label}</EstimatedLegendItem>;
          case 'family':
            return <FamilyLegendItem key={e.key}>{e.label}</FamilyLegendItem>;
        }
      })}
    </span>
  );
}

function GpuFootnotes({ series, scale }: { series: GpuHoursSeries; scale: ScaleKind }) {
  const { t } = useT();
  return (
    <ul className="chart-notes" data-testid="gpu-hours-footnotes">
      {gpuNotes(series, scale, t, 'screen').map((n) => (
        <li key={n.key}>{n.text}</li>
      ))}
    </ul>
  );
}
