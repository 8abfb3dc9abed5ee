import { describe, expect, it } from 'vitest';
import { smallFigureModel } from '../../../tests/fixtures/figure-model';
import type { FigureModel } from './figure-model';
import type { FigureTablePart } from './plot-tables';
import { PRESETS, screenPreset } from './presets';
import { renderFigureSvg } from './render-svg';

function tablesModel(tables: FigureTablePart[], omittedRows = 0, lang = 'en'): FigureModel {
  return {
    ...smallFigureModel('table-test', 'Model explorer'),
    lang,
    plot: {
      kind: 'tables',
      tables,
      omittedRows,
      empty: 'No models match.',
      moreRows: '… and {more} more rows',
      moreColumns: '{more} more columns not shown',
    },
  };
}

const rows = (n: number, cols = 4) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: cols }, (_, c) => (c === 0 ? `Model ${i}` : `value ${i}.${c}`)));
const columns = (cols: number) => Array.from({ length: cols }, (_, c) => (c === 0 ? 'Name' : `Heading${c}`));
/** The text of every <text> element, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('tables in a figure', () => {
  it('draws every row as on screen, header first, and the rows the builder left out in one line', () => {
    const out = renderFigureSvg(tablesModel([{ columns: columns(4), rows: rows(12) }], 30), screenPreset(900));
    expect(out.rowsDrawn).toBe(12);
    expect(out.rowsCut).toBe(0);
    const t = texts(out.svg);
    expect(t.indexOf('Name')).toBeLessThan(t.indexOf('Model 0'));
    expect(t).toContain('Model 11');
    expect(t).toContain('… and 30 more rows');
  });

  it('cuts the last rows a slide has no room for and counts them with the omitted ones', () => {
    const out = renderFigureSvg(tablesModel([{ columns: columns(4), rows: rows(60) }], 10), PRESETS['slide-16x9']);
    expect(out.height).toBe(540);
    expect(out.rowsCut).toBeGreaterThan(0);
    expect(out.rowsDrawn + out.rowsCut).toBe(60);
    expect(texts(out.svg)).toContain(`… and ${out.rowsCut + 10} more rows`);
    expect(texts(out.svg)).toContain(`Model ${out.rowsDrawn - 1}`);
    expect(texts(out.svg)).not.toContain(`Model ${out.rowsDrawn}`);
  });

  it('keeps the header with the rows of a second table, or leaves that table out whole', () => {
    const out = renderFigureSvg(
      tablesModel([
        { columns: columns(3), rows: rows(4, 3) },
        { caption: 'Systems in view', columns: columns(3), rows: rows(40, 3) },
      ]),
      PRESETS.square,
    );
    const t = texts(out.svg);
    expect(t).toContain('Systems in view');
    expect(out.rowsDrawn).toBeGreaterThan(4);
    expect(t.filter((x) => x === 'Name')).toHaveLength(2);
  });

  it('a column too narrow for all columns keeps the first ones and says how many more the CSV has', () => {
    const wide = { columns: columns(15), rows: rows(3, 15) };
    const journal = renderFigureSvg(tablesModel([wide]), PRESETS['journal-1col']);
    const said = texts(journal.svg).find((x) => / more columns not shown$/.test(x));
    expect(said).toBeDefined();
    const cut = Number(said!.split(' ')[0]);
    expect(cut).toBeGreaterThan(0);
    expect(texts(journal.svg)).toContain(`Heading${14 - cut}`);
    expect(texts(journal.svg)).not.toContain(`Heading${15 - cut}`);
    // A slide has room for them all.
    expect(texts(renderFigureSvg(tablesModel([wide]), PRESETS['slide-16x9']).svg).join(' ')).not.toContain('more columns');
  });

  it('wraps at word boundaries: a long cell breaks between words, never inside one', () => {
    const long = 'Non-commercial licence for research use only, granted case by case by the University of Wisconsin–Madison';
    const out = renderFigureSvg(tablesModel([{ columns: ['Name', 'Licence'], rows: [['LLaVA', long]] }]), PRESETS['journal-1col']);
    const words = new Set(long.split(/\s+/).flatMap((w) => [w, ...w.split(/(?<=[-–])/)]));
    const lines = texts(out.svg).filter((x) => long.includes(x) && x !== 'LLaVA');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) for (const w of line.split(' ')) expect(words, w).toContain(w);
  });

  it('says there is nothing to show instead of an empty grid', () => {
    const out = renderFigureSvg(tablesModel([]), PRESETS['slide-16x9']);
    expect(texts(out.svg)).toContain('No models match.');
    expect(out.rowsDrawn).toBe(0);
  });

  it('numbers are right-aligned and marked rows tinted', () => {
    const out = renderFigureSvg(
      tablesModel([
        {
          columns: ['Field', 'A', 'B'],
          rows: [
            ['Parameters ≠', '7B', '13B'],
            ['Weights', 'public', 'public'],
          ],
          numeric: [false, true, true],
          marked: [true, false],
        },
      ]),
      screenPreset(720),
    );
    expect(out.svg).toMatch(/<text[^>]*text-anchor="end"[^>]*>7B<\/text>/);
    expect(out.svg).not.toMatch(/<text[^>]*text-anchor="end"[^>]*>Field<\/text>/);
    // One tinted body row (the marked one) besides the header.
    const grid = out.svg.slice(out.svg.indexOf('id="table-0"'));
    expect(grid.match(/<rect /g)).toHaveLength(2);
  });
});
