import { createContext, memo, useContext, useMemo, useRef } from 'react';
import { sameProps } from '../../lib/same-props';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis, ZIndexLayer, useXAxisScale, type BarShapeProps } from 'recharts';
import { noGridLines } from '../../lib/chart-grid';
import type { Source } from '../../data/schema';
import { hatchId, STATUS_STYLE } from '../../components/chart-frame/palette';
import { useT } from '../../i18n/use-t';
import { useChartWidth } from '../../components/chart-frame/use-chart-width';
import { useAppStore } from '../../store';
import { useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import type { Co2Bar } from '../../selectors/co2-series';
import { co2BarNote } from './co2-figure';
import { ChartGuides } from '../../components/annotations/chart-guides';
import { GUIDE_STRIP } from '../../components/annotations/guide-marks';
import { withBadge, type PlotGuide } from '../../components/figure/figure-annotations';
import { barValueText, estimateTextWidth, formatTonnes, niceTicks, shortSourceTitle } from './co2-format';

export { niceTicks };

/*
 * Horizontal bars, one per training run, on a linear axis: the talk's point is a ratio ("1/24 of
 * GPT-3"), and a linear axis shows a ratio as lengths. Each mark is one <g> drawn by us (bar,
 * published range, labels), so labels are placed from the measured width and never clip.
 */

const ROW_PX = 50;
/** Phone layout: names sit above their bars instead of on a Y axis. */
const ROW_PX_COMPACT = 66;
const COMPACT_BELOW_PX = 560;
const BAR_PX = 16;
const VALUE_FONT = 12;
const NOTE_FONT = 11;
const TICK_FONT = 12;
const LABEL_GAP = 6;
const AXIS_PX = 44;
const TOP_PX = 6;

interface Props {
  bars: readonly Co2Bar[];
  colors: ReadonlyMap<string, string>;
  sourcesById: ReadonlyMap<string, Source>;
  /** Annotation badges for a bar's value label, by system id. */
  badges: ReadonlyMap<string, string>;
  /** The annotations' value lines and bands (their badges sit in a strip above the bars). */
  guides: readonly PlotGuide[];
}

interface MarkLabel {
  value: string;
  note: string;
  tip: string;
}

/*
 * What the marks and ticks need besides their geometry. They read it from context and the
 * selection from the store, so the chart itself does not re-render on hover: recharts rebuilds
 * its bar layer when the `shape` renderer changes, which would swallow a click between mousedown
 * and mouseup.
 */
interface MarkContextValue {
  colors: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, MarkLabel>;
  names: ReadonlyMap<string, string>;
  compact: boolean;
  rowPx: number;
  tickLines: ReadonlyMap<string, string[]>;
}
const MarkContext = createContext<MarkContextValue | null>(null);

/** The labels a mark carries: its value, and a second line for a range, the share of GPT-3 and the talk. */
function useMarkLabels(
  bars: readonly Co2Bar[],
  sourcesById: ReadonlyMap<string, Source>,
  badges: ReadonlyMap<string, string>,
): Map<string, MarkLabel> {
  const { t, locale } = useT();
  return useMemo(
    () =>
      new Map(
        bars.map((b) => {
          const value = barValueText(b, t, locale);
          const tip = [
            `${b.name}: ${value} CO₂e`,
            b.method,
            ...b.sources.map((id) => shortSourceTitle(sourcesById.get(id), id)),
            b.talk
              ? t('co2.tip-talk', 'The talk: “{quote}”', { quote: b.talk.text }) + (b.talk.note ? ` — ${b.talk.note}` : '')
              : undefined,
          ]
            .filter(Boolean)
            .join(' · ');
          return [b.id, { value: withBadge(value, badges.get(b.id)), note: co2BarNote(b, t, locale), tip }] as const;
        }),
      ),
    [bars, t, locale, sourcesById, badges],
  );
}

/** Splits a long model name over at most two lines at a space ("SAM (Segment / Anything Model)"). */
export function wrapName(name: string, maxPx: number, fontPx: number): string[] {
  if (estimateTextWidth(name, fontPx) <= maxPx) return [name];
  const words = name.split(' ');
  let best: string[] = [name];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...lines.map((l) => estimateTextWidth(l, fontPx)));
    if (w < bestWidth) {
      best = lines;
      bestWidth = w;
    }
  }
  return best;
}

function renderMark(p: BarShapeProps) {
  return <Co2Mark x={p.x} y={p.y} width={p.width} height={p.height} bar={p.payload as Co2Bar} />;
}

function renderTick(p: { x: number | string; y: number | string; payload: { value: unknown } }) {
  return <Co2Tick x={Number(p.x)} y={Number(p.y)} id={String(p.payload.value)} />;
}

/** Drawn again only when its bars (or colours) change, not when only what is left out does. */
export const Co2Chart = memo(function Co2Chart({ bars, colors, sourcesById, badges, guides }: Props) {
  const { t, locale } = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  // Measured here rather than by recharts' ResponsiveContainer, so the chart draws at the paper's width when printed.
  const width = useChartWidth(boxRef, 720);
  const labels = useMarkLabels(bars, sourcesById, badges);
  const compact = width < COMPACT_BELOW_PX;
  const rowPx = compact ? ROW_PX_COMPACT : ROW_PX;

  const ticks = useMemo(() => niceTicks(Math.max(...bars.map((b) => b.range?.max ?? b.value))), [bars]);
  const domainMax = ticks[ticks.length - 1];
  const names = useMemo(() => new Map(bars.map((b) => [b.id, b.name])), [bars]);
  const maxTickPx = Math.round(width * 0.28);
  const tickLines = useMemo(() => new Map(bars.map((b) => [b.id, wrapName(b.name, maxTickPx, TICK_FONT)])), [bars, maxTickPx]);
  const yWidth = compact
    ? 0
    : Math.min(maxTickPx, Math.max(...[...tickLines.values()].flat().map((l) => estimateTextWidth(l, TICK_FONT)))) + 12;

  // The right margin is just wide enough that every value label fits beside its bar at this width.
  const plotLeft = yWidth + 4;
  const span = width - plotLeft;
  const rightMargin = Math.min(
    Math.round(span * 0.45),
    Math.max(
      16,
      ...bars.map((b) => {
        const labelW = estimateTextWidth(labels.get(b.id)?.value ?? '', VALUE_FONT) + LABEL_GAP + 4;
        const f = (b.range?.max ?? b.value) / domainMax;
        return f > 0 ? Math.ceil(span - (span - labelW) / f) : 0;
      }),
    ),
  );
  const top = TOP_PX + (guides.length > 0 ? GUIDE_STRIP : 0);
  const height = bars.length * rowPx + top + AXIS_PX;
  const context = useMemo<MarkContextValue>(
    () => ({ colors, labels, names, compact, rowPx, tickLines }),
    [colors, labels, names, compact, rowPx, tickLines],
  );

  return (
    <MarkContext.Provider value={context}>
      <div ref={boxRef} className="co2-chart" style={{ height }} data-testid="co2-chart" data-layout={compact ? 'compact' : 'axis'}>
        <BarChart
          width={width}
          height={height}
          layout="vertical"
          data={bars}
          margin={{ top, right: rightMargin, bottom: 0, left: 4 }}
          barSize={BAR_PX}
        >
          <CartesianGrid horizontal={false} horizontalCoordinatesGenerator={noGridLines} strokeDasharray="2 3" />
          <XAxis
            type="number"
            domain={[0, domainMax]}
            ticks={ticks}
            // niceTicks gives about five: all are drawn, without recharts measuring each label in the DOM.
            interval={0}
            tickFormatter={(v: number) => formatTonnes(v, locale)}
            height={AXIS_PX}
            fontSize={TICK_FONT}
            label={{
              value: t('co2.axis', 't CO₂e per training run'),
              position: 'insideBottom',
              offset: 2,
              fontSize: TICK_FONT,
              className: 'co2-axis-label',
            }}
          />
          <YAxis type="category" dataKey="id" width={yWidth} hide={compact} interval={0} tickLine={false} tick={renderTick} />
          <ZIndexLayer zIndex={50}>
            <ChartGuides guides={guides} layer="behind" />
          </ZIndexLayer>
          <Bar dataKey="value" isAnimationActive={false} shape={renderMark} />
          <ChartGuides guides={guides} layer="badges" />
        </BarChart>
      </div>
    </MarkContext.Provider>
  );
}, sameProps);

function Co2Tick({ x, y, id }: { x: number; y: number; id: string }) {
  const ctx = useContext(MarkContext);
  const selected = useAppStore((s) => s.selectedId === id);
  const hovered = useAppStore((s) => s.hoveredId === id);
  const lines = ctx?.tickLines.get(id) ?? [id];
  const first = y - ((lines.length - 1) * (TICK_FONT + 2)) / 2;
  return (
    <text
      x={x - 4}
      y={first}
      textAnchor="end"
      dominantBaseline="central"
      fontSize={TICK_FONT}
      className={`co2-tick${selected ? ' is-selected' : ''}${hovered ? ' is-hovered' : ''}`}
    >
      {lines.map((l, i) => (
        <tspan key={i} x={x - 4} dy={i === 0 ? 0 : TICK_FONT + 2}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

interface MarkProps {
  x: number;
  y: number;
  width: number;
  height: number;
  bar: Co2Bar;
}

function Co2Mark({ x, y, width, height, bar }: MarkProps) {
  const ctx = useContext(MarkContext);
  const selected = useAppStore((s) => s.selectedId === bar.id);
  const hovered = useAppStore((s) => s.hoveredId === bar.id);
  const linkedMark = useLinkedMark();
  const scale = useXAxisScale();
  if (!ctx) return null;
  const color = ctx.colors.get(bar.group) ?? '#8C8C8C';
  const label = ctx.labels.get(bar.id);
  const xOf = (v: number) => {
    const sx = scale?.(v);
    return typeof sx === 'number' && Number.isFinite(sx) ? sx : x + (width * v) / bar.value;
  };
  const estimated = bar.status === 'estimated';
  const cy = y + height / 2;
  const w = Math.max(width, 2);
  const rangeX = bar.range ? { lo: xOf(bar.range.min), hi: xOf(bar.range.max) } : undefined;
  const labelX = Math.max(x + w, rangeX?.hi ?? 0) + LABEL_GAP;
  const others = bar.figures.filter((f) => f.value !== bar.value);
  const hitTop = cy - ctx.rowPx / 2 + 2;
  return (
    <g
      className="co2-mark"
      data-system-id={bar.id}
      data-value={bar.value}
      data-status={bar.status}
      data-selected={selected ? 'true' : undefined}
      data-hovered={hovered ? 'true' : undefined}
      {...linkedMark(bar.id, { pressed: selected })}
      aria-label={`${bar.name}: ${label?.value ?? bar.value} CO₂e${label?.note ? ` (${label.note})` : ''}`}
      data-tip={label?.tip}
    >
      {/* A full-row hit area, so short bars (SAM's 2.8 t) are as easy to point at as long ones. */}
      <rect
        className="co2-hit"
        x={x - 2}
        y={hitTop}
        width={Math.max(labelX - x + estimateTextWidth(label?.value ?? '', VALUE_FONT) + 2, w + 4)}
        height={ctx.rowPx - 4}
        fill="transparent"
      />
      {ctx.compact && (
        <text
          className={`co2-name${selected ? ' is-selected' : ''}`}
          x={x}
          y={cy - height / 2 - 9}
          dominantBaseline="central"
          fontSize={TICK_FONT}
        >
          {bar.name}
        </text>
      )}
      <rect
        className="co2-bar"
        x={x}
        y={y}
        width={w}
        height={height}
        fill={estimated ? `url(#${hatchId(color)})` : color}
        fillOpacity={estimated ? 1 : STATUS_STYLE.reported.fillOpacity}
        stroke={color}
        strokeWidth={hovered ? 2.5 : 1.5}
        strokeDasharray={estimated ? STATUS_STYLE.estimated.strokeDasharray : undefined}
      />
      {selected && <rect className="co2-selected-ring" x={x - 3} y={y - 3} width={w + 6} height={height + 6} fill="none" rx={2} />}
      <rect className="co2-focus-ring" x={x - 5} y={y - 5} width={w + 10} height={height + 10} fill="none" rx={3} />
      {rangeX && (
        <g className="co2-range" aria-hidden="true">
          <line x1={rangeX.lo} x2={rangeX.hi} y1={cy} y2={cy} />
          <line x1={rangeX.lo} x2={rangeX.lo} y1={cy - 6} y2={cy + 6} />
          <line x1={rangeX.hi} x2={rangeX.hi} y1={cy - 6} y2={cy + 6} />
          {others.map((f) => {
            const fx = xOf(f.value);
            return (
              <path
                key={`${f.kind}-${f.value}`}
                className="co2-range-marker"
                d={`M${fx} ${cy - 5} L${fx + 5} ${cy} L${fx} ${cy + 5} L${fx - 5} ${cy} Z`}
                data-figure={f.value}
              />
            );
          })}
        </g>
      )}
      {label && (
        <text className="co2-bar-value" x={labelX} y={cy} dominantBaseline="central" fontSize={VALUE_FONT}>
          {label.value}
        </text>
      )}
      {label?.note && (
        <text className="co2-bar-note" x={x} y={cy + height / 2 + 9} dominantBaseline="central" fontSize={NOTE_FONT}>
          {label.note}
        </text>
      )}
    </g>
  );
}
