import { useMemo, useRef, type ReactNode } from 'react';
import { BarChart, CartesianGrid, XAxis, YAxis, ZIndexLayer, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { noGridLines } from '../../lib/chart-grid';
import { estimateGlyphWidth } from '../../lib/measure-text';
import { useChartSize } from '../chart-frame/use-chart-width';
import { familySpans, thinTicks, type RunKind, type ScaleKind, type ValueAxis } from '../../selectors/run-rows';
import { useAppStore } from '../../store';
import { useLinkedMark } from '../linked-marks/use-linked-mark';
import { GUIDE_STRIP, GuideMarks } from '../annotations/guide-marks';
import type { PlotGuide } from '../figure/figure-annotations';
import './bar-rows.css';

/*
 * The scaffolding of a hand-drawn horizontal bar chart with one row per system, shared by the
 * training-cost and GPU-hours charts: plot sizing, the name column, pre-training and fine-tune
 * sections with a divider, family brackets, the value axis, value-label placement and the row's
 * hover/selection wiring. What a row draws (its bars and markers) and what its label says stay
 * in the chart's feature, passed in as `drawRow`.
 */

export const BAR = 14;
/** Narrow plots (phones) put each value label on its own line under the bar: taller rows, no collisions. */
const ROW_STACKED = 42;
const STACK_BELOW = 360;
const X_AXIS_HEIGHT = 28;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 };
const NAME_FONT = 12;
const LABEL_FONT = 11.5;

/** What a row needs from the chart's series. */
export interface BarRow {
  systemId: string;
  name: string;
  runKind: RunKind;
  family?: string;
}

type Item<R> = { key: string; section?: RunKind; row?: R };

/** Where a row sits, for the chart's marks. */
export interface RowGeometry {
  /** Vertical centre of the bar. */
  cy: number;
  /** Left end of the value axis, where every bar starts. */
  barStart: number;
  /** A value's x, clamped to the plot. */
  x: (v: number) => number;
}

/** What the chart draws in one row. */
export interface RowDrawing {
  /** Tooltip text (the accessible name is the same, lines joined by "; "). */
  description: string;
  /** Extra `data-*` attributes on the row. */
  data?: Record<`data-${string}`, string>;
  /** The bars and markers, drawn over the name column's row and under the value label. */
  marks: ReactNode;
  /**
   * The value label, in full and short: placed after `markEnd` if it fits, else inside the bar
   * that ends at `barEnd` (stacked rows: on its own line).
   */
  label: { full: string; short: string; markEnd: number; barEnd: number };
}

interface Props<R extends BarRow> {
  rows: readonly R[];
  scale: ScaleKind;
  axis: ValueAxis;
  tickFormatter: (v: number) => string;
  /** Row height when labels sit beside the bars. */
  rowHeight: number;
  /** How far before the bar's end a label inside the bar ends (clear of what the chart draws there). */
  labelInset: number;
  /** Classes and test id of the plot, the marks layer and each row, for the chart's own styles and tests. */
  className: string;
  testId: string;
  marksClassName: string;
  rowClassName: string;
  sectionHeading: (kind: RunKind, count: number) => string;
  /** Tooltip of a family bracket, given the family id. */
  familyTip: (family: string) => string;
  drawRow: (row: R, geometry: RowGeometry) => RowDrawing;
  /**
   * A row's short value label. Given, the value axis ends early enough that every short label fits
   * after its bar, so no label is drawn on a bar (hatched estimates made such labels unreadable).
   */
  shortLabel?: (row: R) => string;
  /** The annotations' value lines and bands (their badges sit in a strip above the rows). */
  guides?: readonly PlotGuide[];
}

export function BarRowsPlot<R extends BarRow>({
  rows,
  scale,
  axis,
  tickFormatter,
  rowHeight,
  className,
  testId,
  shortLabel,
  guides = NO_GUIDES,
  ...marks
}: Props<R>) {
  const items = useMemo(() => withSections(rows), [rows]);
  const boxRef = useRef<HTMLDivElement>(null);
  // Measured here rather than by recharts' ResponsiveContainer, so the plot draws at the paper's width when printed.
  const { width, measured } = useChartSize(boxRef, 720);
  // Names get at most ~30% of the width, so a phone keeps room for the bars and their labels.
  const nameWidth = Math.round(Math.min(150, width * 0.3, Math.max(64, ...rows.map((r) => estimateGlyphWidth(r.name, NAME_FONT) + 18))));
  const stacked = width - nameWidth - MARGIN.right < STACK_BELOW;
  const top = MARGIN.top + (guides.length > 0 ? GUIDE_STRIP : 0);
  const height = items.length * (stacked ? ROW_STACKED : rowHeight) + top + MARGIN.bottom + X_AXIS_HEIGHT;
  // Stacked rows put labels on a line of their own; beside the bars, the axis leaves room for the widest.
  const reserve =
    shortLabel && !stacked
      ? Math.min(
          Math.round((width - nameWidth) * 0.4),
          Math.ceil(Math.max(0, ...rows.map((r) => estimateGlyphWidth(shortLabel(r), LABEL_FONT))) + 10),
        )
      : 0;
  const margin = { ...MARGIN, top, right: Math.max(MARGIN.right, reserve) };
  // About 48 px per tick label, in regular steps (every power of ten, or every other one on a phone).
  const ticks = thinTicks(axis.ticks, Math.max(2, Math.floor((width - nameWidth - margin.right) / 48)));
  return (
    <div
      ref={boxRef}
      className={`bar-rows-plot ${className}`}
      data-testid={testId}
      data-scale={scale}
      data-stacked={stacked ? 'true' : undefined}
      data-width={width}
      style={measured ? undefined : { height }}
    >
      {/* The first chart on the page waits for its box's width (the ResizeObserver reports it before
          that frame is painted) rather than drawing at a guess and again, in full, at the real width. */}
      {measured && (
        <BarChart width={width} height={height} layout="vertical" data={items} margin={margin} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} horizontalCoordinatesGenerator={noGridLines} strokeDasharray="2 3" />
          <XAxis
            type="number"
            scale={scale}
            domain={axis.domain}
            ticks={ticks}
            allowDataOverflow
            height={X_AXIS_HEIGHT}
            fontSize={11}
            // Every tick is drawn: they were thinned above, so recharts need not measure each label in
            // the DOM; the first and last are aligned inwards so they stay inside the chart.
            interval={0}
            tick={(p: AxisTickProps) => (
              <EdgeTick {...p} plotLeft={nameWidth + margin.left} plotRight={width - margin.right} format={tickFormatter} />
            )}
          />
          <YAxis type="category" dataKey="key" width={nameWidth} tick={false} tickLine={false} axisLine={false} />
          <ZIndexLayer zIndex={300}>
            <BarRowsMarks
              items={items}
              stacked={stacked}
              nameWidth={nameWidth}
              rowHeight={rowHeight}
              labelRight={width - 4}
              guides={guides}
              {...marks}
            />
          </ZIndexLayer>
        </BarChart>
      )}
    </div>
  );
}

const NO_GUIDES: readonly PlotGuide[] = [];

type AxisTickProps = { x: number | string; y: number | string; payload: { value: number } };

/** A value-axis label, anchored at its start or end near the plot's edges (recharts' own would stick out there). */
function EdgeTick({
  x,
  y,
  payload,
  plotLeft,
  plotRight,
  format,
}: AxisTickProps & { plotLeft: number; plotRight: number; format: (v: number) => string }) {
  const px = Number(x);
  const label = format(payload.value);
  const half = estimateGlyphWidth(label, 11) / 2 + 1;
  const anchor = px - plotLeft < half ? 'start' : plotRight - px < half ? 'end' : 'middle';
  return (
    <text x={px} y={Number(y)} dy="0.71em" textAnchor={anchor} fontSize={11} className="recharts-text recharts-cartesian-axis-tick-value">
      {label}
    </text>
  );
}

/** Rows in order, with a section heading before the first row of each run kind. */
function withSections<R extends BarRow>(rows: readonly R[]): Item<R>[] {
  const items: Item<R>[] = [];
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

/** Fits a name into the name column: first without its parenthetical ("Dolly 1.0 (dolly-v1-6b)" → "Dolly 1.0"), then with an ellipsis. */
function truncate(text: string, width: number, fontSize: number): string {
  if (estimateGlyphWidth(text, fontSize) <= width) return text;
  const short = text.replace(/\s*\(.*\)\s*$/, '');
  if (short && estimateGlyphWidth(short, fontSize) <= width) return short;
  let out = short || text;
  while (out.length > 1 && estimateGlyphWidth(`${out}…`, fontSize) > width) out = out.slice(0, -1);
  return `${out}…`;
}

type MarksProps<R extends BarRow> = Pick<
  Props<R>,
  'labelInset' | 'marksClassName' | 'rowClassName' | 'sectionHeading' | 'familyTip' | 'drawRow' | 'rowHeight'
> & {
  items: Item<R>[];
  stacked: boolean;
  nameWidth: number;
  guides: readonly PlotGuide[];
  /** How far right a value label may reach: the chart's edge, past the value axis's end. */
  labelRight: number;
};

function BarRowsMarks<R extends BarRow>({
  items,
  stacked,
  nameWidth,
  rowHeight,
  labelRight,
  labelInset,
  marksClassName,
  rowClassName,
  sectionHeading,
  familyTip,
  drawRow,
  guides,
}: MarksProps<R>) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const linkedMark = useLinkedMark();
  if (!xScale || !yScale || !plot) return null;
  const x = (v: number) => Math.max(plot.x, Math.min(plot.x + plot.width, xScale(v) ?? plot.x));
  const top = (key: string) => yScale(key, { position: 'start' }) ?? 0;
  const band =
    items.length > 0 ? Math.abs((yScale(items[0].key, { position: 'middle' }) ?? 0) - top(items[0].key)) * 2 || rowHeight : rowHeight;
  const right = plot.x + plot.width;
  const rows = items.filter((i) => i.row).map((i) => i.row as R);
  const spans = familySpans(items.map((i) => ({ family: i.row?.family })));
  const sectionCount = (k: RunKind) => rows.filter((r) => r.runKind === k).length;

  const guideProps = { guides, x, left: plot.x, right, plotTop: plot.y, plotBottom: plot.y + plot.height };
  return (
    <g className={`bar-rows ${marksClassName}`}>
      <GuideMarks {...guideProps} layer="behind" />
      <GuideMarks {...guideProps} layer="badges" />
      {spans.map((s) => {
        const y1 = top(items[s.from].key) + 5;
        const y2 = top(items[s.to].key) + band - 5;
        // Just left of the longest name in the group.
        const widest = Math.max(
          ...items
            .slice(s.from, s.to + 1)
            .map((it) => estimateGlyphWidth(truncate(it.row?.name ?? '', nameWidth - 16, NAME_FONT), NAME_FONT)),
        );
        const bx = Math.max(3, nameWidth - 9 - widest - 8);
        return (
          <g key={`family-${s.family}-${s.from}`} className="family-bracket" data-family={s.family}>
            <title>{familyTip(s.family)}</title>
            <path d={`M${bx + 4} ${y1} H${bx} V${y2} H${bx + 4}`} />
          </g>
        );
      })}
      {items.map((item, i) => {
        const y0 = top(item.key);
        if (item.section) {
          return (
            <g key={item.key} className="section-head" data-section={item.section}>
              {i > 0 && <line x1={0} x2={Math.max(right, labelRight)} y1={y0 + 0.5} y2={y0 + 0.5} />}
              <text x={4} y={y0 + band / 2 + 4}>
                {sectionHeading(item.section, sectionCount(item.section))}
              </text>
            </g>
          );
        }
        const row = item.row as R;
        const cy = stacked ? y0 + 14 : y0 + band / 2;
        const selected = row.systemId === selectedId;
        const hovered = row.systemId === hoveredId;
        const drawing = drawRow(row, { cy, barStart: plot.x, x });
        const { full, short, markEnd, barEnd } = drawing.label;
        const label = stacked
          ? stackedLabel([full, short], plot.x, right, y0 + 35)
          : placeLabel([full, short], markEnd, plot.x, barEnd, Math.max(right, labelRight), cy + 4, labelInset);
        return (
          <g
            key={item.key}
            className={`bar-row ${rowClassName}`}
            data-system-id={row.systemId}
            data-selected={selected ? 'true' : undefined}
            data-hovered={hovered ? 'true' : undefined}
            {...drawing.data}
            {...linkedMark(row.systemId, { pressed: selected })}
            aria-label={drawing.description.replace(/\n/g, '; ')}
            data-tip={drawing.description}
          >
            <rect className="row-bg" x={0.5} y={y0 + 1} width={Math.max(right, labelRight) - 0.5} height={band - 2} rx={4} />
            <text
              className={selected ? 'row-name is-selected' : 'row-name'}
              x={nameWidth - 9}
              y={cy + 4}
              textAnchor="end"
              fontSize={NAME_FONT}
            >
              {truncate(row.name, nameWidth - 16, NAME_FONT)}
            </text>
            {drawing.marks}
            <text
              className={label.inside ? 'bar-label is-inside' : 'bar-label'}
              x={label.x}
              y={label.y}
              textAnchor={label.inside ? 'end' : 'start'}
              fontSize={LABEL_FONT}
            >
              {label.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

type Label = { text: string; x: number; y: number; inside: boolean };

/**
 * Puts the value label after the mark if it fits (the full text, else the short one), else the
 * short one inside the bar, `inset` before its end, so labels never run off the plot or over
 * another mark.
 */
function placeLabel(texts: string[], markEnd: number, barStart: number, barEnd: number, right: number, y: number, inset: number): Label {
  const [full, short] = texts;
  const fitsAfter = (text: string) => markEnd + 6 + estimateGlyphWidth(text, LABEL_FONT) <= right;
  const fitsInside = (text: string) => barEnd - barStart >= estimateGlyphWidth(text, LABEL_FONT) + (inset + 5);
  if (fitsAfter(full)) return { text: full, x: markEnd + 6, y, inside: false };
  if (fitsAfter(short)) return { text: short, x: markEnd + 6, y, inside: false };
  // Inside the bar only the short text, so most of the bar stays visible.
  if (fitsInside(short)) return { text: short, x: barEnd - inset, y, inside: true };
  return { text: short, x: Math.max(barStart + 2, right - estimateGlyphWidth(short, LABEL_FONT)), y, inside: false };
}

/** Stacked rows: the label on its own line under the bar, the full text if the plot is wide enough. */
function stackedLabel(texts: string[], left: number, right: number, y: number): Label {
  const [full, short] = texts;
  return { text: estimateGlyphWidth(full, LABEL_FONT) <= right - left ? full : short, x: left, y, inside: false };
}
