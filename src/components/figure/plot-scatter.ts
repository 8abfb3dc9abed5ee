import { drawGuides, guideStripHeight } from './plot-guides';
import { escapeXml } from '../../lib/export-panel';
import type { ScatterPlot } from './figure-model';
import type { PlotLayout } from './plot-bars';
import { wrapText } from '../../lib/export-panel';
import { measure, r1, tag, type Colors } from './svg-kit';

/*
 * The scatter plot: dates across, a log value axis up, one circle per system (filled when
 * reported, hollow when estimated, faint outside the trend's period), a few names, the fitted
 * line and its sentence above the plot. `scatterFrame` is the geometry the screen draws with too,
 * so the page and every export place points, ticks and the line alike.
 */

export interface ScatterFrame {
  /** The plot area inside the axes, relative to the plot's top-left corner. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: (ms: number) => number;
  y: (value: number) => number;
  xTicks: { value: number; label: string }[];
  yTicks: { value: number; label: string }[];
  radius: number;
  /** The trend sentence, wrapped to the width; line `i` has its baseline at `trendY + i * trendLine`. */
  trendLines: string[];
  trendY: number;
  trendLine: number;
  /** Text sizes: tick labels, point names, the trend sentence. */
  tickSize: number;
  labelSize: number;
  trendSize: number;
  /** The annotation guides' badge strip, just above the plot (0 without guides). */
  stripH: number;
}

/**
 * Keeps every `step`-th tick, the smallest step whose labels are `gap` apart along the axis,
 * counted from the first tick or (`fromEnd`: the value axis, whose top tick is the plot's top
 * edge) from the last, so that edge keeps its label.
 */
function thin<T extends { value: number; label: string }>(
  ticks: readonly T[],
  pos: (v: number) => number,
  room: (t: T) => number,
  fromEnd = false,
): T[] {
  for (let step = 1; step <= ticks.length; step++) {
    const kept = ticks.filter((_, i) => (fromEnd ? ticks.length - 1 - i : i) % step === 0);
    if (kept.every((t, i) => i === 0 || Math.abs(pos(t.value) - pos(kept[i - 1].value)) >= room(t))) return kept;
  }
  return fromEnd ? ticks.slice(-1) : ticks.slice(0, 1);
}

export function scatterFrame(plot: ScatterPlot, width: number, height: number, base: number): ScatterFrame {
  const tickSize = base * 0.78;
  const labelSize = base * 0.78;
  const trendSize = base * 0.9;
  const widestY = Math.max(0, ...plot.yTicks.map((t) => measure(t.label, tickSize)));
  const left = Math.ceil(widestY + tickSize * 0.8);
  const right = width - Math.max(4, base * 0.5);
  // Room above for the axis title and the trend sentence (wrapped on a narrow plot), below for the year labels.
  const trendLines = wrapText(plot.trendText, width - 4, (s) => measure(s, trendSize, 600));
  const trendLine = trendSize * 1.25;
  const trendY = tickSize * 1.4 + trendSize * 1.1;
  // Then the annotation guides' badge strip, if any.
  const stripH = guideStripHeight(plot.guides, tickSize);
  const top = Math.ceil(trendY + (trendLines.length - 1) * trendLine + trendSize * 0.6 + stripH);
  const bottom = height - Math.ceil(tickSize * 2);
  const [x0, x1] = plot.xDomain;
  const [l0, l1] = plot.yDomain.map(Math.log10);
  const x = (ms: number) => left + ((ms - x0) / (x1 - x0 || 1)) * (right - left);
  const y = (v: number) => bottom - ((Math.log10(v) - l0) / (l1 - l0 || 1)) * (bottom - top);
  const xTicks = thin(plot.xTicks, x, (t) => measure(t.label, tickSize) + tickSize * 1.2);
  const yTicks = thin(plot.yTicks, y, () => tickSize * 1.8, true);
  const radius = Math.max(2, Math.min(4.5, 900 / Math.max(1, plot.points.length))) * Math.max(1, base / 14);
  return { left, right, top, bottom, x, y, xTicks, yTicks, radius, trendLines, trendY, trendLine, tickSize, labelSize, trendSize, stripH };
}

export function scatterHeightAtMin(base: number): number {
  return base * 16;
}

/** A name beside its point: to the right, or to the left where it would run past the plot. */
export function placePointLabel(frame: ScatterFrame, px: number, text: string): { x: number; anchor: 'start' | 'end' } {
  const w = measure(text, frame.labelSize);
  return px + frame.radius + 3 + w <= frame.right
    ? { x: px + frame.radius + 3, anchor: 'start' }
    : { x: px - frame.radius - 3, anchor: 'end' };
}

export function layoutScatter(plot: ScatterPlot, x0: number, width: number, base: number, maxHeight: number | null, c: Colors): PlotLayout {
  const natural = Math.max(scatterHeightAtMin(base), Math.min(width * 0.55, base * 34));
  const height = maxHeight === null ? natural : Math.max(scatterHeightAtMin(base) * 0.75, Math.min(natural, maxHeight));
  const f = scatterFrame(plot, width, height, base);
  const draw = (top: number) => {
    const parts: string[] = [];
    const X = (ms: number) => x0 + f.x(ms);
    const Y = (v: number) => top + f.y(v);
    // Grid and axes.
    for (const t of f.yTicks) {
      parts.push(tag('line', { x1: x0 + f.left, x2: x0 + f.right, y1: Y(t.value), y2: Y(t.value), stroke: c.grid, 'stroke-width': 1 }));
      parts.push(
        tag(
          'text',
          {
            x: x0 + f.left - f.tickSize * 0.5,
            y: Y(t.value) + f.tickSize * 0.35,
            'text-anchor': 'end',
            'font-size': f.tickSize,
            fill: c.muted,
          },
          escapeXml(t.label),
        ),
      );
    }
    for (const t of f.xTicks) {
      parts.push(
        tag('line', { x1: X(t.value), x2: X(t.value), y1: top + f.bottom, y2: top + f.bottom + 4, stroke: c.muted, 'stroke-width': 1 }),
      );
      parts.push(
        tag(
          'text',
          { x: X(t.value), y: top + f.bottom + f.tickSize * 1.5, 'text-anchor': 'middle', 'font-size': f.tickSize, fill: c.muted },
          escapeXml(t.label),
        ),
      );
    }
    parts.push(
      tag('line', { x1: x0 + f.left, x2: x0 + f.right, y1: top + f.bottom, y2: top + f.bottom, stroke: c.muted, 'stroke-width': 1 }),
    );
    parts.push(tag('text', { x: x0, y: top + f.tickSize, 'font-size': f.tickSize, fill: c.muted }, escapeXml(plot.yTitle)));
    parts.push(
      tag(
        'g',
        { id: 'scatter-trend-text' },
        f.trendLines
          .map((line, i) =>
            tag(
              'text',
              { x: x0, y: top + f.trendY + i * f.trendLine, 'font-size': f.trendSize, 'font-weight': 600, fill: c.text },
              escapeXml(line),
            ),
          )
          .join(''),
      ),
    );
    const guides = drawGuides(plot.guides, X, x0 + f.left, x0 + f.right, top + f.top - f.stripH, top + f.bottom, f.tickSize, c);
    parts.push(guides.behind, guides.strip);
    // Faint points first, so the period's points sit on top.
    const ordered = [...plot.points.filter((p) => p.faded), ...plot.points.filter((p) => !p.faded)];
    parts.push(
      tag(
        'g',
        { id: 'scatter-points' },
        ordered
          .map((p) =>
            tag('circle', {
              cx: X(p.x),
              cy: Y(p.y),
              r: f.radius,
              fill: p.estimated ? c.background : plot.color,
              'fill-opacity': p.estimated ? 0.6 : 0.75,
              stroke: plot.color,
              'stroke-width': p.estimated ? 1.2 : 0.8,
              opacity: p.faded ? 0.35 : undefined,
            }),
          )
          .join(''),
      ),
    );
    if (plot.trend) {
      const t = plot.trend;
      parts.push(
        tag('line', {
          id: 'scatter-trend',
          x1: X(t.x1),
          y1: Y(t.y1),
          x2: X(t.x2),
          y2: Y(t.y2),
          stroke: c.text,
          'stroke-width': 2,
          'stroke-dasharray': '6 4',
        }),
      );
    }
    for (const p of plot.points) {
      if (!p.label) continue;
      const at = placePointLabel(f, f.x(p.x), p.label);
      parts.push(
        tag(
          'text',
          {
            x: x0 + at.x,
            y: Y(p.y) + f.labelSize * 0.35,
            'text-anchor': at.anchor,
            'font-size': f.labelSize,
            fill: c.text,
            stroke: c.halo,
            'stroke-width': 3,
            'paint-order': 'stroke',
          },
          escapeXml(p.label),
        ),
      );
    }
    return tag('g', { id: 'figure-plot', 'data-points': plot.points.length }, parts.join(''));
  };
  return { height: r1(height), rowsDrawn: plot.points.length, rowsCut: 0, draw, hatchColors: [] };
}
