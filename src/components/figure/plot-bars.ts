import { thinTicks, familySpans } from '../../selectors/run-rows';
import { escapeXml } from '../../lib/export-panel';
import type { BarLane, BarMark, BarPlot } from './figure-model';
import { fill, hatchRef, measure, r1, tag, type Colors } from './svg-kit';
import { drawGuides, guideStripHeight } from './plot-guides';

/*
 * The bar plot: one row per system, a name column, a value axis (log or linear) that leaves room
 * after the longest mark for the widest label, section headings, family brackets, and rows cut
 * with "and N more" (the essential ones kept) when a fixed box has no room for all.
 */

/** What a plot kind gives the figure renderer: its height, what it drew and cut, and its drawing at a top edge. */
export interface PlotLayout {
  height: number;
  rowsDrawn: number;
  rowsCut: number;
  draw: (top: number) => string;
  hatchColors: string[];
}

/** Fits a name into the name column: first without its parenthetical, then with an ellipsis. */
function fitName(text: string, width: number, size: number): string {
  if (measure(text, size) <= width) return text;
  const short = text.replace(/\s*\(.*\)\s*$/, '');
  if (short && measure(short, size) <= width) return short;
  let out = short || text;
  while (out.length > 1 && measure(`${out}…`, size) > width) out = out.slice(0, -1);
  return `${out}…`;
}

type Item = { section: number } | { row: BarPlot['rows'][number] } | { more: number };

/** Rows in order with a heading before each section, cut to `max` items with an "and N more" line. */
function plotItems(plot: BarPlot, max: number): { items: Item[]; cut: number } {
  const all: Item[] = [];
  let current = -1;
  for (const row of plot.rows) {
    if (row.section !== current) {
      current = row.section;
      all.push({ section: current });
    }
    all.push({ row });
  }
  if (all.length <= max) return { items: all, cut: 0 };
  // Essential rows first, then the others in order while they fit (one line left for "and N more");
  // a section's heading comes with its first kept row, so no heading stands without a row under it.
  const budget = Math.max(1, max - 1);
  const rows = new Set<BarPlot['rows'][number]>();
  const headings = new Set<number>();
  let used = 0;
  const take = (row: BarPlot['rows'][number]) => {
    const cost = headings.has(row.section) ? 1 : 2;
    if (used + cost > budget) return;
    used += cost;
    headings.add(row.section);
    rows.add(row);
  };
  for (const row of plot.rows) if (row.essential) take(row);
  for (const row of plot.rows) if (!rows.has(row)) take(row);
  const kept = all.filter((i) => ('section' in i ? headings.has(i.section) : 'row' in i && rows.has(i.row)));
  const cut = plot.rows.length - rows.size;
  return { items: [...kept, { more: cut }], cut };
}

function barSizes(base: number) {
  const nameSize = base * 0.9;
  const labelSize = base * 0.85;
  const tickSize = base * 0.8;
  return { nameSize, labelSize, tickSize, axisH: tickSize * 2, minRow: Math.max(labelSize * 1.45, nameSize * 1.4), maxRow: base * 2.3 };
}

/** The plot's height with every row (and section heading) at its smallest. */
export function plotHeightAtMin(plot: BarPlot, base: number): number {
  const { axisH, minRow, tickSize } = barSizes(base);
  return plotItems(plot, Infinity).items.length * minRow + axisH + guideStripHeight(plot.guides, tickSize);
}

export function layoutBars(plot: BarPlot, x0: number, width: number, base: number, maxHeight: number | null, c: Colors): PlotLayout {
  const { nameSize, labelSize, tickSize, axisH: bareAxisH, minRow, maxRow } = barSizes(base);
  // The guides' badge strip sits above the rows; to the row arithmetic it is part of the axis.
  const stripH = guideStripHeight(plot.guides, tickSize);
  const axisH = bareAxisH + stripH;
  // The small epsilon: a box sized for exactly n rows must not lose one to rounding.
  const fitItems = maxHeight === null ? Infinity : Math.max(2, Math.floor((maxHeight - axisH) / minRow + 1e-6));
  const { items, cut } = plotItems(plot, fitItems);
  const rowH = maxHeight === null ? maxRow : Math.max(minRow, Math.min(maxRow, (maxHeight - axisH) / items.length));
  const bar = Math.min(rowH * 0.52, base * 1.05);

  const names = items.flatMap((i) => ('row' in i ? [i.row.name] : []));
  const nameW = Math.ceil(Math.min(width * 0.32, Math.max(base * 4, ...names.map((n) => measure(n, nameSize) + nameSize * 1.4))));
  // Room after the longest mark for the widest short label, so every label sits outside its bar.
  const shorts = items.flatMap((i) => ('row' in i ? [measure(i.row.label.short, labelSize)] : []));
  const reserve = Math.min(width * 0.42, Math.max(0, ...shorts) + labelSize * 0.8);
  const px0 = x0 + nameW;
  const px1 = x0 + width - reserve;
  const [d0, d1] = plot.domain;
  const x = (v: number) => {
    let t: number;
    if (plot.scale === 'log') t = v <= 0 ? 0 : (Math.log10(v) - Math.log10(d0)) / (Math.log10(d1) - Math.log10(d0));
    else t = (v - d0) / (d1 - d0);
    return px0 + Math.max(0, Math.min(1, t)) * (px1 - px0);
  };
  const tickW = Math.max(...plot.ticks.map((t) => measure(t.label, tickSize)));
  const tickValues = thinTicks(
    plot.ticks.map((t) => t.value),
    Math.max(2, Math.floor((px1 - px0) / (tickW + tickSize * 1.2))),
  );
  const ticks = plot.ticks.filter((t) => tickValues.includes(t.value));
  const hatchColors = plot.rows.flatMap((r) => r.marks.flatMap((m) => (m.kind === 'segment' && m.estimated ? [m.color] : [])));
  const height = items.length * rowH + axisH;

  const draw = (stripTop: number) => {
    const parts: string[] = [];
    const top = stripTop + stripH;
    const bottom = top + items.length * rowH;
    const guides = drawGuides(plot.guides, x, px0, px1, stripTop, bottom, tickSize, c);
    parts.push(guides.behind, guides.strip);
    for (const t of ticks) {
      const tx = x(t.value);
      parts.push(tag('line', { x1: tx, x2: tx, y1: top, y2: bottom, stroke: c.grid, 'stroke-width': 1, 'stroke-dasharray': '2 3' }));
      const anchor = tx - px0 < tickW / 2 ? 'start' : px1 - tx < tickW / 2 ? 'end' : 'middle';
      parts.push(
        tag(
          'text',
          { x: tx, y: bottom + tickSize * 1.35, 'font-size': tickSize, 'text-anchor': anchor, fill: c.muted },
          escapeXml(t.label),
        ),
      );
    }
    parts.push(tag('line', { x1: px0, x2: px1, y1: bottom, y2: bottom, stroke: c.rule, 'stroke-width': 1 }));
    const rowTop = (i: number) => top + i * rowH;
    // Family brackets: rows that are sizes of one model, just left of their longest name.
    const rowItems = items.map((i) => ('row' in i ? { family: i.row.family } : {}));
    for (const s of familySpans(rowItems)) {
      const widest = Math.max(
        ...items
          .slice(s.from, s.to + 1)
          .map((i) => ('row' in i ? measure(fitName(i.row.name, nameW - nameSize * 1.4, nameSize), nameSize) : 0)),
      );
      const bx = Math.max(x0 + 1, px0 - nameSize * 0.7 - widest - nameSize * 0.6);
      const y1 = rowTop(s.from) + rowH * 0.2;
      const y2 = rowTop(s.to) + rowH * 0.8;
      parts.push(
        tag('path', {
          d: `M${r1(bx + 4)} ${r1(y1)} H${r1(bx)} V${r1(y2)} H${r1(bx + 4)}`,
          fill: 'none',
          stroke: c.muted,
          'stroke-width': 1.2,
        }),
      );
    }
    items.forEach((item, i) => {
      const y0 = rowTop(i);
      const cy = y0 + rowH / 2;
      if ('section' in item) {
        if (i > 0) parts.push(tag('line', { x1: x0, x2: x0 + width, y1: y0 + 0.5, y2: y0 + 0.5, stroke: c.rule, 'stroke-width': 1 }));
        parts.push(
          tag(
            'text',
            { x: x0, y: cy + tickSize * 0.35, 'font-size': tickSize, 'font-weight': 600, fill: c.muted },
            escapeXml(plot.sections[item.section] ?? ''),
          ),
        );
        return;
      }
      if ('more' in item) {
        parts.push(
          tag(
            'text',
            { x: x0, y: cy + tickSize * 0.35, 'font-size': tickSize, 'font-style': 'italic', fill: c.muted },
            escapeXml(fill(plot.moreRows, item.more)),
          ),
        );
        return;
      }
      const row = item.row;
      const marks: string[] = [];
      let markEnd = px0;
      for (const m of row.marks) {
        const { svg, end } = drawMark(m, x, cy, bar, px0, c);
        marks.push(svg);
        markEnd = Math.max(markEnd, end);
      }
      const room = x0 + width - (markEnd + labelSize * 0.5);
      const label = measure(row.label.full, labelSize) <= room ? row.label.full : row.label.short;
      parts.push(
        tag(
          'g',
          { id: `row-${row.id}` },
          tag(
            'text',
            { x: px0 - nameSize * 0.7, y: cy + nameSize * 0.35, 'font-size': nameSize, 'text-anchor': 'end', fill: c.text },
            escapeXml(fitName(row.name, nameW - nameSize * 1.4, nameSize)),
          ) +
            marks.join('') +
            // The label sits after the last mark, on a halo so a grid line never cuts through it.
            tag(
              'text',
              {
                x: markEnd + labelSize * 0.5,
                y: cy + labelSize * 0.35,
                'font-size': labelSize,
                fill: c.text,
                stroke: c.halo,
                'stroke-width': 3,
                'stroke-linejoin': 'round',
                'paint-order': 'stroke',
              },
              escapeXml(label),
            ),
        ),
      );
    });
    return tag('g', { id: 'figure-plot' }, parts.join(''));
  };
  return { height, rowsDrawn: items.filter((i) => 'row' in i).length, rowsCut: cut, draw, hatchColors };
}

/** The vertical box of a bar: the whole bar height, or its upper or lower half with a hairline between. */
function laneBox(lane: BarLane | undefined, cy: number, bar: number): { y: number; h: number } {
  if (!lane) return { y: cy - bar / 2, h: bar };
  const h = bar * 0.55;
  return lane === 'upper' ? { y: cy - h - 0.75, h } : { y: cy + 0.75, h };
}

function drawMark(m: BarMark, x: (v: number) => number, cy: number, bar: number, px0: number, c: Colors): { svg: string; end: number } {
  switch (m.kind) {
    case 'segment': {
      const from = m.from <= 0 ? px0 : x(m.from);
      const to = Math.max(from + 1.5, x(m.to));
      const { y, h } = laneBox(m.lane, cy, bar);
      return {
        svg: tag('rect', {
          x: from,
          y,
          width: to - from,
          height: h,
          fill: m.estimated ? `url(#${hatchRef(m.color)})` : m.color,
          'fill-opacity': m.estimated ? undefined : 0.9,
          stroke: m.color,
          'stroke-width': 1.2,
          'stroke-dasharray': m.estimated ? '4 3' : undefined,
        }),
        end: to,
      };
    }
    case 'outline': {
      const from = m.from <= 0 ? px0 : x(m.from);
      const to = Math.max(from + 2, x(m.to));
      const { y, h } = laneBox(m.lane, cy, bar);
      return {
        svg: tag('rect', {
          x: from + 1,
          y: y + 1,
          width: to - from - 2,
          height: h - 2,
          fill: c.background,
          stroke: m.color,
          'stroke-width': 2,
        }),
        end: to,
      };
    }
    case 'upper': {
      const ux = x(m.at);
      const arrow = ux - px0 >= 10;
      return {
        svg:
          tag('line', { x1: ux, x2: ux, y1: cy - bar / 2 - 3, y2: cy + bar / 2 + 3, stroke: c.text, 'stroke-width': 1.5 }) +
          (arrow
            ? tag('path', {
                d: `M${r1(ux - 1.5)} ${r1(cy - bar * 0.32)} L${r1(ux - 8)} ${r1(cy)} L${r1(ux - 1.5)} ${r1(cy + bar * 0.32)} Z`,
                fill: c.text,
              })
            : ''),
        end: ux + 2,
      };
    }
    case 'range':
      return { svg: tag('line', { x1: x(m.from), x2: x(m.to), y1: cy, y2: cy, stroke: c.text, 'stroke-width': 1.5 }), end: x(m.to) };
    case 'marker': {
      const mx = x(m.at);
      const r = Math.max(3, bar * 0.33);
      const fill = m.estimated ? c.background : m.color;
      const svg = m.upper
        ? tag('path', {
            d: `M${r1(mx)} ${r1(cy - r)} L${r1(mx - 1.8 * r)} ${r1(cy)} L${r1(mx)} ${r1(cy + r)} Z`,
            fill,
            stroke: m.color,
            'stroke-width': 1.3,
          })
        : tag('circle', {
            cx: mx,
            cy,
            r,
            fill,
            stroke: m.color,
            'stroke-width': 1.3,
            'stroke-dasharray': m.estimated ? '2 1.5' : undefined,
          });
      return { svg, end: mx + r };
    }
  }
}
