import { escapeXml, layoutTable, TABLE_CELL_PAD, TABLE_LINE, type TableLayout } from '../../lib/export-panel';
import type { PlotLayout } from './plot-bars';
import { block, drawBlock, fill, measure, tag, type Colors } from './svg-kit';

/*
 * Tables as a figure draws them: a ruled grid of text, the header row and first column bold,
 * numbers right-aligned, rows that differ tinted. Columns take their widths from their content
 * and wrap at word boundaries (CJK by character, see lib/export-panel.ts `layoutTable`). A fixed
 * box too small for every row cuts the last rows with "and N more" (the renderer first makes the
 * type smaller); rows the builder already left out (the explorer's beyond its first rows) are
 * counted in the same line.
 */

export interface FigureTablePart {
  /** A heading over the table ("Systems in view", the talk's table title). */
  caption?: string;
  columns: string[];
  rows: string[][];
  /** Columns whose cells are right-aligned numbers. */
  numeric?: readonly boolean[];
  /** Rows drawn emphasised (compare: the values differ). */
  marked?: readonly boolean[];
}

export interface TablesPlot {
  kind: 'tables';
  tables: FigureTablePart[];
  /** Rows of the last table the builder did not include; said with the box's own cuts in `moreRows`. */
  omittedRows: number;
  /** Said instead of the tables when there are none. */
  empty: string;
  /** "… and {more} more rows (all in the CSV)"; the renderer fills `{more}`. */
  moreRows: string;
  /** "{more} more columns not shown (all in the CSV)", for a box too narrow for every column. */
  moreColumns: string;
}

/** Layout happens at this text size; a box's text size scales the laid-out grid. */
const UNIT = 12;

function sizes(base: number) {
  const text = base * 0.85;
  return { text, scale: text / UNIT, caption: base * 0.95, gap: base * 0.9 };
}

/** The smallest a table's type gets, as a share of its size, to keep its words whole in a narrow box. */
const MIN_SHRINK = 0.75;

const unitMeasure = (s: string, bold: boolean) => measure(s, UNIT, bold ? 600 : 400);
const r3 = (n: number) => Math.round(n * 1000) / 1000;

interface Part {
  table: FigureTablePart;
  /** Drawn size of the 12 px layout units. */
  scale: number;
  layout: TableLayout;
  /** The caption's height in the box's units. */
  captionH: number;
}

/** The table with its first `n` columns. */
function firstColumns(table: FigureTablePart, n: number): FigureTablePart {
  if (n >= table.columns.length) return table;
  return {
    ...table,
    columns: table.columns.slice(0, n),
    rows: table.rows.map((r) => r.slice(0, n)),
    numeric: table.numeric?.slice(0, n),
  };
}

/** The narrowest the table gets (12 px units) with every word whole. */
const minTableWidth = (table: FigureTablePart) => layoutTable(table, 0, unitMeasure, Infinity).width;

function layoutParts(plot: TablesPlot, width: number, base: number): { parts: Part[]; columnsCut: number } {
  const s = sizes(base);
  // A box too narrow for every column even at the smallest type (the explorer's fifteen in a
  // journal column) keeps the first ones, at least two, and says how many more the CSV has.
  let columnsCut = 0;
  const tables = plot.tables.map((table) => {
    let n = table.columns.length;
    while (n > 2 && minTableWidth(firstColumns(table, n)) * s.scale * MIN_SHRINK > width) n--;
    columnsCut += table.columns.length - n;
    return firstColumns(table, n);
  });
  // Many columns would cut words at this size: the grid's type gets up to a quarter smaller first,
  // the same for every table of the figure, so their words stay whole.
  const minWidth = Math.max(0, ...tables.map(minTableWidth));
  const scale = Math.min(s.scale, Math.max(s.scale * MIN_SHRINK, width / Math.max(1, minWidth)));
  const parts = tables.map((table) => ({
    table,
    scale,
    // Laid out in 12 px units at the box's width in those units, then drawn scaled: the same wrap at every size.
    layout: layoutTable(table, width / scale, unitMeasure),
    captionH: table.caption ? block(table.caption, width, s.caption, 600).height + base * 0.3 : 0,
  }));
  return { parts, columnsCut };
}

/** The rows of each table that fit `maxHeight` (null: all), in order: a table's header comes with its first row. */
function fitRows(parts: Part[], base: number, maxHeight: number | null, moreH: number): number[] {
  const s = sizes(base);
  const all = parts.map((p) => p.table.rows.length);
  if (maxHeight === null) return all;
  const full = totalHeight(parts, all, base);
  if (full <= maxHeight) return all;
  const kept = parts.map((): number => 0);
  let used = moreH;
  for (const [i, p] of parts.entries()) {
    const head = (i > 0 ? s.gap : 0) + p.captionH + p.layout.heights[0] * p.scale;
    let rows = 0;
    let h = head;
    while (rows < p.table.rows.length && used + h + p.layout.heights[rows + 1] * p.scale <= maxHeight) {
      h += p.layout.heights[rows + 1] * p.scale;
      rows++;
    }
    if (rows === 0) break;
    kept[i] = rows;
    used += h;
    if (rows < p.table.rows.length) break;
  }
  // At least the first row of the first table: a figure of headers only says nothing.
  if (parts.length > 0 && !kept.some((k) => k > 0) && parts[0].table.rows.length > 0) kept[0] = 1;
  return kept;
}

function totalHeight(parts: Part[], kept: number[], base: number): number {
  const s = sizes(base);
  let h = 0;
  parts.forEach((p, i) => {
    if (kept[i] === 0) return;
    const rowsH = p.layout.heights.slice(0, kept[i] + 1).reduce((a, b) => a + b, 0) * p.scale;
    h += (h > 0 ? s.gap : 0) + p.captionH + rowsH;
  });
  return h;
}

/** Every row at this size: tables do not shrink, the renderer makes the type smaller instead. */
export function tablesHeight(plot: TablesPlot, base: number, width: number): number {
  const { parts, columnsCut } = layoutParts(plot, width, base);
  const more =
    (plot.omittedRows > 0 ? block(fill(plot.moreRows, plot.omittedRows), width, base * 0.8).height + base * 0.4 : 0) +
    (columnsCut > 0 ? block(fill(plot.moreColumns, columnsCut), width, base * 0.8).height : 0);
  return (
    totalHeight(
      parts,
      parts.map((p) => p.table.rows.length),
      base,
    ) + more
  );
}

export function layoutTables(plot: TablesPlot, x0: number, width: number, base: number, maxHeight: number | null, c: Colors): PlotLayout {
  const s = sizes(base);
  const { parts, columnsCut } = layoutParts(plot, width, base);
  const columnsLine = columnsCut > 0 ? block(fill(plot.moreColumns, columnsCut), width, base * 0.8) : null;
  const total = parts.reduce((n, p) => n + p.table.rows.length, 0);
  const moreBlock = (n: number) => block(fill(plot.moreRows, n), width, base * 0.8);
  // Room for the "and N more" line is kept only when something is (or may be) cut.
  const fitsAll = maxHeight === null || tablesHeight(plot, base, width) <= maxHeight;
  const reserve = fitsAll ? 0 : moreBlock(total).height + base * 0.4 + (columnsLine?.height ?? 0);
  const kept = fitRows(parts, base, maxHeight, reserve);
  const drawn = kept.reduce((a, b) => a + b, 0);
  const cut = total - drawn;
  const more = cut + plot.omittedRows;
  const moreLine = more > 0 ? moreBlock(more) : null;
  const gridH = totalHeight(parts, kept, base);
  const height =
    gridH + (moreLine ? moreLine.height + base * 0.4 : 0) + (columnsLine ? columnsLine.height + (moreLine ? 0 : base * 0.4) : 0);

  const draw = (top: number) => {
    const out: string[] = [];
    let y = top;
    parts.forEach((p, ti) => {
      if (kept[ti] === 0) return;
      if (y > top) y += s.gap;
      if (p.table.caption) {
        out.push(drawBlock(block(p.table.caption, width, s.caption, 600), x0, y, c.text));
        y += p.captionH;
      }
      out.push(tag('g', { id: `table-${ti}`, transform: `translate(${x0} ${y}) scale(${r3(p.scale)})` }, drawGrid(p, kept[ti], c)));
      y += p.layout.heights.slice(0, kept[ti] + 1).reduce((a, b) => a + b, 0) * p.scale;
    });
    if (moreLine || columnsLine) y += base * 0.4;
    if (moreLine) {
      out.push(drawBlock(moreLine, x0, y, c.muted));
      y += moreLine.height;
    }
    if (columnsLine) out.push(drawBlock(columnsLine, x0, y, c.muted));
    return tag('g', { id: 'figure-plot' }, out.join(''));
  };
  return { height, rowsDrawn: drawn, rowsCut: cut, draw, hatchColors: [] };
}

/** One table's header and first `rows` rows, in 12 px units from (0, 0). */
function drawGrid({ table, layout }: Part, rows: number, c: Colors): string {
  const out: string[] = [];
  const rules: string[] = [];
  layout.cells.slice(0, rows + 1).forEach((row, r) => {
    const y = layout.y[r];
    const h = layout.heights[r];
    const header = r === 0;
    const marked = !header && table.marked?.[r - 1];
    // Zebra rows, unless rows carry a mark of their own (then only marked rows are tinted).
    if (header || (table.marked ? marked : r % 2 === 0))
      out.push(tag('rect', { x: 0, y, width: layout.width, height: h, fill: header ? c.rule : c.track }));
    row.forEach((lines, col) => {
      const right = !header && table.numeric?.[col];
      const x = layout.x[col] + (right ? layout.widths[col] - TABLE_CELL_PAD : TABLE_CELL_PAD);
      lines.forEach((line, li) => {
        if (!line) return;
        out.push(
          tag(
            'text',
            {
              x,
              y: y + TABLE_CELL_PAD + li * TABLE_LINE + TABLE_LINE * 0.75,
              'font-size': UNIT,
              'font-weight': header || col === 0 ? 600 : undefined,
              'text-anchor': right ? 'end' : undefined,
              fill: c.text,
            },
            escapeXml(line),
          ),
        );
      });
    });
    rules.push(tag('line', { x1: 0, x2: layout.width, y1: y + h, y2: y + h, stroke: header ? c.muted : c.rule, 'stroke-width': 1 }));
  });
  return out.join('') + rules.join('');
}
