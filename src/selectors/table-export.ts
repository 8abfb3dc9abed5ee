import type { Dataset, System } from '../data/schema';
import type { FieldId } from '../data/fields';
import { FIELD_IDS } from '../data/fields';
import { cellExportText, collectSourceIds, fieldLabel, type FieldRow, type Translate } from './system-fields';

/*
 * What "Download" writes. The CSV cells are the same text the table shows (value plus the
 * estimate mark), the header is in the UI language. JSON keeps the records themselves, so a
 * download can be read back without loss.
 */

export function tableAsRows(rows: readonly FieldRow[], columns: readonly FieldId[], t: Translate): { header: string[]; body: string[][] } {
  return {
    header: columns.map((c) => fieldLabel(t, c)),
    body: rows.map((r) => columns.map((c) => cellExportText(r[c], t))),
  };
}

export function fullTableAsRows(dataset: Dataset, rowsById: ReadonlyMap<string, FieldRow>, t: Translate) {
  const rows = dataset.systems.map((s) => rowsById.get(s.id)).filter((r): r is FieldRow => !!r);
  return tableAsRows(rows, FIELD_IDS, t);
}

/** A self-describing JSON document: the systems shown plus every source they cite. */
export function systemsAsJson(dataset: Dataset, systems: readonly System[], note: string): string {
  const cited = collectSourceIds(systems);
  const doc = {
    meta: { ...dataset.meta, exportNote: note },
    sources: dataset.sources.filter((s) => cited.has(s.id)),
    families: dataset.families,
    systems,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function datasetAsJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
