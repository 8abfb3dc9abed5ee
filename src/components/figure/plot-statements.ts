import type { PlotLayout } from './plot-bars';
import { block, drawBlock, tag, type Colors, type TextBlock } from './svg-kit';

/*
 * Statements: a few numbers said in words, one card each — the big number, what it is, and the
 * line that makes it checkable (the arithmetic, the factor and its dated source). For what a
 * dashboard shows as cards (the CO₂ equivalents, a calculator's result) rather than as marks.
 * Cards sit in two columns where a line of text has room for them, else one; a fixed box too
 * small for every card cuts the last ones (the renderer first makes the type smaller).
 */

export interface Statement {
  id: string;
  /** The big number, with its unit and "est." where it is an estimate ("460", "552 t CO₂e est."). */
  figure: string;
  /** What the number is ("San Francisco ↔ New York round trips, per passenger"). */
  label: string;
  /** How it is worked out and from what: the arithmetic, the factor, its source and date. */
  basis: string;
  /** Further lines under the basis (what the talk says). */
  notes?: string[];
  /** Drawn with a dashed outline, as estimates are everywhere else. */
  estimated?: boolean;
}

export interface StatementsPlot {
  kind: 'statements';
  items: Statement[];
  /** Said instead of the cards when there is nothing to state. */
  empty: string;
}

function sizes(base: number) {
  return { figure: base * 1.9, label: base * 0.9, basis: base * 0.78, pad: base * 0.7, gap: base * 0.8 };
}

function columns(width: number, base: number): number {
  return width >= base * 36 ? 2 : 1;
}

interface Card {
  item: Statement;
  blocks: { b: TextBlock; color: 'text' | 'muted' }[];
  height: number;
}

function cards(plot: StatementsPlot, width: number, base: number): { cols: number; cardW: number; cards: Card[] } {
  const s = sizes(base);
  const cols = columns(width, base);
  const cardW = (width - s.gap * (cols - 1)) / cols;
  const inner = cardW - 2 * s.pad;
  return {
    cols,
    cardW,
    cards: plot.items.map((item) => {
      const blocks: Card['blocks'] = [
        { b: block(item.figure, inner, s.figure, 700, 1.15), color: 'text' },
        { b: block(item.label, inner, s.label, 600), color: 'text' },
        { b: block(item.basis, inner, s.basis), color: 'muted' },
        ...(item.notes ?? []).map((n) => ({ b: block(n, inner, s.basis), color: 'muted' as const })),
      ];
      const height = 2 * s.pad + blocks.reduce((sum, x) => sum + x.b.height, 0) + s.pad * 0.3 * (blocks.length - 1);
      return { item, blocks, height };
    }),
  };
}

/** Heights of the rows of cards (a row is as tall as its tallest card). */
function rowHeights(list: Card[], cols: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < list.length; i += cols) rows.push(Math.max(...list.slice(i, i + cols).map((c) => c.height)));
  return rows;
}

function totalHeight(rows: number[], base: number): number {
  return rows.reduce((sum, h) => sum + h, 0) + sizes(base).gap * Math.max(0, rows.length - 1);
}

/** Every card at this size: statements do not shrink, the renderer makes the type smaller instead. */
export function statementsHeight(plot: StatementsPlot, base: number, width: number): number {
  const { cols, cards: list } = cards(plot, width, base);
  return totalHeight(rowHeights(list, cols), base);
}

export function layoutStatements(
  plot: StatementsPlot,
  x0: number,
  width: number,
  base: number,
  maxHeight: number | null,
  c: Colors,
): PlotLayout {
  const s = sizes(base);
  const { cols, cardW, cards: all } = cards(plot, width, base);
  // Whole rows of cards while they fit; at least the first row.
  let kept = all;
  while (maxHeight !== null && kept.length > cols && totalHeight(rowHeights(kept, cols), base) > maxHeight)
    kept = kept.slice(0, (Math.ceil(kept.length / cols) - 1) * cols);
  const rows = rowHeights(kept, cols);
  const height = totalHeight(rows, base);
  const draw = (top: number) => {
    const parts: string[] = [];
    let y = top;
    rows.forEach((rowH, r) => {
      kept.slice(r * cols, r * cols + cols).forEach((card, i) => {
        const x = x0 + i * (cardW + s.gap);
        const body: string[] = [
          tag('rect', {
            x: x + 0.5,
            y: y + 0.5,
            width: cardW - 1,
            height: rowH - 1,
            rx: 4,
            fill: c.track,
            stroke: card.item.estimated ? c.muted : c.rule,
            'stroke-width': 1,
            'stroke-dasharray': card.item.estimated ? '4 3' : undefined,
          }),
        ];
        let ty = y + s.pad;
        for (const { b, color } of card.blocks) {
          body.push(drawBlock(b, x + s.pad, ty, color === 'text' ? c.text : c.muted));
          ty += b.height + s.pad * 0.3;
        }
        parts.push(tag('g', { id: `statement-${card.item.id}` }, body.join('')));
      });
      y += rowH + s.gap;
    });
    return tag('g', { id: 'figure-plot' }, parts.join(''));
  };
  return { height, rowsDrawn: kept.length, rowsCut: all.length - kept.length, draw, hatchColors: [] };
}
