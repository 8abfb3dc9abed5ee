import { escapeXml, wrapText } from '../../lib/export-panel';
import type { FigureModel, LegendEntry, Swatch } from './figure-model';
import { layoutBars, plotHeightAtMin, type PlotLayout } from './plot-bars';
import { layoutTimelinePlot, timelineHeightAtMin } from './plot-timeline';
import { graphHeightAtMin, layoutGraph } from './plot-graph';
import { layoutStatements, statementsHeight } from './plot-statements';
import { layoutTables, tablesHeight } from './plot-tables';
import { layoutScatter, scatterHeightAtMin } from './plot-scatter';
import {
  block,
  drawBlock,
  figureFont,
  fill,
  hatchDefs,
  hatchRef,
  measure,
  r1,
  tag,
  THEMES,
  type Colors,
  type FigureTheme,
} from './svg-kit';

export type { FigureTheme };
import type { Preset } from './presets';

/*
 * Lays a figure model out for a preset's box and writes one standalone SVG string: text as text,
 * a font stack with CJK faces, presentation attributes only (no `style`, no classes), ids from the
 * panel and nothing else, numbers rounded to 0.1 — so the same model gives the same bytes in
 * Vitest, the browser and a worker. Text is measured with the per-character estimate the screen's
 * bar charts use, never by the page.
 */

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

/** Width a legend swatch takes, in em. */
function swatchEm(s: Swatch): number {
  return s.kind === 'range' || s.kind === 'line' ? 2.2 : s.kind === 'family' ? 0.7 : 1.1;
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
    case 'dot':
      return tag('circle', { cx: x + em * 0.55, cy, r: em * 0.38, fill: '#8C8C8C', stroke: '#8C8C8C' });
    case 'talk':
      return tag('circle', {
        cx: x + em * 0.55,
        cy,
        r: em * 0.36,
        fill: c.background,
        stroke: '#8C8C8C',
        'stroke-width': 1.5,
        'stroke-dasharray': '2 1.5',
      });
    case 'hollow':
      return tag('circle', { cx: x + em * 0.55, cy, r: em * 0.34, fill: c.background, stroke: '#8C8C8C', 'stroke-width': 1.5 });
    case 'band':
      return tag('rect', { x, y: cy - em * 0.55, width: em * 1.1, height: em * 1.1, fill: c.rule, 'fill-opacity': 0.6 });
    case 'outline':
      return tag('rect', { x: x + 1, y: top, width: em * 1.1 - 2, height: h, rx: 3, fill: 'none', stroke: c.text, 'stroke-width': 2 });
    case 'line':
      return tag('line', {
        x1: x + em * 0.1,
        x2: x + em * 2.1,
        y1: cy,
        y2: cy,
        stroke: c.text,
        'stroke-width': 1.8,
        'stroke-dasharray': s.dash,
        'stroke-linecap': 'round',
      });
    case 'family':
      return tag('path', {
        d: `M${r1(x + em * 0.6)} ${r1(top)} H${r1(x + em * 0.2)} V${r1(top + h)} H${r1(x + em * 0.6)}`,
        fill: 'none',
        stroke: c.muted,
        'stroke-width': 1.3,
      });
  }
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

/** What the renderer needs of a plot, whatever its kind: each kind lays itself out in its own file. */
interface PlotKind {
  /** False when the plot only says there is nothing to draw (then no legend either). */
  drawsMarks: boolean;
  /** Its height with everything at its smallest, for sharing a fixed box with the notes. */
  heightAtMin: (base: number, width: number) => number;
  layout: (x0: number, width: number, base: number, maxHeight: number | null, c: Colors) => PlotLayout;
}

/** A plot with nothing to draw says so, in its own words, whatever its kind. */
function plotKind(plot: FigureModel['plot']): PlotKind {
  const kind = kindOf(plot);
  if (kind.drawsMarks) return kind;
  return {
    drawsMarks: false,
    heightAtMin: (base, width) => block(plot.empty, width, base).height,
    layout: (x0, width, base, _maxHeight, c) => {
      const b = block(plot.empty, width, base);
      return {
        height: b.height,
        rowsDrawn: 0,
        rowsCut: 0,
        hatchColors: [],
        draw: (top) => tag('g', { id: 'figure-plot' }, drawBlock(b, x0, top, c.muted)),
      };
    },
  };
}

function kindOf(plot: FigureModel['plot']): PlotKind {
  switch (plot.kind) {
    case 'bars':
      return {
        drawsMarks: plot.rows.length > 0,
        heightAtMin: (base) => plotHeightAtMin(plot, base),
        layout: (x0, width, base, maxHeight, c) => layoutBars(plot, x0, width, base, maxHeight, c),
      };
    case 'graph':
      return {
        drawsMarks: plot.nodes.length > 0,
        heightAtMin: (_base, width) => graphHeightAtMin(plot, width),
        layout: (x0, width, base, maxHeight, c) => layoutGraph(plot, x0, width, base, maxHeight, c),
      };
    case 'timeline':
      return {
        drawsMarks: plot.marks.length > 0,
        heightAtMin: (base, width) => timelineHeightAtMin(plot, base, width),
        layout: (x0, width, base, maxHeight, c) => layoutTimelinePlot(plot, x0, width, base, maxHeight, c),
      };
    case 'statements':
      return {
        drawsMarks: plot.items.length > 0,
        heightAtMin: (base, width) => statementsHeight(plot, base, width),
        layout: (x0, width, base, maxHeight, c) => layoutStatements(plot, x0, width, base, maxHeight, c),
      };
    case 'scatter':
      return {
        drawsMarks: plot.points.length > 0,
        heightAtMin: (base) => scatterHeightAtMin(base),
        layout: (x0, width, base, maxHeight, c) => layoutScatter(plot, x0, width, base, maxHeight, c),
      };
    case 'tables':
      return {
        drawsMarks: plot.tables.some((t) => t.rows.length > 0),
        heightAtMin: (base, width) => tablesHeight(plot, base, width),
        layout: (x0, width, base, maxHeight, c) => layoutTables(plot, x0, width, base, maxHeight, c),
      };
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
  const legend = layoutLegend(plotKind(model.plot).drawsMarks ? model.legend : [], pad, inner, base * 0.82, c);
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
    const plotTarget = Math.max(base * 6, Math.min(plotKind(model.plot).heightAtMin(base, inner), avail - essentialH - noteSize * 1.3));
    const budget = avail - plotTarget;
    let used = essentialH;
    const keep = new Set<number>();
    noteBlocks.forEach((n, i) => n.note.essential && keep.add(i));
    const moreH = noteSize * 1.3;
    let cut = false;
    noteBlocks.forEach((n, i) => {
      if (n.note.essential) return;
      // The last note may take the "and N more" line's room only when nothing before it was cut.
      const room = !cut && i === noteBlocks.length - 1 ? budget : budget - moreH;
      if (used + n.b.height <= room) {
        keep.add(i);
        used += n.b.height;
      } else cut = true;
    });
    // A box too small even for the plot's minimum and the essential notes: notes give way, last first.
    const minPlot = Math.min(plotKind(model.plot).heightAtMin(base, inner), base * 6);
    const kept = () => noteBlocks.filter((_, i) => keep.has(i));
    const keptH = () => kept().reduce((sum, n) => sum + n.b.height, 0) + (keep.size < noteBlocks.length ? moreH : 0);
    while (keep.size > 0 && avail - keptH() < minPlot) keep.delete(Math.max(...keep));
    notesCut = noteBlocks.length - keep.size;
    notes = kept().map((n) => n.b);
    if (notesCut > 0) notes.push(block(moreNotesText(model, notesCut), inner, noteSize));
    plotMax = Math.max(minPlot, avail - notes.reduce((sum, b) => sum + b.height, 0));
  }
  const plot = plotKind(model.plot).layout(pad, inner, base, plotMax, c);
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
