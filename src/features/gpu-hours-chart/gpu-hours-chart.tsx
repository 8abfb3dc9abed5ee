import { useMemo, useState, type KeyboardEvent } from 'react';
import { BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis, ZIndexLayer, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { Dataset } from '../../data/schema';
import { ChartFrame, Segmented, type LeftOut } from '../../components/chart-frame/chart-frame';
import { HatchPatterns } from '../../components/chart-frame/hatch-patterns';
import { assignColors, hatchId, STATUS_STYLE } from '../../components/chart-frame/palette';
import { formatCompact, type Locale } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  buildGpuHoursSeries,
  buildGpuHoursTable,
  datasetHardware,
  derivationText,
  formatGpuHours,
  formatGpuHoursShort,
  formatRatio,
  gpuLeftOutLabel,
  gpuStatusLabel,
  runKindLabel,
  type GpuGap,
  type GpuHoursSeries,
  type GpuRun,
} from '../../selectors/gpu-hours-series';
import { familySpans, thinTicks, valueAxis, type RunKind, type ScaleKind } from '../../selectors/run-rows';
import './gpu-hours-chart.css';

const NEUTRAL = '#8C8C8C';
const ROW = 28;
const BAR = 14;
/** Narrow plots (phones) put each value label on its own line under the bar: taller rows, no collisions. */
const ROW_STACKED = 42;
const STACK_BELOW = 360;
const X_AXIS_HEIGHT = 28;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 };
const NAME_FONT = 12;
const LABEL_FONT = 11.5;

type Item = { key: string; section?: RunKind; run?: GpuRun };

/**
 * GPU-hours per training run, one horizontal bar per run, coloured by hardware, pre-training runs
 * and fine-tunes in two labelled sections, with the gap between them stated in numbers computed
 * from the rows on screen.
 */
export function GpuHoursChart({ dataset }: { dataset: Dataset }) {
  const { t, locale } = useT();
  const filters = useAppStore((s) => s.filters);
  const scale = useAppStore((s) => s.viewSettings.gpuHoursScale);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const series = useMemo(() => buildGpuHoursSeries(dataset, systems), [dataset, systems]);
  // Colours are assigned on the whole dataset's hardware list, so a filter never repaints a bar.
  const colors = useMemo(() => assignColors(datasetHardware(dataset)), [dataset]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const table = useMemo(() => buildGpuHoursTable(series, { locale, t, sourcesById }), [series, locale, t, sourcesById]);
  const leftOut: LeftOut[] = useMemo(() => series.leftOut.map((l) => ({ id: l.systemId, name: l.name, reason: gpuLeftOutLabel(l, t) })), [series, t]);
  const familyNames = useMemo(() => new Map(dataset.families.map((f) => [f.id, f.name])), [dataset]);
  const sourceNames = useMemo(() => {
    const ids = new Set(series.rows.flatMap((r) => r.sources));
    return [...new Set([...ids].map((id) => sourcesById.get(id)?.publisher ?? sourcesById.get(id)?.title ?? id))];
  }, [series, sourcesById]);

  return (
    <ChartFrame
      id="gpu-hours"
      dataset={dataset}
      title={t('gpu-hours-chart.title', 'GPU-hours per training run')}
      description={t('gpu-hours-chart.description', 'GPU-hours (number of GPUs × hours) of each published training run, coloured by the GPU used; pre-training runs and fine-tunes shown apart.')}
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
      sourceNote={t('gpu-hours-chart.source-note', 'Sources: {names}. Every run’s source is in the data table.', { names: sourceNames.join(', ') || '—' })}
      footnotes={series.rows.length > 0 ? <GpuFootnotes series={series} scale={scale} /> : undefined}
      dataTable={table}
    >
      {series.rows.length === 0 ? (
        <p className="gpu-empty" data-testid="gpu-hours-empty">
          {t('gpu-hours-chart.empty', 'No system in view has published GPU-hours.')}
        </p>
      ) : (
        <>
          {series.gap && <GapNote gap={series.gap} locale={locale} t={t} />}
          <GpuPlot series={series} scale={scale} colors={colors} familyNames={familyNames} locale={locale} t={t} />
        </>
      )}
    </ChartFrame>
  );
}

function hoursWithStatus(r: GpuRun, locale: Locale, t: Translator['t']): string {
  return r.status === 'estimated' ? `${formatGpuHours(r.hours, locale)} ${t('fact.estimated', 'est.')}` : formatGpuHours(r.hours, locale);
}

/** One line on the size of the gap, computed from the rows in view (see `findGap`). */
function GapNote({ gap, locale, t }: { gap: GpuGap; locale: Locale; t: Translator['t'] }) {
  const vars = { name: gap.fine.name, n: hoursWithStatus(gap.fine, locale, t), title: gap.pre.name, total: hoursWithStatus(gap.pre, locale, t), count: formatRatio(gap.ratio, locale) };
  return (
    <p className="gpu-gap-note" data-testid="gpu-gap-note" data-ratio={gap.ratio}>
      {gap.kind === 'lineage'
        ? t('gpu-hours-chart.gap-lineage', 'Fine-tuning {name} took {n} GPU-hours; pre-training its base, {title}, took {total} — about {count}× as many.', vars)
        : t('gpu-hours-chart.gap-extremes', 'The largest pre-training run in view, {title} ({total} GPU-hours), used about {count}× the GPU-hours of the smallest fine-tune, {name} ({n}).', vars)}
    </p>
  );
}

function GpuPlot({ series, scale, colors, familyNames, locale, t }: { series: GpuHoursSeries; scale: ScaleKind; colors: ReadonlyMap<string, string>; familyNames: ReadonlyMap<string, string>; locale: Locale; t: Translator['t'] }) {
  const items = useMemo(() => withSections(series.rows), [series]);
  const axis = useMemo(() => valueAxis(series.rows.map((r) => r.hours), scale), [series, scale]);
  const [width, setWidth] = useState(720);
  // Names get at most ~30% of the width, so a phone keeps room for the bars and their labels.
  const nameWidth = Math.round(Math.min(150, width * 0.3, Math.max(64, ...series.rows.map((r) => textWidth(r.name, NAME_FONT) + 18))));
  const stacked = width - nameWidth - MARGIN.right < STACK_BELOW;
  const height = items.length * (stacked ? ROW_STACKED : ROW) + MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT;
  // About 48 px per tick label, in regular steps (every power of ten, or every other one on a phone).
  const ticks = thinTicks(axis.ticks, Math.max(2, Math.floor((width - nameWidth - MARGIN.right) / 48)));
  return (
    <div className="gpu-plot" data-testid="gpu-hours-plot" data-scale={scale} data-stacked={stacked ? 'true' : undefined} data-width={width}>
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
            tickFormatter={(v: number) => formatCompact(v, locale)}
            fontSize={11}
            minTickGap={8}
          />
          <YAxis type="category" dataKey="key" width={nameWidth} tick={false} tickLine={false} axisLine={false} />
          <ZIndexLayer zIndex={300}>
            <GpuMarks items={items} stacked={stacked} nameWidth={nameWidth} colors={colors} familyNames={familyNames} locale={locale} t={t} />
          </ZIndexLayer>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function withSections(rows: readonly GpuRun[]): Item[] {
  const items: Item[] = [];
  let current: RunKind | undefined;
  for (const run of rows) {
    if (run.runKind !== current) {
      current = run.runKind;
      items.push({ key: `section:${current}`, section: current });
    }
    items.push({ key: run.systemId, run });
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

function sectionHeading(t: Translator['t'], k: RunKind, n: number): string {
  return k === 'pre-training' ? t('gpu-hours-chart.section-pre-training', 'Pre-training runs ({n})', { n }) : t('gpu-hours-chart.section-fine-tune', 'Fine-tunes ({n})', { n });
}

function runDescription(r: GpuRun, locale: Locale, t: Translator['t']): string {
  const lines = [
    t('gpu-hours-chart.tip-hours', '{n} GPU-hours on {label}', { n: formatGpuHours(r.hours, locale), label: r.hardware }),
    derivationText(r, locale),
    `${runKindLabel(t, r.runKind)} · ${gpuStatusLabel(r, t)}`,
    r.talk ? t('gpu-hours-chart.talk-tip', '⚠ The talk says “{talk}”', { talk: r.talk.text }) : undefined,
  ].filter(Boolean);
  return `${r.name}\n${lines.join('\n')}`;
}

function GpuMarks({ items, stacked, nameWidth, colors, familyNames, locale, t }: { items: Item[]; stacked: boolean; nameWidth: number; colors: ReadonlyMap<string, string>; familyNames: ReadonlyMap<string, string>; locale: Locale; t: Translator['t'] }) {
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
  const runs = items.filter((i) => i.run).map((i) => i.run as GpuRun);
  const spans = familySpans(items.map((i) => ({ family: i.run?.family })));
  const sectionCount = (k: RunKind) => runs.filter((r) => r.runKind === k).length;

  return (
    <g className="gpu-marks">
      {spans.map((s) => {
        const y1 = top(items[s.from].key) + 5;
        const y2 = top(items[s.to].key) + band - 5;
        const name = familyNames.get(s.family) ?? s.family;
        const widest = Math.max(...items.slice(s.from, s.to + 1).map((it) => textWidth(truncate(it.run?.name ?? '', nameWidth - 16, NAME_FONT), NAME_FONT)));
        const bx = Math.max(3, nameWidth - 9 - widest - 8);
        return (
          <g key={`family-${s.family}-${s.from}`} className="family-bracket" data-family={s.family}>
            <title>{t('gpu-hours-chart.family-tip', 'Sizes of one model: {name}', { name })}</title>
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
                {sectionHeading(t, item.section, sectionCount(item.section))}
              </text>
            </g>
          );
        }
        const run = item.run as GpuRun;
        const cy = stacked ? y0 + 14 : y0 + band / 2;
        const selected = run.systemId === selectedId;
        const hovered = run.systemId === hoveredId;
        const barEnd = Math.max(x(run.hours), plot.x + 1.5);
        const color = colors.get(run.hardware) ?? NEUTRAL;
        const est = run.status === 'estimated' ? t('fact.estimated', 'est.') : null;
        const full = [formatGpuHoursShort(run.hours, locale), run.hardware, est].filter(Boolean).join(' · ');
        const short = [formatGpuHoursShort(run.hours, locale), est].filter(Boolean).join(' ');
        const label = stacked ? stackedLabel([full, short], plot.x, right, y0 + 35) : placeLabel([full, short], barEnd, plot.x, right, cy + 4);
        const description = runDescription(run, locale, t);
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggleSelected(run.systemId);
          }
        };
        const style = STATUS_STYLE[run.status];
        return (
          <g
            key={item.key}
            className="gpu-row"
            data-system-id={run.systemId}
            data-selected={selected ? 'true' : undefined}
            data-hovered={hovered ? 'true' : undefined}
            data-run-kind={run.runKind}
            tabIndex={0}
            role="button"
            aria-pressed={selected}
            aria-label={description.replace(/\n/g, '; ')}
            data-tip={description}
            onMouseEnter={() => hover(run.systemId)}
            onMouseLeave={() => hover(null)}
            onFocus={() => hover(run.systemId)}
            onBlur={() => hover(null)}
            onClick={() => toggleSelected(run.systemId)}
            onKeyDown={onKey}
          >
            <rect className="row-bg" x={0.5} y={y0 + 1} width={right - 0.5} height={band - 2} rx={4} />
            <text className={selected ? 'row-name is-selected' : 'row-name'} x={nameWidth - 9} y={cy + 4} textAnchor="end" fontSize={NAME_FONT}>
              {truncate(run.name, nameWidth - 16, NAME_FONT)}
            </text>
            <rect
              className="gpu-bar"
              data-value={run.hours}
              data-value-text={formatGpuHours(run.hours, locale)}
              data-hardware={run.hardware}
              data-status={run.status}
              x={plot.x}
              y={cy - BAR / 2}
              width={Math.max(1.5, barEnd - plot.x)}
              height={BAR}
              fill={run.status === 'estimated' ? `url(#${hatchId(color)})` : color}
              fillOpacity={run.status === 'estimated' ? 1 : style.fillOpacity}
              stroke={color}
              strokeWidth={1.2}
              strokeDasharray={style.strokeDasharray}
            />
            <text className={label.inside ? 'bar-label is-inside' : 'bar-label'} x={label.x} y={label.y} textAnchor={label.inside ? 'end' : 'start'} fontSize={LABEL_FONT}>
              {label.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** After the bar if it fits (the full text, else the short one), else the short one inside the bar. */
function placeLabel(texts: string[], barEnd: number, barStart: number, right: number, y: number): Label {
  const [full, short] = texts;
  const fitsAfter = (text: string) => barEnd + 6 + textWidth(text, LABEL_FONT) <= right;
  if (fitsAfter(full)) return { text: full, x: barEnd + 6, y, inside: false };
  if (fitsAfter(short)) return { text: short, x: barEnd + 6, y, inside: false };
  // Inside the bar only the short text, so most of the bar stays visible.
  if (barEnd - barStart >= textWidth(short, LABEL_FONT) + 10) return { text: short, x: barEnd - 5, y, inside: true };
  return { text: short, x: Math.max(barStart + 2, right - textWidth(short, LABEL_FONT)), y, inside: false };
}

type Label = { text: string; x: number; y: number; inside: boolean };

/** Stacked rows: the label on its own line under the bar, the full text if the plot is wide enough. */
function stackedLabel(texts: string[], left: number, right: number, y: number): Label {
  const [full, short] = texts;
  return { text: textWidth(full, LABEL_FONT) <= right - left ? full : short, x: left, y, inside: false };
}

function GpuLegend({ series, colors }: { series: GpuHoursSeries; colors: ReadonlyMap<string, string> }) {
  const { t } = useT();
  const estimated = series.rows.some((r) => r.status === 'estimated');
  const family = familySpans(series.rows).length > 0;
  return (
    <span className="gpu-legend" data-testid="gpu-hours-legend">
      {series.hardware.map((h) => (
        <span key={h} className="legend-item" data-hardware={h}>
          <svg width="14" height="12" aria-hidden="true">
            <rect x="1" y="1" width="12" height="10" fill={colors.get(h)} fillOpacity={STATUS_STYLE.reported.fillOpacity} />
          </svg>
          {h}
        </span>
      ))}
      <span className="legend-item">
        <svg width="14" height="12" aria-hidden="true">
          <rect x="1" y="1" width="12" height="10" fill={NEUTRAL} fillOpacity={STATUS_STYLE.reported.fillOpacity} stroke={NEUTRAL} />
        </svg>
        {t('fact.reported', 'reported')}
      </span>
      {estimated && (
        <span className="legend-item">
          <svg width="14" height="12" aria-hidden="true">
            <HatchPatterns />
            <rect x="1" y="1" width="12" height="10" fill={`url(#${hatchId(NEUTRAL)})`} stroke={NEUTRAL} strokeDasharray={STATUS_STYLE.estimated.strokeDasharray} />
          </svg>
          {t('gpu-hours-chart.legend-estimated', 'est. (estimate)')}
        </span>
      )}
      {family && (
        <span className="legend-item">
          <svg width="10" height="14" aria-hidden="true" className="family-bracket">
            <path d="M7 1 H3 V13 H7" />
          </svg>
          {t('gpu-hours-chart.legend-family', 'sizes of one model')}
        </span>
      )}
    </span>
  );
}

function GpuFootnotes({ series, scale }: { series: GpuHoursSeries; scale: ScaleKind }) {
  const { t } = useT();
  const hasFine = series.rows.some((r) => r.runKind === 'fine-tune');
  return (
    <ul className="gpu-notes" data-testid="gpu-hours-footnotes">
      <li>{t('gpu-hours-chart.note-status', 'Reported: GPU-hours the source states, or GPUs × time it states (the arithmetic is in the tooltip and the data table). est.: an estimate (by Epoch AI, or another paper’s assumption), drawn hatched with a dashed outline.')}</li>
      <li>{t('gpu-hours-chart.note-run-kind', 'Pre-training or fine-tune is decided from the data: a model fine-tuned from a base model is a fine-tune; every other run is pre-training.')}</li>
      <li>{t('gpu-hours-chart.note-hardware', 'Hardware as the source names it; “A100” where it does not give the memory size.')}</li>
      {scale === 'log' ? (
        <li>{t('gpu-hours-chart.note-log', 'Log scale: every ×10 is the same distance; bar lengths are not proportional to GPU-hours.')}</li>
      ) : (
        hasFine && <li>{t('gpu-hours-chart.note-linear', 'Linear scale: the fine-tunes are too small to see next to pre-training — that is the gap.')}</li>
      )}
    </ul>
  );
}
