/*
 * What exported figures need of text and images, without a page: slugs for file names, line
 * breaking (Latin at spaces and dashes, CJK by character), table column widths from their content,
 * XML escaping, and the SVG → PNG step and the clipboard (file names: selectors/export-file-name.ts).
 * The figures themselves are laid out from their models (components/figure/render-svg.ts).
 */

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
  // The header row and the first column are drawn bold (components/figure/plot-tables.ts), so measured bold.
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

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A standalone SVG and its layout size in CSS px. */
export interface BuiltSvg {
  svg: string;
  width: number;
  height: number;
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
