import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { DEFAULT_VISIBLE_FIELDS, FIELD_IDS } from '../data/fields';
import { translate } from '../i18n/i18n';
import type { Locale } from '../i18n/i18n';
import { layoutTable, minContentWidth, TABLE_CELL_PAD } from '../lib/export-panel';
import { estimateGlyphWidth } from '../lib/measure-text';
import { explorerTable, IMAGE_ROW_LIMIT } from './panel-tables';
import { selectFieldRows } from './system-fields';

const ds = bundledDataset();
/** The explorer panel's width at a 1280 px window (1248 px) less the image's 20 px margins. */
const INNER = 1208;
const measure = (s: string, header: boolean) => estimateGlyphWidth(s, 12) * (header ? 1.05 : 1);

describe('the explorer as an exported image', () => {
  for (const locale of ['en', 'zh-CN'] as Locale[]) {
    const t = (k: string, e: string, v?: Record<string, string | number>) => translate(locale, k, e, v);
    const rows = [...selectFieldRows(ds, locale, t).values()];

    it(`${locale}: the default columns fit the panel with every word whole`, () => {
      const table = explorerTable(rows, DEFAULT_VISIBLE_FIELDS, t, IMAGE_ROW_LIMIT);
      expect(table.rows.length).toBe(Math.min(rows.length, IMAGE_ROW_LIMIT));
      const layout = layoutTable(table, INNER, measure);
      expect(layout.width).toBeLessThanOrEqual(INNER);
      table.columns.forEach((_, c) => {
        const cells = [table.columns[c], ...table.rows.map((r) => r[c])];
        const longest = Math.max(...cells.map((s, r) => minContentWidth(s, (x) => measure(x, r === 0 || c === 0))));
        expect(layout.widths[c], table.columns[c]).toBeGreaterThanOrEqual(longest + 2 * TABLE_CELL_PAD);
      });
      // No cell is cut inside a word: each line is whole pieces, so wrapping wider changes nothing but where lines end.
      layout.cells
        .slice(1)
        .forEach((row, r) =>
          row.forEach((lines, c) => expect(lines.join(' ').replace(/\s+/g, '')).toBe(table.rows[r][c].replace(/\s+/g, ''))),
        );
    });

    it(`${locale}: every column at once still fits the panel's width (long words give way first)`, () => {
      const table = explorerTable(rows, FIELD_IDS, t, IMAGE_ROW_LIMIT);
      const layout = layoutTable(table, INNER, measure);
      expect(layout.width).toBeLessThanOrEqual(INNER);
    });
  }

  it("caps the image at IMAGE_ROW_LIMIT rows, the first in the table's order", () => {
    const t = (k: string, e: string, v?: Record<string, string | number>) => translate('en', k, e, v);
    const rows = [...selectFieldRows(ds, 'en', t).values()];
    const many = Array.from({ length: 3 }, () => rows).flat();
    const table = explorerTable(many, ['name'], t, IMAGE_ROW_LIMIT);
    expect(table.rows.length).toBe(IMAGE_ROW_LIMIT);
    expect(table.rows[0]).toEqual([many[0].name.text]);
  });
});
