import { memo, useCallback, useMemo } from 'react';
import { sameProps } from '../../lib/same-props';
import { useLastNonEmpty } from '../../lib/use-last-non-empty';
import type { Dataset } from '../../data/schema';
import { BAR, BarRowsPlot, type RowDrawing, type RowGeometry } from '../../components/bar-rows/bar-rows';
import { ColorLegendItem, EstimatedLegendItem, FamilyLegendItem, ReportedLegendItem } from '../../components/bar-rows/bar-rows-legend';
import { ChartFrame, Segmented } from '../../components/chart-frame/chart-frame';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { hatchId, NEUTRAL_COLOR, STATUS_STYLE } from '../../components/chart-frame/palette';
import { formatInteger, formatUsd, type Locale } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  buildCostSeries,
  buildCostTable,
  dollarsLabel,
  formatCostFigure,
  formatCostTotal,
  leftOutReasonLabel,
  type CostFigure,
  type CostRow,
  type CostSeries,
} from '../../selectors/cost-series';
import { MAX_BARS, topRowsByValue } from '../../selectors/mark-cap';
import { sourceNoteNames, valueAxis, type ScaleKind, type ValueAxis } from '../../selectors/run-rows';
import { familyName } from '../../selectors/lineage';
import './cost-chart.css';
import { buildCostFigure, COMPONENT_COLORS, costLegendEntries, costNotes, costRowLabel, runKindHeading } from './cost-figure';
import { useViewFilters } from '../../store/view-filters';
import { lazyList } from '../../lib/lazy-list';
import { KeptPlot } from '../../components/chart-frame/kept-plot';
import { useAnnotationSpec } from '../../components/annotations/use-annotation-spec';
import { calloutSystemIds, withBadge, type PlotGuide } from '../../components/figure/figure-annotations';

const ROW = 30;
/** A label inside the bar ends this far before the bar's end, clear of a "less than" arrow or a figure marker. */
const LABEL_INSET = 11;

/**
 * Training cost in US dollars per model: one horizontal bar per model with a published figure,
 * stacked by component where the source splits it (Alpaca: data + training). Where sources give
 * several figures, the bar runs to the lowest and a line with one marker per figure reaches the
 * highest, so no figure is hidden or merged. Models without a figure are listed, never drawn as 0.
 */
export function TrainingCostChart({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const scale = useAppStore((s) => s.viewSettings.costScale);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const fullSeries = useMemo(() => buildCostSeries(dataset, systems), [dataset, systems]);
  const selectedId = useAppStore((s) => s.selectedId);
  // Thousands of bars are unreadable: the largest are drawn (and the selected one), the note says so.
  const annotations = useAppStore((s) => s.annotations);
  const drawn = useMemo(
    () => topRowsByValue(fullSeries.rows, MAX_BARS, [selectedId, ...calloutSystemIds(annotations, 'training-cost')]),
    [fullSeries, selectedId, annotations],
  );
  const series = useMemo(() => (drawn.capped ? { ...fullSeries, rows: drawn.rows } : fullSeries), [fullSeries, drawn]);
  const plotRows = useLastNonEmpty(series.rows);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const table = useCallback(() => buildCostTable(fullSeries, { locale, t, sourcesById }), [fullSeries, locale, t, sourcesById]);
  const leftOut = useMemo(
    () =>
      lazyList(series.leftOut.length, () =>
        series.leftOut.map((l) => ({ id: l.systemId, name: l.name, reason: leftOutReasonLabel(l, t) })),
      ),
    [series, t],
  );
  const familyNames = useMemo(() => new Map(dataset.families.map((f) => [f.id, familyName(f, locale)])), [dataset, locale]);
  const sourceNames = useMemo(
    () =>
      sourceNoteNames(
        series.rows.flatMap((r) => r.figures.flatMap((f) => f.sources)),
        sourcesById,
      ),
    [series, sourcesById],
  );
  const title = t('cost-chart.title', 'Training cost');
  const figure = useCallback(
    (link: string) => buildCostFigure({ dataset, filters, scale, selectedId, link, translator: { t, tn, locale }, annotations }),
    [dataset, filters, scale, selectedId, t, tn, locale, annotations],
  );
  // One axis for the bars and the annotations' guides: the drawn rows' (kept while a filter empties the chart).
  const axis = useMemo(
    () =>
      valueAxis(
        plotRows.flatMap((r) => r.figures.map((f) => f.totalUsd)),
        scale,
      ),
    [plotRows, scale],
  );
  // Any model with a figure can take a callout (it is then drawn even past the cap on bars).
  const anchors = useMemo(() => fullSeries.rows.map((r) => ({ id: r.systemId, name: r.name })), [fullSeries]);
  const formatValue = useCallback((v: number) => formatUsd(v, locale), [locale]);
  const annotationSpec = useAnnotationSpec('training-cost', anchors, axis.domain, formatValue);

  return (
    <ChartFrame
      id="training-cost"
      dataset={dataset}
      title={title}
      description={t(
        'cost-chart.description',
        'Published cost of training each model, in US dollars of the year noted; estimates and “less than” figures marked as such.',
      )}
      controls={
        <Segmented<ScaleKind>
          label={t('cost-chart.scale', 'Scale')}
          value={scale}
          options={[
            { value: 'log', label: t('cost-chart.scale-log', 'Log') },
            { value: 'linear', label: t('cost-chart.scale-linear', 'Linear') },
          ]}
          onChange={(v) => setViewSetting('costScale', v)}
          testId="cost-scale"
        />
      }
      legend={series.rows.length > 0 ? <CostLegend series={series} /> : undefined}
      shown={series.rows.length}
      total={series.total}
      leftOut={leftOut}
      capNote={
        drawn.capped
          ? t(
              'cost-chart.cap-note',
              'Showing the {shown} largest of {total} systems with a training cost; the CSV export has all of them.',
              { shown: formatInteger(drawn.rows.length, locale), total: formatInteger(drawn.total, locale) },
            )
          : undefined
      }
      sourceNote={t('cost-chart.source-note', 'Sources: {names}. Every figure’s source is in the data table.', {
        names: sourceNames.join(', ') || '—',
      })}
      footnotes={series.rows.length > 0 ? <CostFootnotes series={series} scale={scale} /> : undefined}
      dataTable={table}
      figure={figure}
      annotations={annotationSpec}
    >
      {series.rows.length === 0 && (
        <p className="cost-empty" data-testid="cost-chart-empty">
          {t('cost-chart.empty', 'No system in view has a published training cost.')}
        </p>
      )}
      <KeptPlot drawn={plotRows.length > 0} empty={series.rows.length === 0}>
        <CostPlot
          rows={plotRows}
          scale={scale}
          axis={axis}
          familyNames={familyNames}
          locale={locale}
          t={t}
          tn={tn}
          badges={annotationSpec.resolved.badges}
          guides={annotationSpec.resolved.guides}
        />
      </KeptPlot>
    </ChartFrame>
  );
}

/** Drawn again only when its rows (or settings) change, not when only what is left out does. */
const CostPlot = memo(function CostPlot({
  rows,
  scale,
  axis,
  familyNames,
  locale,
  t,
  tn,
  badges,
  guides,
}: {
  rows: readonly CostRow[];
  scale: ScaleKind;
  axis: ValueAxis;
  familyNames: ReadonlyMap<string, string>;
  locale: Locale;
  t: Translator['t'];
  tn: Translator['tn'];
  badges: ReadonlyMap<string, string>;
  guides: readonly PlotGuide[];
}) {
  return (
    <BarRowsPlot
      rows={rows}
      scale={scale}
      axis={axis}
      tickFormatter={(v) => formatUsd(v, locale)}
      rowHeight={ROW}
      labelInset={LABEL_INSET}
      className="cost-plot"
      testId="cost-plot"
      marksClassName="cost-marks"
      rowClassName="cost-row"
      sectionHeading={(k, n) => runKindHeading(t, k, n)}
      familyTip={(family) => t('cost-chart.family-tip', 'Sizes of one model: {family}', { family: familyNames.get(family) ?? family })}
      drawRow={(row, g) => drawCostRow(row, g, locale, t, tn, badges.get(row.systemId))}
      shortLabel={(row) => withBadge(costRowLabel(row, { t, tn, locale }).short, badges.get(row.systemId))}
      guides={guides}
    />
  );
}, sameProps);

/** Text for a row's tooltip and accessible name: every figure with who gives it and in which dollars. */
function rowDescription(row: CostRow, locale: Locale, t: Translator['t']): string {
  const lines = row.figures.map((f) => {
    const who = f.status === 'estimated' ? `${t('fact.estimated', 'est.')} ${f.by}` : t('fact.reported', 'reported');
    return `${formatCostFigure(f, locale, t)} (${dollarsLabel(f, t)}; ${who}${f.basis ? `; ${f.basis}` : ''})`;
  });
  const talk = row.figures.find((f) => f.talk)?.talk;
  if (talk)
    lines.push(
      t('cost-chart.talk-tip', '⚠ The talk says “{quote}”: {note}', {
        quote: talk.text,
        note: talk.note ?? t('cost-chart.talk-differs', 'differs from the source'),
      }),
    );
  return `${row.name}\n${lines.join('\n')}`;
}

/**
 * One row's marks: the bar to the lowest figure, stacked by component, with a "less than" cap;
 * where sources give several figures, a line with one marker per figure to the highest.
 */
function drawCostRow(
  row: CostRow,
  { cy, barStart, x }: RowGeometry,
  locale: Locale,
  t: Translator['t'],
  tn: Translator['tn'],
  badge: string | undefined,
): RowDrawing {
  const multi = row.figures.length > 1;
  const low = row.low;
  const barEnd = Math.max(x(low.totalUsd), barStart + 2);
  const markEnd = multi ? x(row.high.totalUsd) + 5 : barEnd + (low.totalBound === 'upper' ? 2 : 0);
  const { full, short } = costRowLabel(row, { t, tn, locale });
  const segments = segmentsOf(low, barStart, barEnd, x);
  const marks = (
    <>
      <g
        className="cost-bar"
        data-figure={multi ? undefined : low.key}
        data-value-text={multi ? undefined : formatCostTotal(low, locale)}
        data-status={low.status}
        data-bound={low.totalBound}
      >
        {segments.map((seg) => {
          const color = COMPONENT_COLORS.get(seg.component) ?? NEUTRAL_COLOR;
          const style = STATUS_STYLE[low.status];
          return (
            <rect
              key={seg.component}
              className="cost-segment"
              data-component={seg.component}
              x={seg.x1}
              y={cy - BAR / 2}
              width={Math.max(1.5, seg.x2 - seg.x1)}
              height={BAR}
              fill={low.status === 'estimated' ? `url(#${hatchId(color)})` : color}
              fillOpacity={low.status === 'estimated' ? 1 : style.fillOpacity}
              stroke={color}
              strokeWidth={1.2}
              strokeDasharray={style.strokeDasharray}
            />
          );
        })}
        {low.totalBound === 'upper' && <UpperMark x={barEnd} cy={cy} arrow={barEnd - barStart >= 10} />}
      </g>
      {multi && (
        <g className="cost-range">
          <line className="range-line" x1={barEnd} x2={x(row.high.totalUsd)} y1={cy} y2={cy} />
          {row.figures.map((f) => (
            <FigureMark
              key={f.key}
              figure={f}
              cx={x(f.totalUsd)}
              cy={cy}
              color={COMPONENT_COLORS.get(f.components[f.components.length - 1].component) ?? NEUTRAL_COLOR}
              locale={locale}
              t={t}
            />
          ))}
        </g>
      )}
    </>
  );
  return {
    description: rowDescription(row, locale, t),
    marks,
    label: { full: withBadge(full, badge), short: withBadge(short, badge), markEnd, barEnd },
  };
}

/** Stacked pieces of one figure (Alpaca: data, then training), in pixels; the last ends at the bar's end. */
function segmentsOf(f: CostFigure, barStart: number, barEnd: number, x: (v: number) => number) {
  let sum = 0;
  let from = barStart;
  return f.components.map((c, i) => {
    sum += c.usd;
    const to = i === f.components.length - 1 ? barEnd : Math.max(from, x(sum));
    const seg = { component: c.component, x1: from, x2: to };
    from = to;
    return seg;
  });
}

/** "Less than": a cap at the bound with an arrowhead pointing to lower values. */
function UpperMark({ x, cy, arrow }: { x: number; cy: number; arrow: boolean }) {
  // A bar too short for the arrowhead (a few dollars on a linear axis of millions) keeps the cap; its label says "<".
  return (
    <g className="upper-mark" aria-hidden="true">
      <line x1={x} x2={x} y1={cy - BAR / 2 - 3} y2={cy + BAR / 2 + 3} />
      {arrow && <path d={`M${x - 1.5} ${cy - 4.5} L${x - 8} ${cy} L${x - 1.5} ${cy + 4.5} Z`} />}
    </g>
  );
}

function FigureMark({
  figure,
  cx,
  cy,
  color,
  locale,
  t,
}: {
  figure: CostFigure;
  cx: number;
  cy: number;
  color: string;
  locale: Locale;
  t: Translator['t'];
}) {
  const who =
    figure.status === 'estimated'
      ? `${t('fact.estimated', 'est.')} ${figure.by}: ${figure.method ?? ''}`
      : `${t('fact.reported', 'reported')} (${figure.by})`;
  const tip = `${formatCostFigure(figure, locale, t)} — ${dollarsLabel(figure, t)}\n${who}${figure.basis ? `\n${figure.basis}` : ''}`;
  const common = {
    className: `figure-mark is-${figure.status}`,
    'data-figure': figure.key,
    'data-value-text': formatCostTotal(figure, locale),
    'data-status': figure.status,
    'data-tip': tip,
    stroke: color,
  };
  if (figure.totalBound === 'upper')
    return (
      <path
        {...common}
        d={`M${cx} ${cy - 5} L${cx - 8} ${cy} L${cx} ${cy + 5} Z`}
        fill={figure.status === 'reported' ? color : 'var(--surface)'}
      />
    );
  return (
    <circle
      {...common}
      cx={cx}
      cy={cy}
      r={4.5}
      fill={figure.status === 'reported' ? color : 'var(--surface)'}
      strokeDasharray={figure.status === 'estimated' ? '2 1.5' : undefined}
    />
  );
}

function CostLegend({ series }: { series: CostSeries }) {
  const { t } = useT();
  // Status swatches are grey, so they are not read as a component colour.
  const base = NEUTRAL_COLOR;
  return (
    <span className="cost-legend" data-testid="cost-legend">
      {costLegendEntries(series, t).map((e) => {
        switch (e.key) {
          case 'component':
            return (
              <ColorLegendItem key={e.component} color={COMPONENT_COLORS.get(e.component!)} data-component={e.component}>
                {e.label}
              </ColorLegendItem>
            );
          case 'reported':
            return <ReportedLegendItem key={e.key}>{e.label}</ReportedLegendItem>;
          case 'estimated':
            return <EstimatedLegendItem key={e.key}>{e.label}</EstimatedLegendItem>;
          case 'upper':
            return (
              <LegendItem
                key={e.key}
                width={14}
                height={14}
                swatchClassName="upper-mark"
                swatch={
                  <>
                    <line x1="11" x2="11" y1="1" y2="13" />
                    <path d="M9.5 2.5 L3 7 L9.5 11.5 Z" />
                  </>
                }
              >
                {e.label}
              </LegendItem>
            );
          case 'range':
            return (
              <LegendItem
                key={e.key}
                width={30}
                height={12}
                swatch={
                  <>
                    <line x1="4" x2="26" y1="6" y2="6" stroke="currentColor" strokeWidth="1.5" />
                    <circle cx="5" cy="6" r="4" fill={base} stroke={base} />
                    <circle cx="25" cy="6" r="4" fill="var(--surface)" stroke={base} />
                  </>
                }
              >
                {e.label}
              </LegendItem>
            );
          case 'family':
            return <FamilyLegendItem key={e.key}>{e.label}</FamilyLegendItem>;
        }
      })}
    </span>
  );
}

function CostFootnotes({ series, scale }: { series: CostSeries; scale: ScaleKind }) {
  const { t } = useT();
  return (
    <ul className="chart-notes" data-testid="cost-footnotes">
      {costNotes(series, scale, t).map((n) => (
        <li key={n.key} className={n.talk ? 'talk-note' : undefined} data-testid={n.key === 'dollars' ? 'cost-dollar-years' : undefined}>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
