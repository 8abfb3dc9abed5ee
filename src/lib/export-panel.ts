/*
 * Per-panel export: a chart frame rebuilt as one standalone SVG (text stays text, styles inlined,
 * referenced hatch patterns copied in), then PNG at any scale and the clipboard (file names:
 * selectors/export-file-name.ts).
 * No <foreignObject>: an SVG drawn into a canvas with HTML inside taints it in some browsers, so
 * the title, legend and notes are re-laid out as SVG text from what the frame shows.
 */

import { textMeasurer } from './measure-text';

/**
 * Fonts that render the same on other machines, Chinese included. A Latin face (Arial and its
 * metric twin Liberation Sans) comes before the CJK faces: without one, a machine lacking Noto
 * Sans draws curly quotes and apostrophes full-width from the CJK font.
 */
export const EXPORT_FONT =
  "'Noto Sans', Arial, 'Liberation Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Lower-case ASCII slug; characters outside a–z/0–9 (CJK included) collapse to "-". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Characters set solid, breaking between any two of them: CJK ideographs, kana, Hangul, full-width forms. */
const CJK_CHAR = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
/** Punctuation that may not begin a line (it stays with the character before): closing marks, commas, stops. */
const NO_LINE_START =
  /[!%),.:;?\]}\u00b7\u2019\u201d\u2026\u3001\u3002\u3009\u300b\u300d\u300f\u3011\u3015\u3017\uff01\uff05\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff3d\uff5d]/;
/** Punctuation that may not end a line (it stays with the character after): opening marks. */
const NO_LINE_END = /[([{\u2018\u201c\u3008\u300a\u300c\u300e\u3010\u3014\u3016\uff08\uff3b\uff5b]/;
/** A line may break after these inside a word ("Non-|commercial", "Wisconsin–|Madison", "and/|or"), before a letter. */
const BREAK_AFTER = /[-\u2010\u2013\u2014/]/;
const LETTER = /\p{L}/u;

/**
 * Splits text at its break opportunities: each piece runs up to where a line may break, trailing
 * spaces included, so the pieces joined give the text back. Lines break at spaces; between CJK
 * characters (a comma or closing bracket stays with the character before it, an opening one with
 * the character after, a number with the character after it: "28日"); and after a hyphen, dash or
 * slash between letters — never inside a Latin word otherwise, nor before a digit ("LLaMA-7B",
 * "GPT-3.5" and "2020–2023" hold together).
 */
export function breakPieces(text: string): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  let piece = '';
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (piece && breaksBefore(prev, c, chars[i - 2])) {
      pieces.push(piece);
      piece = '';
    }
    piece += c;
  });
  if (piece) pieces.push(piece);
  return pieces;
}

function breaksBefore(prev: string, c: string, beforePrev: string | undefined): boolean {
  if (/\s/.test(c)) return false;
  if (/\s/.test(prev)) return true;
  if (NO_LINE_START.test(c) || NO_LINE_END.test(prev)) return false;
  // A number keeps the character after it, its unit: "1750亿", "28日".
  if (/\d/.test(prev) && CJK_CHAR.test(c)) return false;
  if (CJK_CHAR.test(prev) || CJK_CHAR.test(c)) return true;
  return BREAK_AFTER.test(prev) && beforePrev !== undefined && LETTER.test(beforePrev) && LETTER.test(c);
}

/** Whether text has CJK characters (which break between characters, see `breakPieces`). */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/**
 * Greedy wrap at the break opportunities of `breakPieces`: spaces, between CJK characters, after a
 * hyphen, dash or slash inside a word. Only a piece wider than the whole line (a URL, an id, a
 * column too narrow for its longest word) is cut between characters rather than overflow.
 * Never returns an empty list.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of breakPieces(text)) {
    const next = line + piece;
    if (measure(next.trimEnd()) <= maxWidth) {
      // (Spaces before the first word of the line are dropped.)
      line = line || piece.trim() ? next : '';
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = piece.trimStart();
    if (measure(line.trimEnd()) <= maxWidth) continue;
    // Cut an over-long piece into parts that fit (at least one character each).
    const word = line;
    line = '';
    for (const ch of word) {
      if (line && measure((line + ch).trimEnd()) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** The width of the widest piece `wrapText` never breaks: the narrowest line the text fits without a cut word. */
export function minContentWidth(text: string, measure: (s: string) => number): number {
  return Math.max(0, ...breakPieces(text).map((p) => measure(p.trim())));
}

/** A table as an exported image shows it: plain cell text, a header row, optional marks. */
export interface ExportTable {
  caption?: string;
  columns: string[];
  rows: string[][];
  /** Columns whose cells are right-aligned numbers. */
  numeric?: readonly boolean[];
  /** Rows drawn emphasised (e.g. "values differ" in the comparison). */
  marked?: readonly boolean[];
}

export interface TableLayout {
  /** Left edge of each column, relative to the table. */
  x: number[];
  widths: number[];
  /** Lines of each cell, header first: `cells[row][col]`, row 0 = header. */
  cells: string[][][];
  /** Top of each row (header first), relative to the table, and each row's height. */
  y: number[];
  heights: number[];
  width: number;
  height: number;
}

export const TABLE_CELL_PAD = 6;
export const TABLE_LINE = 16;
/** The narrowest a column gets when even the tables' longest words do not fit (then words are cut). */
const TABLE_MIN_COL = 56;
/** The widest a column gets from its content alone: longer text wraps (it may get wider only to hold a word). */
const TABLE_MAX_COL = 320;
/** A column with CJK text, which may break after any character, is still given this many characters' width. */
export const TABLE_CJK_FLOOR = 5;

/**
 * Column widths as a browser's automatic table layout sets them. Each column has a min-content width
 * (its longest unbreakable piece, see `breakPieces`: a word, or one CJK character — but a CJK column
 * at least `TABLE_CJK_FLOOR` characters) and a max-content width (its widest cell on one line,
 * capped at `TABLE_MAX_COL`). When every column fits at max-content it gets that; otherwise each
 * gets its minimum plus a share of the width left over in proportion to how much more it wants,
 * so no word is cut. Only when the minimums alone are wider than `maxWidth` does the table grow, up
 * to `growTo`; beyond that the widest columns narrow first (words are then cut, not overflowing),
 * never below `TABLE_MIN_COL`. Cells wrap inside their column.
 */
export function layoutTable(
  table: ExportTable,
  maxWidth: number,
  /** `bold`: the header row and the first column, which are drawn bold. */
  measure: (s: string, bold: boolean) => number,
  growTo = maxWidth,
): TableLayout {
  const pad = 2 * TABLE_CELL_PAD;
  const cjkFloor = measure('\u4e2d'.repeat(TABLE_CJK_FLOOR), false);
  // The header row and the first column are drawn bold (buildTablesSvg), so measured bold.
  const rowsOf = (i: number) => [{ text: table.columns[i], bold: true }, ...table.rows.map((r) => ({ text: r[i] ?? '', bold: i === 0 }))];
  const bounds = table.columns.map((_, i) => {
    const cells = rowsOf(i);
    const max = Math.max(...cells.map((c) => measure(c.text, c.bold)));
    let min = Math.max(...cells.map((c) => minContentWidth(c.text, (s) => measure(s, c.bold))));
    if (cells.some((c) => hasCjk(c.text))) min = Math.max(min, Math.min(max, cjkFloor));
    const minW = Math.ceil(min) + pad;
    return { min: minW, max: Math.max(minW, Math.min(TABLE_MAX_COL, Math.ceil(max) + pad)) };
  });
  const widths = columnWidths(bounds, maxWidth, growTo);
  const x: number[] = [];
  widths.reduce((acc, w, i) => ((x[i] = acc), acc + w), 0);
  const lines = [table.columns, ...table.rows].map((row, r) =>
    table.columns.map((_, i) => wrapText(row[i] ?? '', widths[i] - pad, (s) => measure(s, r === 0 || i === 0))),
  );
  const heights = lines.map((row) => Math.max(1, ...row.map((c) => c.length)) * TABLE_LINE + 2 * TABLE_CELL_PAD);
  const y: number[] = [];
  heights.reduce((acc, h, i) => ((y[i] = acc), acc + h), 0);
  return { x, widths, cells: lines, y, heights, width: widths.reduce((a, b) => a + b, 0), height: heights.reduce((a, b) => a + b, 0) };
}

/** Whole-pixel column widths from their min-content and max-content widths (see `layoutTable`). */
export function columnWidths(bounds: readonly { min: number; max: number }[], maxWidth: number, growTo = maxWidth): number[] {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const mins = bounds.map((b) => b.min);
  const maxes = bounds.map((b) => b.max);
  if (sum(maxes) <= maxWidth) return maxes;
  const minSum = sum(mins);
  if (minSum <= maxWidth) {
    // Each column: its minimum plus the room left, shared in proportion to what it wants beyond it.
    const room = maxWidth - minSum;
    const wants = bounds.map((b) => b.max - b.min);
    const wanted = sum(wants);
    const exact = bounds.map((b, i) => b.min + (room * wants[i]) / wanted);
    const widths = exact.map(Math.floor);
    // The pixels lost to rounding down go to the columns that lost most.
    const order = exact.map((w, i) => ({ i, frac: w - widths[i] })).sort((a, b) => b.frac - a.frac);
    for (let k = 0, left = maxWidth - sum(widths); left > 0 && k < order.length; k++, left--) widths[order[k].i]++;
    return widths;
  }
  if (minSum <= growTo) return mins;
  // Water-filling: the widest columns give way first, all down to one common cap, so that the
  // total fits; a column never narrows below a readable minimum (then the table overflows).
  const n = bounds.length;
  const sorted = [...mins].sort((a, b) => a - b);
  let cap = growTo / n;
  let rest = growTo;
  for (let i = 0; i < n; i++) {
    const share = rest / (n - i);
    if (sorted[i] > share) {
      cap = share;
      break;
    }
    rest -= sorted[i];
    cap = sorted[i];
  }
  return mins.map((w) => (w <= cap ? w : Math.min(w, Math.max(TABLE_MIN_COL, Math.floor(cap)))));
}

/** `url("#hatch-1f5fbf")` / `url(#x)` → `hatch-1f5fbf`. */
export function referencedId(value: string | null): string | null {
  const m = value ? /url\(\s*["']?#([^"')]+)["']?\s*\)/.exec(value) : null;
  return m ? m[1] : null;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/* ---------------------------------------------------------------- DOM part ---------------- */

const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'paint-order',
  'font-variant-numeric',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export interface ExportOptions {
  title: string;
  subtitle: string;
  description: string;
  /** Lines under the chart: "N of M shown", footnotes, source note. */
  notes: string[];
  footer: string;
  /** Keep the UI's dark theme instead of the light default. */
  keepTheme: boolean;
}

export interface BuiltSvg {
  svg: string;
  width: number;
  height: number;
}

/** Whether the page currently renders dark (a dark body background). */
export function isDarkUi(): boolean {
  const bg = getComputedStyle(document.body).backgroundColor;
  return luminance(bg) < 0.4;
}

function luminance(rgb: string): number {
  const m = rgb.match(/[\d.]+/g);
  if (!m || m.length < 3) return 1;
  const [r, g, b] = m.map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Runs `fn` with the light theme forced on <html> (unless `keep`), restoring the attribute after. */
function withTheme<T>(keep: boolean, fn: () => T): T {
  if (keep) return fn();
  const root = document.documentElement;
  const before = root.getAttribute('data-theme');
  root.setAttribute('data-theme', 'light');
  try {
    return fn();
  } finally {
    if (before === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', before);
  }
}

const measurer = (size: number, weight = 400) => textMeasurer(size, weight, EXPORT_FONT);

/** Clones an SVG element with the computed presentation styles written as attributes. */
function cloneWithStyles(source: SVGElement, patternIds: Set<string>): SVGElement {
  const clone = source.cloneNode(true) as SVGElement;
  const walk = (orig: Element, copy: Element) => {
    const cs = getComputedStyle(orig);
    for (const prop of INLINED) {
      const v = cs.getPropertyValue(prop);
      if (!v) continue;
      if (prop === 'display' && v !== 'none') continue;
      if (prop === 'visibility' && v === 'visible') continue;
      copy.setAttribute(prop, v);
      if (prop === 'fill' || prop === 'stroke') {
        const id = referencedId(v);
        if (id) {
          patternIds.add(id);
          copy.setAttribute(prop, `url(#${id})`);
        }
      }
    }
    if (orig instanceof SVGTextElement || orig instanceof SVGTSpanElement) copy.setAttribute('font-family', EXPORT_FONT);
    for (const attr of [...copy.attributes]) {
      if (
        attr.name === 'class' ||
        attr.name === 'style' ||
        attr.name === 'tabindex' ||
        attr.name.startsWith('on') ||
        attr.name.startsWith('aria-') ||
        attr.name === 'role'
      )
        copy.removeAttribute(attr.name);
    }
    const oc = orig.children;
    const cc = copy.children;
    for (let i = 0; i < oc.length && i < cc.length; i++) walk(oc[i], cc[i]);
  };
  walk(source, clone);
  return clone;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const PAD = 20;

/** A legend's entries: `.legend-item`s and chart-specific `*-legend-item`s, outermost only. */
export function legendItems(legend: Element): HTMLElement[] {
  const all = [...legend.querySelectorAll<HTMLElement>('.legend-item, [class*="-legend-item"]')];
  return all.filter((e) => !all.some((o) => o !== e && o.contains(e)));
}

/** The image being laid out: a column of SVG parts, `y` the running bottom edge. */
interface SvgPage {
  width: number;
  inner: number;
  y: number;
  body: SVGElement[];
  patternIds: Set<string>;
  background: string;
  textColor: string;
  muted: string;
  addLines: (text: string, size: number, weight: number, color: string, gap?: number) => void;
}

/** The theme's muted text colour as it computes inside `section` (a probe element reads it). */
function mutedColor(section: HTMLElement): string {
  const probe = document.createElement('span');
  probe.className = 'muted';
  probe.hidden = true;
  section.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

function startPage(section: HTMLElement, width: number, opts: ExportOptions): SvgPage {
  const sectionStyle = getComputedStyle(section);
  const background =
    sectionStyle.backgroundColor && sectionStyle.backgroundColor !== 'rgba(0, 0, 0, 0)' ? sectionStyle.backgroundColor : '#ffffff';
  const textColor = getComputedStyle(section.querySelector('h2') ?? section).color;
  const muted = mutedColor(section);
  const page: SvgPage = {
    width,
    inner: width - 2 * PAD,
    y: PAD,
    body: [],
    patternIds: new Set(),
    background,
    textColor,
    muted,
    addLines(text, size, weight, color, gap = 4) {
      const lineHeight = Math.round(size * 1.35);
      for (const line of wrapText(text, page.inner, measurer(size, weight))) {
        page.y += lineHeight;
        page.body.push(
          el('text', { x: PAD, y: page.y - Math.round(size * 0.3), 'font-size': size, 'font-weight': weight, fill: color }, line),
        );
      }
      page.y += gap;
    },
  };
  page.addLines(opts.title, 20, 600, textColor, 2);
  page.addLines(opts.subtitle, 13, 400, muted);
  if (opts.description) page.addLines(opts.description, 13, 400, textColor, 8);
  return page;
}

/** Notes, a rule and the footer under the content; then the whole as one SVG document. */
function finishPage(page: SvgPage, opts: ExportOptions): BuiltSvg {
  for (const note of opts.notes) if (note.trim()) page.addLines(note.trim(), 12, 400, page.muted, 2);
  page.y += 6;
  page.body.push(el('line', { x1: PAD, x2: PAD + page.inner, y1: page.y, y2: page.y, stroke: page.muted, 'stroke-opacity': 0.4 }));
  page.y += 4;
  page.addLines(opts.footer, 11, 400, page.muted, 0);
  const { width } = page;
  const height = Math.ceil(page.y + PAD);
  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': EXPORT_FONT });
  const defs = el('defs', {});
  for (const id of page.patternIds) {
    const p = document.getElementById(id);
    if (p) defs.append(p.cloneNode(true));
  }
  root.append(defs, el('rect', { width, height, fill: page.background }), ...page.body);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width, height };
}

/**
 * Builds the standalone SVG for a `.chart-frame` section: header text, the chart's SVG(s) with
 * styles inlined, the legend rebuilt from `.legend-item`s, notes and a footer. Controls, tooltips
 * and focus rings are never copied because only the parts above are.
 */
export function buildPanelSvg(section: HTMLElement, opts: ExportOptions): BuiltSvg {
  return withTheme(opts.keepTheme, () => {
    const page = startPage(section, Math.round(section.getBoundingClientRect().width), opts);
    const { inner, body, patternIds, muted } = page;

    // The chart: every SVG in the figure except legend swatches, placed where it sits on screen.
    const figure = section.querySelector<HTMLElement>('.chart-figure');
    if (figure) {
      const fig = figure.getBoundingClientRect();
      const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')].filter(
        (s) => !s.closest('.chart-legend') && !s.closest('.legend-item') && s.getBoundingClientRect().width > 0,
      );
      const legend = figure.querySelector('.chart-legend');
      let maxBottom = 0;
      for (const s of svgs) {
        const r = s.getBoundingClientRect();
        const scale = Math.min(1, inner / r.width);
        const x = PAD + Math.max(0, r.left - fig.left) * scale;
        const top = page.y + Math.max(0, r.top - fig.top);
        const clone = cloneWithStyles(s, patternIds);
        clone.setAttribute('x', String(x));
        clone.setAttribute('y', String(top));
        clone.setAttribute('width', String(r.width * scale));
        clone.setAttribute('height', String(r.height * scale));
        if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
        clone.setAttribute('overflow', 'visible');
        body.push(clone);
        maxBottom = Math.max(maxBottom, Math.max(0, r.top - fig.top) + r.height * scale);
      }
      page.y += maxBottom + 10;

      // The legend, rebuilt as swatch + text, flowing and wrapping like the page's.
      if (legend) {
        const size = 12;
        const measure = measurer(size);
        let x = PAD;
        let rowHeight = 0;
        for (const item of legendItems(legend)) {
          const sw = item.querySelector<SVGSVGElement>('svg');
          const label = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
          const swW = sw ? sw.getBoundingClientRect().width : 0;
          const swH = sw ? sw.getBoundingClientRect().height : 0;
          const w = swW + 5 + measure(label) + 14;
          if (x > PAD && x + w > PAD + inner) {
            x = PAD;
            page.y += rowHeight + 4;
            rowHeight = 0;
          }
          const h = Math.max(16, swH);
          if (sw) {
            const clone = cloneWithStyles(sw, patternIds);
            clone.setAttribute('x', String(x));
            clone.setAttribute('y', String(page.y + (h - swH) / 2));
            body.push(clone);
          }
          body.push(
            el('text', { x: x + swW + 5, y: page.y + h / 2, 'dominant-baseline': 'central', 'font-size': size, fill: muted }, label),
          );
          x += w;
          rowHeight = Math.max(rowHeight, h);
        }
        page.y += rowHeight + 10;
      }
    }
    return finishPage(page, opts);
  });
}

export interface TablesExportOptions extends ExportOptions {
  tables: ExportTable[];
  /**
   * Lets the image grow past the panel's width, up to this (CSS px), while its tables want more
   * room than the panel gives: the explorer's many columns wrap its long cells tall at a panel's width.
   */
  maxWidth?: number;
  /** Shown instead of the tables when there are none (e.g. "Pick 2–4 models…"). */
  empty?: string;
}

const TABLE_FONT = 12;
/** The widest a table image grows (CSS px) to keep its words whole when the panel is narrower. */
export const TABLE_IMAGE_MAX_WIDTH = 1600;

/**
 * Builds the standalone SVG for a table panel (overview, explorer, the talk's tables, compare):
 * the same header, notes and footer as a chart, and each table drawn as text in a ruled grid.
 * The image is as wide as the panel on screen; wider (up to `TABLE_IMAGE_MAX_WIDTH`) only when the
 * columns' longest words cannot fit, or, up to `opts.maxWidth`, while the tables want the room.
 */
export function buildTablesSvg(section: HTMLElement, opts: TablesExportOptions): BuiltSvg {
  return withTheme(opts.keepTheme, () => {
    const screenWidth = Math.round(section.getBoundingClientRect().width);
    const regular = measurer(TABLE_FONT, 400);
    const bold = measurer(TABLE_FONT, 600);
    const measure = (s: string, isBold: boolean) => (isBold ? bold(s) : regular(s));
    const wide = Math.max(screenWidth, Math.min(opts.maxWidth ?? 0, TABLE_IMAGE_MAX_WIDTH));
    const grow = Math.max(wide, TABLE_IMAGE_MAX_WIDTH) - 2 * PAD;
    const layouts = opts.tables.map((table) => layoutTable(table, wide - 2 * PAD, measure, grow));
    const width = Math.max(screenWidth, ...layouts.map((l) => Math.ceil(l.width) + 2 * PAD));
    const page = startPage(section, width, opts);
    const rule = el('g', {});
    if (opts.tables.length === 0 && opts.empty) page.addLines(opts.empty, 13, 400, page.textColor, 8);
    opts.tables.forEach((table, ti) => {
      const layout = layouts[ti];
      if (table.caption) page.addLines(table.caption, 14, 600, page.textColor, 4);
      const top = page.y;
      layout.cells.forEach((row, r) => {
        const y = top + layout.y[r];
        const h = layout.heights[r];
        const isHeader = r === 0;
        const marked = !isHeader && table.marked?.[r - 1];
        // Zebra rows, unless rows carry a mark of their own (then only marked rows are tinted).
        if (isHeader || (table.marked ? marked : r % 2 === 0)) {
          page.body.push(
            el('rect', {
              x: PAD,
              y,
              width: layout.width,
              height: h,
              fill: page.muted,
              'fill-opacity': isHeader ? 0.16 : marked ? 0.1 : 0.06,
            }),
          );
        }
        row.forEach((lines, c) => {
          const right = !isHeader && table.numeric?.[c];
          const x = PAD + layout.x[c] + (right ? layout.widths[c] - TABLE_CELL_PAD : TABLE_CELL_PAD);
          lines.forEach((line, li) => {
            if (!line) return;
            page.body.push(
              el(
                'text',
                {
                  x,
                  y: y + TABLE_CELL_PAD + li * TABLE_LINE + TABLE_LINE * 0.75,
                  'font-size': TABLE_FONT,
                  'font-weight': isHeader || c === 0 ? 600 : 400,
                  'text-anchor': right ? 'end' : 'start',
                  'font-variant-numeric': 'tabular-nums',
                  fill: page.textColor,
                },
                line,
              ),
            );
          });
        });
        rule.append(
          el('line', {
            x1: PAD,
            x2: PAD + layout.width,
            y1: y + h,
            y2: y + h,
            stroke: page.muted,
            'stroke-opacity': isHeader ? 0.7 : 0.25,
          }),
        );
      });
      page.y = top + layout.height + 14;
    });
    page.body.push(rule);
    return finishPage(page, opts);
  });
}

/** Renders the SVG into a PNG at `scale` × its CSS size. */
export async function svgToPng(built: BuiltSvg, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([built.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the exported SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(built.width * scale);
    canvas.height = Math.round(built.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies a PNG to the clipboard; false when the browser has no image clipboard or refuses. */
export async function copyPng(png: Promise<Blob>): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
    // A promise in the ClipboardItem keeps Safari's user-activation window open while it renders.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return true;
  } catch {
    return false;
  }
}
