import { useMemo, useState, type KeyboardEvent } from 'react';
import { BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis, ZIndexLayer, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { Dataset } from '../../data/schema';
import { ChartFrame, Segmented, type LeftOut } from '../../components/chart-frame/chart-frame';
import { HatchPatterns } from '../../components/chart-frame/hatch-patterns';
import { assignColors, hatchId, STATUS_STYLE } from '../../components/chart-frame/palette';
import { formatUsd, type Locale } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  buildCostSeries,
  buildCostTable,
  componentLabel,
  dollarsLabel,
  formatCostFigure,
  formatCostRow,
  formatCostTotal,
  leftOutReasonLabel,
  type CostComponentName,
  type CostFigure,
  type CostRow,
  type CostSeries,
} from '../../selectors/cost-series';
import { familySpans, thinTicks, valueAxis, type RunKind, type ScaleKind } from '../../selectors/run-rows';
import './cost-chart.css';

/** One colour per cost component, assigned once for every render and every filter. */
const COMPONENT_COLORS = assignColors(['training', 'data', 'total'] satisfies CostComponentName[]);

/** Status swatches in the legend are grey, so they are not read as a component colour. */
const NEUTRAL = '#8C8C8C';
const ROW = 30;
const BAR = 14;
/** Narrow plots (phones) put each value label on its own line under the bar: taller rows, no collisions. */
const ROW_STACKED = 42;
const STACK_BELOW = 360;
const X_AXIS_HEIGHT = 28;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 };
const NAME_FONT = 12;
const LABEL_FONT = 11.5;

type Item = { key: string; section?: RunKind; row?: CostRow };

/**
 * Training cost in US dollars per model: one horizontal bar per model with a published figure,
 * stacked by component where the source splits it (Alpaca: data + training). Where sources give
 * several figures, the bar runs to the lowest and a line with one marker per figure reaches the
 * highest, so no figure is hidden or merged. Models without a figure are listed, never drawn as 0.
 */
export function TrainingCostChart({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const filters = useAppStore((s) => s.filters);
  const scale = useAppStore((s) => s.viewSettings.costScale);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const series = useMemo(() => buildCostSeries(dataset, systems), [dataset, systems]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const table = useMemo(() => buildCostTable(series, { locale, t, sourcesById }), [series, locale, t, sourcesById]);
  const leftOut: LeftOut[] = useMemo(() => series.leftOut.map((l) => ({ id: l.systemId, name: l.name, reason: leftOutReasonLabel(l, t) })), [series, t]);
  const familyNames = useMemo(() => new Map(dataset.families.map((f) => [f.id, f.name])), [dataset]);
  const sourceNames = useMemo(() => {
    const ids = new Set(series.rows.flatMap((r) => r.figures.flatMap((f) => f.sources)));
    return [...new Set([...ids].map((id) => sourcesById.get(id)?.publisher ?? sourcesById.get(id)?.title ?? id))];
  }, [series, sourcesById]);
  const title = t('cost-chart.title', 'Training cost');

  return (
    <ChartFrame
      id="training-cost"
      dataset={dataset}
      title={title}
      description={t('cost-chart.description', 'Published cost of training each model, in US dollars of the year noted; estimates and “less than” figures marked as such.')}
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
      sourceNote={t('cost-chart.source-note', 'Sources: {names}. Every figure’s source is in the data table.', { names: sourceNames.join(', ') || '—' })}
      footnotes={series.rows.length > 0 ? <CostFootnotes series={series} scale={scale} /> : undefined}
      dataTable={table}
    >
      {series.rows.length === 0 ? (
        <p className="cost-empty" data-testid="cost-chart-empty">
          {t('cost-chart.empty', 'No system in view has a published training cost.')}
        </p>
      ) : (
        <CostPlot series={series} scale={scale} familyNames={familyNames} locale={locale} t={t} tn={tn} />
      )}
    </ChartFrame>
  );
}

function CostPlot({ series, scale, familyNames, locale, t, tn }: { series: CostSeries; scale: ScaleKind; familyNames: ReadonlyMap<string, string>; locale: Locale; t: Translator['t']; tn: Translator['tn'] }) {
  const items = useMemo(() => withSections(series.rows), [series]);
  const axis = useMemo(() => valueAxis(series.rows.flatMap((r) => r.figures.map((f) => f.totalUsd)), scale), [series, scale]);
  const [width, setWidth] = useState(720);
  // Names get at most ~30% of the width, so a phone keeps room for the bars and their labels.
  const nameWidth = Math.round(Math.min(150, width * 0.3, Math.max(64, ...series.rows.map((r) => textWidth(r.name, NAME_FONT) + 18))));
  const stacked = width - nameWidth - MARGIN.right < STACK_BELOW;
  const height = items.length * (stacked ? ROW_STACKED : ROW) + MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT;
  // About 48 px per tick label, in regular steps (every power of ten, or every other one on a phone).
  const ticks = thinTicks(axis.ticks, Math.max(2, Math.floor((width - nameWidth - MARGIN.right) / 48)));
  return (
    <div className="cost-plot" data-testid="cost-plot" data-scale={scale} data-stacked={stacked ? 'true' : undefined} data-width={width}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }} onResize={(w) => setWidth(w)}>
        <BarChart layout="vertical" data={items} margin={MARGIN} accessibilityLayer={false}>
          <HatchPatterns />
          <CartesianGrid horizontal={false} strokeDasharray="2 3" />
          <XAxis
            type="number"
            scale={scale}
            domain={axis.domain}
            ticks={ticks}
            allowDataOverflow
            height={X_AXIS_HEIGHT}
            tickFormatter={(v: number) => formatUsd(v, locale)}
            fontSize={11}
            minTickGap={8}
          />
          <YAxis type="category" dataKey="key" width={nameWidth} tick={false} tickLine={false} axisLine={false} />
          <ZIndexLayer zIndex={300}>
            <CostMarks items={items} stacked={stacked} nameWidth={nameWidth} familyNames={familyNames} locale={locale} t={t} tn={tn} />
          </ZIndexLayer>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function withSections(rows: readonly CostRow[]): Item[] {
  const items: Item[] = [];
  let current: RunKind | undefined;
  for (const row of rows) {
    if (row.runKind !== current) {
      current = row.runKind;
      items.push({ key: `section:${current}`, section: current });
    }
    items.push({ key: row.systemId, row });
  }
  return items;
}

/** Rough text width for placing labels (SVG text cannot be measured before it is drawn). CJK glyphs are full-width. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : /[\s.,:;|il'’]/.test(ch) ? 0.3 : /[A-Z$MW%]/.test(ch) ? 0.68 : 0.56;
  return em * fontSize;
}

/** Fits a name into the name column: first without its parenthetical ("Dolly 1.0 (dolly-v1-6b)" → "Dolly 1.0"), then with an ellipsis. */
function truncate(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const short = text.replace(/\s*\(.*\)\s*$/, '');
  if (short && textWidth(short, fontSize) <= width) return short;
  let out = short || text;
  while (out.length > 1 && textWidth(`${out}…`, fontSize) > width) out = out.slice(0, -1);
  return `${out}…`;
}

function runKindHeading(t: Translator['t'], k: RunKind, n: number): string {
  return k === 'pre-training' ? t('cost-chart.section-pre-training', 'Pre-training runs ({n})', { n }) : t('cost-chart.section-fine-tune', 'Fine-tunes ({n})', { n });
}

function statusWord(t: Translator['t'], figures: readonly CostFigure[]): string | null {
  const est = figures.filter((f) => f.status === 'estimated').length;
  if (est === 0) return null;
  return est === figures.length ? t('fact.estimated', 'est.') : t('cost-chart.partly-estimated', 'partly est.');
}

/** Text for a row's tooltip and accessible name: every figure with who gives it and in which dollars. */
function rowDescription(row: CostRow, locale: Locale, t: Translator['t']): string {
  const lines = row.figures.map((f) => {
    const who = f.status === 'estimated' ? `${t('fact.estimated', 'est.')} ${f.by}` : t('fact.reported', 'reported');
    return `${formatCostFigure(f, locale, t)} (${dollarsLabel(f, t)}; ${who}${f.basis ? `; ${f.basis}` : ''})`;
  });
  const talk = row.figures.find((f) => f.talk)?.talk;
  if (talk) lines.push(t('cost-chart.talk-tip', '⚠ The talk says “{talk}”: {text}', { talk: talk.text, text: talk.note ?? t('cost-chart.talk-differs', 'differs from the source') }));
  return `${row.name}\n${lines.join('\n')}`;
}

function CostMarks({ items, stacked, nameWidth, familyNames, locale, t, tn }: { items: Item[]; stacked: boolean; nameWidth: number; familyNames: ReadonlyMap<string, string>; locale: Locale; t: Translator['t']; tn: Translator['tn'] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const hover = useAppStore((s) => s.hover);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  if (!xScale || !yScale || !plot) return null;
  const x = (v: number) => Math.max(plot.x, Math.min(plot.x + plot.width, xScale(v) ?? plot.x));
  const top = (key: string) => yScale(key, { position: 'start' }) ?? 0;
  const band = items.length > 0 ? Math.abs((yScale(items[0].key, { position: 'middle' }) ?? 0) - top(items[0].key)) * 2 || ROW : ROW;
  const right = plot.x + plot.width;
  const rows = items.filter((i) => i.row).map((i) => i.row as CostRow);
  const spans = familySpans(items.map((i) => ({ family: i.row?.family })));
  const sectionCount = (k: RunKind) => rows.filter((r) => r.runKind === k).length;

  return (
    <g className="cost-marks">
      {spans.map((s) => {
        const y1 = top(items[s.from].key) + 5;
        const y2 = top(items[s.to].key) + band - 5;
        const name = familyNames.get(s.family) ?? s.family;
        // Just left of the longest name in the group.
        const widest = Math.max(...items.slice(s.from, s.to + 1).map((it) => textWidth(truncate(it.row?.name ?? '', nameWidth - 16, NAME_FONT), NAME_FONT)));
        const bx = Math.max(3, nameWidth - 9 - widest - 8);
        return (
          <g key={`family-${s.family}-${s.from}`} className="family-bracket" data-family={s.family}>
            <title>{t('cost-chart.family-tip', 'Sizes of one model: {name}', { name })}</title>
            <path d={`M${bx + 4} ${y1} H${bx} V${y2} H${bx + 4}`} />
          </g>
        );
      })}
      {items.map((item, i) => {
        const y0 = top(item.key);
        if (item.section) {
          return (
            <g key={item.key} className="section-head" data-section={item.section}>
              {i > 0 && <line x1={0} x2={right} y1={y0 + 0.5} y2={y0 + 0.5} />}
              <text x={4} y={y0 + band / 2 + 4}>
                {runKindHeading(t, item.section, sectionCount(item.section))}
              </text>
            </g>
          );
        }
        const row = item.row as CostRow;
        const cy = stacked ? y0 + 14 : y0 + band / 2;
        const selected = row.systemId === selectedId;
        const hovered = row.systemId === hoveredId;
        const multi = row.figures.length > 1;
        const low = row.low;
        const barEnd = Math.max(x(low.totalUsd), plot.x + 2);
        const markEnd = multi ? x(row.high.totalUsd) + 5 : barEnd + (low.totalBound === 'upper' ? 2 : 0);
        const est = statusWord(t, row.figures);
        const warn = row.figures.some((f) => f.talk?.relation === 'differs');
        const suffix = [multi ? tn('cost-chart.figures', row.figures.length, '{count} figure', '{count} figures') : null, est].filter(Boolean).join(' · ');
        const full = `${formatCostRow(row, locale, t)}${suffix ? ` · ${suffix}` : ''}${warn ? ' ⚠' : ''}`;
        const short = `${multi ? `${formatCostTotal(low, locale)}–${formatCostTotal(row.high, locale)}` : formatCostTotal(low, locale)}${est ? ` ${est}` : ''}${warn ? ' ⚠' : ''}`;
        const label = stacked ? stackedLabel([full, short], plot.x, right, y0 + 35) : placeLabel([full, short], markEnd, plot.x, barEnd, right, cy + 4);
        const description = rowDescription(row, locale, t);
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggleSelected(row.systemId);
          }
        };
        const segments = segmentsOf(low, plot.x, barEnd, x);
        return (
          <g
            key={item.key}
            className="cost-row"
            data-system-id={row.systemId}
            data-selected={selected ? 'true' : undefined}
            data-hovered={hovered ? 'true' : undefined}
            tabIndex={0}
            role="button"
            aria-pressed={selected}
            aria-label={description.replace(/\n/g, '; ')}
            data-tip={description}
            onMouseEnter={() => hover(row.systemId)}
            onMouseLeave={() => hover(null)}
            onFocus={() => hover(row.systemId)}
            onBlur={() => hover(null)}
            onClick={() => toggleSelected(row.systemId)}
            onKeyDown={onKey}
          >
            <rect className="row-bg" x={0.5} y={y0 + 1} width={right - 0.5} height={band - 2} rx={4} />
            <text className={selected ? 'row-name is-selected' : 'row-name'} x={nameWidth - 9} y={cy + 4} textAnchor="end" fontSize={NAME_FONT}>
              {truncate(row.name, nameWidth - 16, NAME_FONT)}
            </text>
            <g className="cost-bar" data-figure={multi ? undefined : low.key} data-value-text={multi ? undefined : formatCostTotal(low, locale)} data-status={low.status} data-bound={low.totalBound}>
              {segments.map((seg) => {
                const color = COMPONENT_COLORS.get(seg.component) ?? '#8C8C8C';
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
              {low.totalBound === 'upper' && <UpperMark x={barEnd} cy={cy} arrow={barEnd - plot.x >= 10} />}
            </g>
            {multi && (
              <g className="cost-range">
                <line className="range-line" x1={barEnd} x2={x(row.high.totalUsd)} y1={cy} y2={cy} />
                {row.figures.map((f) => (
                  <FigureMark key={f.key} figure={f} cx={x(f.totalUsd)} cy={cy} color={COMPONENT_COLORS.get(f.components[f.components.length - 1].component) ?? '#8C8C8C'} locale={locale} t={t} />
                ))}
              </g>
            )}
            <text className={label.inside ? 'bar-label is-inside' : 'bar-label'} x={label.x} y={label.y} textAnchor={label.inside ? 'end' : 'start'} fontSize={LABEL_FONT}>
              {label.text}
            </text>
          </g>
        );
      })}
    </g>
  );
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

/**
 * Puts the value label after the mark if it fits (the full text, else the short one), else the
 * short one inside the bar, so labels never run off the plot or over another mark.
 */
function placeLabel(texts: string[], markEnd: number, barStart: number, barEnd: number, right: number, y: number): Label {
  const [full, short] = texts;
  const fitsAfter = (text: string) => markEnd + 6 + textWidth(text, LABEL_FONT) <= right;
  // Inside, clear of the bar's end, where a "less than" arrow or a figure marker may sit.
  const fitsInside = (text: string) => barEnd - barStart >= textWidth(text, LABEL_FONT) + 16;
  if (fitsAfter(full)) return { text: full, x: markEnd + 6, y, inside: false };
  if (fitsAfter(short)) return { text: short, x: markEnd + 6, y, inside: false };
  // Inside the bar only the short text, so most of the bar stays visible.
  if (fitsInside(short)) return { text: short, x: barEnd - 11, y, inside: true };
  return { text: short, x: Math.max(barStart + 2, right - textWidth(short, LABEL_FONT)), y, inside: false };
}

type Label = { text: string; x: number; y: number; inside: boolean };

/** Stacked rows: the label on its own line under the bar, the full text if the plot is wide enough. */
function stackedLabel(texts: string[], left: number, right: number, y: number): Label {
  const [full, short] = texts;
  return { text: textWidth(full, LABEL_FONT) <= right - left ? full : short, x: left, y, inside: false };
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

function FigureMark({ figure, cx, cy, color, locale, t }: { figure: CostFigure; cx: number; cy: number; color: string; locale: Locale; t: Translator['t'] }) {
  const who = figure.status === 'estimated' ? `${t('fact.estimated', 'est.')} ${figure.by}: ${figure.method ?? ''}` : `${t('fact.reported', 'reported')} (${figure.by})`;
  const tip = `${formatCostFigure(figure, locale, t)} — ${dollarsLabel(figure, t)}\n${who}${figure.basis ? `\n${figure.basis}` : ''}`;
  const common = {
    className: `figure-mark is-${figure.status}`,
    'data-figure': figure.key,
    'data-value-text': formatCostTotal(figure, locale),
    'data-status': figure.status,
    'data-tip': tip,
    stroke: color,
  };
  if (figure.totalBound === 'upper') return <path {...common} d={`M${cx} ${cy - 5} L${cx - 8} ${cy} L${cx} ${cy + 5} Z`} fill={figure.status === 'reported' ? color : 'var(--surface)'} />;
  return <circle {...common} cx={cx} cy={cy} r={4.5} fill={figure.status === 'reported' ? color : 'var(--surface)'} strokeDasharray={figure.status === 'estimated' ? '2 1.5' : undefined} />;
}

function CostLegend({ series }: { series: CostSeries }) {
  const { t } = useT();
  const multi = series.rows.some((r) => r.figures.length > 1);
  const upper = series.rows.some((r) => r.figures.some((f) => f.totalBound === 'upper'));
  const estimated = series.rows.some((r) => r.figures.some((f) => f.status === 'estimated'));
  const family = familySpans(series.rows).length > 0;
  const base = NEUTRAL;
  return (
    <span className="cost-legend" data-testid="cost-legend">
      {series.components.map((c) => (
        <span key={c} className="legend-item" data-component={c}>
          <svg width="14" height="12" aria-hidden="true">
            <rect x="1" y="1" width="12" height="10" fill={COMPONENT_COLORS.get(c)} fillOpacity={STATUS_STYLE.reported.fillOpacity} />
          </svg>
          {t('cost-chart.legend-component', 'cost of {label}', { label: componentLabel(t, c) })}
        </span>
      ))}
      <span className="legend-item">
        <svg width="14" height="12" aria-hidden="true">
          <rect x="1" y="1" width="12" height="10" fill={base} fillOpacity={STATUS_STYLE.reported.fillOpacity} stroke={base} />
        </svg>
        {t('fact.reported', 'reported')}
      </span>
      {estimated && (
        <span className="legend-item">
          <svg width="14" height="12" aria-hidden="true">
            <HatchPatterns />
            <rect x="1" y="1" width="12" height="10" fill={`url(#${hatchId(base)})`} stroke={base} strokeDasharray={STATUS_STYLE.estimated.strokeDasharray} />
          </svg>
          {t('cost-chart.legend-estimated', 'est. (estimate)')}
        </span>
      )}
      {upper && (
        <span className="legend-item">
          <svg width="14" height="14" aria-hidden="true" className="upper-mark">
            <line x1="11" x2="11" y1="1" y2="13" />
            <path d="M9.5 2.5 L3 7 L9.5 11.5 Z" />
          </svg>
          {t('cost-chart.legend-upper', '“less than”: at most this')}
        </span>
      )}
      {multi && (
        <span className="legend-item">
          <svg width="30" height="12" aria-hidden="true">
            <line x1="4" x2="26" y1="6" y2="6" stroke="currentColor" strokeWidth="1.5" />
            <circle cx="5" cy="6" r="4" fill={base} stroke={base} />
            <circle cx="25" cy="6" r="4" fill="var(--surface)" stroke={base} />
          </svg>
          {t('cost-chart.legend-range', 'one marker per published figure (filled: reported, hollow: est.)')}
        </span>
      )}
      {family && (
        <span className="legend-item">
          <svg width="10" height="14" aria-hidden="true" className="family-bracket">
            <path d="M7 1 H3 V13 H7" />
          </svg>
          {t('cost-chart.legend-family', 'sizes of one model')}
        </span>
      )}
    </span>
  );
}

function CostFootnotes({ series, scale }: { series: CostSeries; scale: ScaleKind }) {
  const { t } = useT();
  const names = new Map(series.rows.map((r) => [r.systemId, r.name]));
  const dollars = series.dollarBases
    .map((b) => {
      const text = dollarsLabel({ dollars: b.dollars, dollarYear: b.year }, t);
      return b.by === null
        ? t('cost-chart.dollars-developers', 'developers’ own figures: {text}', { text })
        : t('cost-chart.dollars-by', '{name}: {text}', { name: b.by, text });
    })
    .join('; ');
  const talks = series.rows.flatMap((r) => r.figures.filter((f) => f.talk?.relation === 'differs').map((f) => ({ name: names.get(r.systemId) ?? r.systemId, talk: f.talk! })));
  return (
    <ul className="cost-notes" data-testid="cost-footnotes">
      <li>{t('cost-chart.note-estimated', 'Reported: stated by the developer. est.: an estimate by a third party (Epoch AI, Lambda Labs), drawn hatched with a dashed outline.')}</li>
      <li>{t('cost-chart.note-bounds', '◀ “less than” in the source: the true cost is at most this; ~ “about”.')}</li>
      {series.rows.some((r) => r.figures.length > 1) && (
        <li>{t('cost-chart.note-range', 'Where sources publish several figures for one model, the bar runs to the lowest and a line with one marker per figure reaches the highest; none is merged or averaged.')}</li>
      )}
      <li data-testid="cost-dollar-years">{t('cost-chart.note-dollars', 'Dollar years: {text}.', { text: dollars })}</li>
      {scale === 'log' && <li>{t('cost-chart.note-log', 'Log scale: every ×10 is the same distance; bar lengths are not proportional to cost.')}</li>}
      <li>{t('cost-chart.note-run-kind', 'A model fine-tuned from a base model counts as a fine-tune; every other model as a pre-training run.')}</li>
      {talks.map(({ name, talk }) => (
        <li key={name} className="talk-note">
          {t('cost-chart.note-talk', '⚠ {name}: the talk says “{talk}” — {text}.', { name, talk: talk.text, text: talk.note ?? t('cost-chart.talk-differs', 'differs from the source') })}
        </li>
      ))}
    </ul>
  );
}

