import type { Dataset, SeedTable } from '../data/schema';
import { FIELD_IDS, type FieldId } from '../data/fields';
import type { ExportTable } from '../lib/export-panel';
import { cellExportText, fieldLabel, NUMERIC_FIELDS, type FieldRow, type Translate } from './system-fields';

/*
 * The table panels as exported images and CSV show them: plain text built from the same cells
 * the panels render, so an image, its CSV and the screen agree.
 */

/**
 * The most rows an exported image of the explorer holds (the first by the table's sort; a note
 * says how many more the CSV has): about two pages of rows, not a poster.
 */
export const IMAGE_ROW_LIMIT = 40;

/** The explorer's visible columns over its filtered, sorted rows. */
export function explorerTable(rows: readonly FieldRow[], columns: readonly FieldId[], t: Translate, limit = Infinity): ExportTable {
  return {
    columns: columns.map((c) => fieldLabel(t, c)),
    rows: rows.slice(0, limit).map((r) => columns.map((c) => cellExportText(r[c], t))),
    numeric: columns.map((c) => NUMERIC_FIELDS.has(c)),
  };
}

const COMPARED: FieldId[] = FIELD_IDS.filter((f) => f !== 'name');

/** Compare: one row per field, one column per picked system; rows whose values differ are marked ≠. */
export function compareTable(picked: readonly FieldRow[], t: Translate): ExportTable {
  const rows = COMPARED.map((field) => {
    const texts = picked.map((r) => cellExportText(r[field], t));
    return { differs: new Set(texts).size > 1, cells: [fieldLabel(t, field), ...texts], field };
  });
  return {
    columns: [t('compare.field', 'Field'), ...picked.map((r) => r.system.name)],
    rows: rows.map((r) => (r.differs ? [`${r.cells[0]} ≠`, ...r.cells.slice(1)] : r.cells)),
    numeric: [false, ...picked.map(() => false)],
    marked: rows.map((r) => r.differs),
  };
}

export type SeedMode = 'talk' | 'checked';

/** A cell of the talk's table as text: ✓/✗ for marks; ⚠ (talk mode) or "talk → source" (checked mode). */
export function seedCellText(cell: SeedTable['rows'][number]['cells'][number], mode: SeedMode): string {
  const talk = cell.mark === 'check' ? '✓' : cell.mark === 'cross' ? '✗' : cell.text;
  if (!cell.checked) return talk;
  return mode === 'talk' ? `${talk} ⚠` : `${talk} → ${cell.checked.text}`;
}

/** One of the talk's tables as it reads in `mode`. */
export function seedTable(table: SeedTable, mode: SeedMode): ExportTable {
  return {
    caption: table.title,
    columns: [table.cornerLabel, ...table.header.map((h) => h.text)],
    rows: table.rows.map((row) => [row.label, ...row.cells.map((c) => seedCellText(c, mode))]),
  };
}

/**
 * The talk's tables as one tidy CSV: a line per cell with the talk's text, the checked reading
 * (where a source differs) and why — both tables fit one header this way.
 */
export function seedTablesCsv(dataset: Dataset, t: Translate): { columns: string[]; rows: string[][] } {
  const columns = [
    t('seed-tables.csv.table', 'Table'),
    t('seed-tables.csv.row', 'Row'),
    t('seed-tables.csv.column', 'Column'),
    t('seed-tables.csv.talk', 'The talk’s text'),
    t('seed-tables.csv.checked', 'Checked reading'),
    t('seed-tables.csv.note', 'Why it differs'),
  ];
  const rows = dataset.seedTables.flatMap((table) =>
    table.rows.flatMap((row) =>
      row.cells.map((cell, i) => [
        table.title,
        row.label,
        table.header[i]?.text ?? '',
        seedCellText(cell, 'talk').replace(/ ⚠$/, ''),
        cell.checked?.text ?? '',
        cell.checked?.note ?? '',
      ]),
    ),
  );
  return { columns, rows };
}
