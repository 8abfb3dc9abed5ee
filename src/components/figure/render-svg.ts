import { escapeXml, wrapText } from '../../lib/export-panel';
import { estimateGlyphWidth } from '../../lib/measure-text';
import { familySpans, thinTicks } from '../../selectors/run-rows';
import type { BarMark, BarPlot, FigureModel, LegendEntry, Swatch } from './figure-model';
import type { Preset } from './presets';

/*
 * Lays a figure model out for a preset's box and writes one standalone SVG string: text as text,
 * a font stack with CJK faces, presentation attributes only (no `style`, no classes), ids from the
 * panel and nothing else, numbers rounded to 0.1 — so the same model gives the same bytes in
 * Vitest, the browser and a worker. Text is measured with the per-character estimate the screen's
 * bar charts use, never by the page.
 */

export type FigureTheme = 'light' | 'dark';

const THEMES = {
  light: { background: '#ffffff', text: '#1b1f24', muted: '#57606a', rule: '#d0d7de', grid: '#d8dee4', halo: '#ffffff', track: '#f3f5f7' },
  dark: { background: '#16191d', text: '#e6edf3', muted: '#9ba6b2', rule: '#3d444d', grid: '#30363d', halo: '#16191d', track: '#1f2428' },
} as const;

type Colors = (typeof THEMES)[FigureTheme];

export interface RenderedFigure {
  svg: string;
  /** Layout size in CSS px (the PNG is this × the preset's scale). */
  width: number;
  height: number;
  /** Rows drawn and rows cut for lack of room ("and N more"). */
  rowsDrawn: number;
  rowsCut: number;
  notesCut: number;
}

/**
 * Fonts by language. In English a Latin face comes first, so quotes and apostrophes are not drawn
 * full-width from a CJK face; DejaVu Sans stands in on Linux machines without Arial or Noto Sans.
 * In Chinese the CJK faces come first, whose full-width punctuation is right there.
 */
const LATIN_FONTS = "'Noto Sans', Arial, 'Liberation Sans', 'DejaVu Sans'";
const CJK_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'";
export function figureFont(lang: string): string {
  return lang.startsWith('zh') ? `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif` : `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const BOLD = 1.08;

/** Wider than the screen's estimate: exported text may be set in a wider face (DejaVu Sans) than Arial. */
const SLACK = 1.08;

function measure(text: string, size: number, weight = 400): number {
  return estimateGlyphWidth(text, size) * SLACK * (weight >= 600 ? BOLD : 1);
}

/** An SVG element as a string; attributes in the order given, numbers rounded. */
function tag(name: string, attrs: Record<string, string | number | undefined>, body?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r1(v) : escapeXml(v as string)}"`)
    .join('');
  return body === undefined ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

interface TextBlock {
  lines: string[];
  size: number;
  weight: number;
  lineHeight: number;
  height: number;
}

function block(text: string, width: number, size: number, weight = 400, leading = 1.3): TextBlock {
  const lines = text.trim() ? wrapText(text.trim(), width, (s) => measure(s, size, weight)) : [];
  const lineHeight = size * leading;
  return { lines, size, weight, lineHeight, height: lines.length * lineHeight };
}

function drawBlock(b: TextBlock, x: number, top: number, fill: string, id?: string): string {
  const body = b.lines
    .map((line, i) =>
      tag(
        'text',
        { x, y: top + i * b.lineHeight + b.size * 0.95, 'font-size': b.size, 'font-weight': b.weight === 400 ? undefined : b.weight, fill },
        escapeXml(line),
      ),
    )
    .join('');
  return id ? tag('g', { id }, body) : body;
}

/** Width a legend swatch takes, in em. */
function swatchEm(s: Swatch): number {
  return s.kind === 'range' ? 2.2 : s.kind === 'family' ? 0.7 : 1.1;
}

function drawSwatch(s: Swatch, x: number, cy: number, em: number, c: Colors): string {
  const h = em * 0.8;
  const top = cy - h / 2;
  switch (s.kind) {
    case 'color':
      return tag('rect', { x, y: top, width: em * 1.1, height: h, fill: s.color, 'fill-opacity': 0.9, stroke: s.color, 'stroke-width': 1 });
    case 'reported':
      return tag('rect', {
        x,
        y: top,
        width: em * 1.1,
        height: h,
        fill: '#8C8C8C',
        'fill-opacity': 0.9,
        stroke: '#8C8C8C',
        'stroke-width': 1,
      });
    case 'estimated':
      return tag('rect', {
        x,
        y: top,
        width: em * 1.1,
        height: h,
        fill: `url(#${hatchRef('#8C8C8C')})`,
        stroke: '#8C8C8C',
        'stroke-width': 1,
        'stroke-dasharray': '3 2',
      });
    case 'upper':
      return (
        tag('line', { x1: x + em * 0.9, x2: x + em * 0.9, y1: top - 1, y2: top + h + 1, stroke: c.text, 'stroke-width': 1.3 }) +
        tag('path', {
          d: `M${r1(x + em * 0.8)} ${r1(cy - h * 0.4)} L${r1(x + em * 0.2)} ${r1(cy)} L${r1(x + em * 0.8)} ${r1(cy + h * 0.4)} Z`,
          fill: c.text,
        })
      );
    case 'range':
      return (
        tag('line', { x1: x + em * 0.3, x2: x + em * 1.9, y1: cy, y2: cy, stroke: c.text, 'stroke-width': 1.3 }) +
        tag('circle', { cx: x + em * 0.35, cy, r: em * 0.3, fill: '#8C8C8C', stroke: '#8C8C8C' }) +
        tag('circle', { cx: x + em * 1.85, cy, r: em * 0.3, fill: c.background, stroke: '#8C8C8C', 'stroke-dasharray': '2 1.5' })
      );
    case 'family':
      return tag('path', {
        d: `M${r1(x + em * 0.6)} ${r1(top)} H${r1(x + em * 0.2)} V${r1(top + h)} H${r1(x + em * 0.6)}`,
        fill: 'none',
        stroke: c.muted,
        'stroke-width': 1.3,
      });
  }
}

function hatchRef(color: string): string {
  return `hatch-${color.replace('#', '').toLowerCase()}`;
}

function hatchDefs(colors: Iterable<string>, scale: number): string {
  const size = r1(6 * scale);
  return [...new Set(colors)]
    .sort()
    .map((color) =>
      tag(
        'pattern',
        { id: hatchRef(color), patternUnits: 'userSpaceOnUse', width: size, height: size, patternTransform: 'rotate(45)' },
        tag('rect', { width: size, height: size, fill: color, 'fill-opacity': 0.25 }) +
          tag('line', { x1: 0, y1: 0, x2: 0, y2: size, stroke: color, 'stroke-width': r1(2.5 * scale) }),
      ),
    )
    .join('');
}

interface LegendLayout {
  height: number;
  draw: (top: number) => string;
}

function layoutLegend(entries: readonly LegendEntry[], x0: number, width: number, size: number, c: Colors): LegendLayout {
  const rowH = size * 1.5;
  const placed: { entry: LegendEntry; x: number; row: number; lines: string[] }[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const sw = swatchEm(entry.swatch) * size;
    const textW = measure(entry.label, size);
    const w = sw + size * 0.4 + textW + size * 1.2;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    // An entry longer than the line wraps under its own text.
    const lines = sw + size * 0.4 + textW > width ? wrapText(entry.label, width - sw - size * 0.4, (s) => measure(s, size)) : [entry.label];
    placed.push({ entry, x, row, lines });
    if (lines.length > 1) {
      row += lines.length;
      x = 0;
    } else x += w;
  }
  const rows = placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.row + p.lines.length));
  return {
    height: rows * rowH,
    draw: (top) =>
      tag(
        'g',
        { id: 'figure-legend' },
        placed
          .map((p) => {
            const cy = top + p.row * rowH + rowH / 2;
            const sw = swatchEm(p.entry.swatch) * size;
            return (
              drawSwatch(p.entry.swatch, x0 + p.x, cy, size, c) +
              p.lines
                .map((line, i) =>
                  tag(
                    'text',
                    { x: x0 + p.x + sw + size * 0.4, y: cy + i * rowH + size * 0.35, 'font-size': size, fill: c.text },
                    escapeXml(line),
                  ),
                )
                .join('')
            );
          })
          .join(''),
      ),
  };
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

interface PlotLayout {
  height: number;
  rowsDrawn: number;
  rowsCut: number;
  draw: (top: number) => string;
  hatchColors: string[];
}

function barSizes(base: number) {
  const nameSize = base * 0.9;
  const labelSize = base * 0.85;
  const tickSize = base * 0.8;
  return { nameSize, labelSize, tickSize, axisH: tickSize * 2, minRow: Math.max(labelSize * 1.45, nameSize * 1.4), maxRow: base * 2.3 };
}

/** The plot's height with every row (and section heading) at its smallest. */
function plotHeightAtMin(plot: BarPlot, base: number, width: number): number {
  const { axisH, minRow } = barSizes(base);
  if (plot.rows.length === 0) return block(plot.empty, width, base).height;
  return plotItems(plot, Infinity).items.length * minRow + axisH;
}

function layoutBars(plot: BarPlot, x0: number, width: number, base: number, maxHeight: number | null, c: Colors): PlotLayout {
  const { nameSize, labelSize, tickSize, axisH, minRow, maxRow } = barSizes(base);
  if (plot.rows.length === 0) {
    const b = block(plot.empty, width, base);
    return {
      height: b.height,
      rowsDrawn: 0,
      rowsCut: 0,
      hatchColors: [],
      draw: (top) => tag('g', { id: 'figure-plot' }, drawBlock(b, x0, top, c.muted)),
    };
  }
  const fitItems = maxHeight === null ? Infinity : Math.max(2, Math.floor((maxHeight - axisH) / minRow));
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

  const draw = (top: number) => {
    const parts: string[] = [];
    const bottom = top + items.length * rowH;
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

function drawMark(m: BarMark, x: (v: number) => number, cy: number, bar: number, px0: number, c: Colors): { svg: string; end: number } {
  switch (m.kind) {
    case 'segment': {
      const from = m.from <= 0 ? px0 : x(m.from);
      const to = Math.max(from + 1.5, x(m.to));
      return {
        svg: tag('rect', {
          x: from,
          y: cy - bar / 2,
          width: to - from,
          height: bar,
          fill: m.estimated ? `url(#${hatchRef(m.color)})` : m.color,
          'fill-opacity': m.estimated ? undefined : 0.9,
          stroke: m.color,
          'stroke-width': 1.2,
          'stroke-dasharray': m.estimated ? '4 3' : undefined,
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

export interface RenderOptions {
  theme?: FigureTheme;
  /**
   * In a fixed box, the smallest body size to shrink to (in 0.5 px steps) before rows are cut
   * with "and N more"; by default 80% of the preset's, never below 11 px.
   */
  minFont?: number;
}

/**
 * The figure for one preset: header (title, filters, description), the plot, the legend, notes
 * and the footer (dashboard, data date, licence, permalink). A fixed-height box gives the plot what
 * the text leaves and cuts rows and notes with "and N more"; a journal column grows with its content.
 */
export function renderFigureSvg(model: FigureModel, preset: Preset, options: RenderOptions = {}): RenderedFigure {
  let out = renderAt(model, preset, options);
  if (preset.height === null) return out;
  const floor = Math.max(11, options.minFont ?? preset.baseFont * 0.8);
  // Type gives way a little before rows do: a legible figure that shows every row beats a larger one that cuts some.
  for (let base = preset.baseFont - 0.5; out.rowsCut > 0 && base >= floor; base -= 0.5)
    out = renderAt(model, { ...preset, baseFont: base }, options);
  return out;
}

function renderAt(model: FigureModel, preset: Preset, options: RenderOptions): RenderedFigure {
  const c = THEMES[options.theme ?? 'light'];
  const base = preset.baseFont;
  const W = preset.width;
  const pad = Math.round(Math.max(8, base * 1.1));
  const inner = W - 2 * pad;
  const gap = base * 0.6;

  const title = block(model.title, inner, base * 1.5, 700, 1.2);
  const subtitle = block(model.subtitle, inner, base * 0.9);
  const description = block(model.description, inner, base * 0.9);
  const headerH = title.height + subtitle.height + description.height + gap * 2;

  const noteSize = base * 0.78;
  const footerSize = base * 0.72;
  const footerText = `${model.footer.app} · ${model.footer.dataDate} · ${model.footer.licence}`;
  const footer = block(footerText, inner, footerSize);
  const link = block(model.footer.link, inner, footerSize);
  const footerH = footer.height + link.height + gap;
  const legend = layoutLegend(model.plot.rows.length > 0 ? model.legend : [], pad, inner, base * 0.82, c);
  const source = block(model.sourceNote, inner, noteSize);

  const noteBlocks = model.notes.map((n) => ({ note: n, b: block(n.text, inner, noteSize) }));
  const fixed = headerH + legend.height + source.height + footerH + 2 * pad + gap * 3;
  let notes = noteBlocks.map((n) => n.b);
  let notesCut = 0;
  let plotMax: number | null = null;
  if (preset.height !== null) {
    // The plot comes first: it gets the room its rows need at their smallest (less what the
    // essential notes take); the other notes fill what is left, in order, then "and N more".
    const avail = preset.height - fixed;
    const essentialH = noteBlocks.filter((n) => n.note.essential).reduce((sum, n) => sum + n.b.height, 0);
    const plotTarget = Math.max(base * 6, Math.min(plotHeightAtMin(model.plot, base, inner), avail - essentialH - noteSize * 1.3));
    const budget = avail - plotTarget;
    let used = essentialH;
    const keep = new Set<number>();
    noteBlocks.forEach((n, i) => n.note.essential && keep.add(i));
    const moreH = noteSize * 1.3;
    noteBlocks.forEach((n, i) => {
      if (n.note.essential) return;
      if (used + n.b.height + moreH <= budget || (i === noteBlocks.length - 1 && used + n.b.height <= budget)) {
        keep.add(i);
        used += n.b.height;
      }
    });
    // A box too small even for the plot's minimum and the essential notes: notes give way, last first.
    const minPlot = Math.min(plotHeightAtMin(model.plot, base, inner), base * 6);
    const kept = () => noteBlocks.filter((_, i) => keep.has(i));
    const keptH = () => kept().reduce((sum, n) => sum + n.b.height, 0) + (keep.size < noteBlocks.length ? moreH : 0);
    while (keep.size > 0 && avail - keptH() < minPlot) keep.delete(Math.max(...keep));
    notesCut = noteBlocks.length - keep.size;
    notes = kept().map((n) => n.b);
    if (notesCut > 0) notes.push(block(moreNotesText(model, notesCut), inner, noteSize));
    plotMax = Math.max(minPlot, avail - notes.reduce((sum, b) => sum + b.height, 0));
  }
  const plot = layoutBars(model.plot, pad, inner, base, plotMax, c);
  const notesH = notes.reduce((sum, b) => sum + b.height, 0);

  const height = preset.height ?? Math.ceil(fixed + notesH + plot.height);
  const parts: string[] = [];
  let y = pad;
  parts.push(
    tag(
      'g',
      { id: 'figure-header' },
      drawBlock(title, pad, y, c.text) +
        drawBlock(subtitle, pad, y + title.height + gap * 0.4, c.muted) +
        drawBlock(description, pad, y + title.height + subtitle.height + gap * 0.8, c.text),
    ),
  );
  y += headerH;
  parts.push(plot.draw(y));
  y += plot.height + gap;
  parts.push(legend.draw(y));
  y += legend.height + gap;
  const noteParts: string[] = [];
  for (const b of notes) {
    noteParts.push(drawBlock(b, pad, y, c.muted));
    y += b.height;
  }
  noteParts.push(drawBlock(source, pad, y, c.muted));
  parts.push(tag('g', { id: 'figure-notes' }, noteParts.join('')));
  // The footer sits at the bottom of a fixed box, under a rule.
  const footerTop = height - pad - footer.height - link.height;
  parts.push(
    tag(
      'g',
      { id: 'figure-footer' },
      tag('line', { x1: pad, x2: pad + inner, y1: footerTop - gap / 2, y2: footerTop - gap / 2, stroke: c.rule, 'stroke-width': 1 }) +
        drawBlock(footer, pad, footerTop, c.muted) +
        drawBlock(link, pad, footerTop + footer.height, c.muted),
    ),
  );

  const size =
    preset.widthMm !== undefined
      ? { width: `${preset.widthMm}mm`, height: `${r1((height / W) * preset.widthMm)}mm` }
      : { width: String(W), height: String(height) };
  const desc = [model.description, ...model.notes.map((n) => n.text), model.sourceNote].join(' ');
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${r1(W)} ${r1(height)}" font-family="${escapeXml(figureFont(model.lang))}" lang="${escapeXml(model.lang)}" data-preset="${preset.id}">` +
    tag('title', {}, escapeXml(model.title)) +
    tag('desc', {}, escapeXml(desc)) +
    tag('defs', {}, hatchDefs([...plot.hatchColors, '#8C8C8C'], base / 13)) +
    tag('rect', { width: W, height, fill: c.background }) +
    parts.join('\n') +
    `</svg>\n`;
  return { svg, width: W, height, rowsDrawn: plot.rowsDrawn, rowsCut: plot.rowsCut, notesCut };
}

function moreNotesText(model: FigureModel, n: number): string {
  return fill(model.moreNotes, n);
}

function fill(template: string, n: number): string {
  return template.replace('{more}', String(n));
}
