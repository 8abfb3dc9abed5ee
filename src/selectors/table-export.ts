import type { Dataset, Source, System } from '../data/schema';
import type { FieldId } from '../data/fields';
import { FIELD_IDS } from '../data/fields';
import { cellExportText, collectSourceIds, fieldLabel, type FieldRow, type Translate } from './system-fields';

/*
 * What "Download" writes. The CSV cells are the same text the table shows (value plus the
 * estimate mark), the header is in the UI language. JSON keeps the records themselves, so a
 * download can be read back without loss.
 */

/** Header of the CSV's last column: the whole record as JSON, so our own CSV re-imports without loss. */
export function recordColumnLabel(t: Translate): string {
  return t('export.record-column', 'Record (JSON, for re-import)');
}

/** The record cell: the system, the sources it cites and its family, as JSON (`{system, sources, family?}`). */
export function recordCell(
  system: System,
  sourcesById: ReadonlyMap<string, Source>,
  familiesById: ReadonlyMap<string, Dataset['families'][number]>,
): string {
  const cited = [...collectSourceIds(system)].map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  const family = system.family ? familiesById.get(system.family) : undefined;
  return JSON.stringify(family ? { system, sources: cited, family } : { system, sources: cited });
}

/**
 * The CSV: the visible columns as the table shows them, plus a last column holding each record
 * as JSON (with the dataset's sources it cites and its family, so it re-imports on its own).
 */
export function tableAsRows(
  rows: readonly FieldRow[],
  columns: readonly FieldId[],
  t: Translate,
  dataset: Pick<Dataset, 'sources' | 'families'>,
): { header: string[]; body: string[][] } {
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const familiesById = new Map(dataset.families.map((f) => [f.id, f]));
  return {
    header: [...columns.map((c) => fieldLabel(t, c)), recordColumnLabel(t)],
    body: rows.map((r) => [...columns.map((c) => cellExportText(r[c], t)), recordCell(r.system, sourcesById, familiesById)]),
  };
}

export function fullTableAsRows(dataset: Dataset, rowsById: ReadonlyMap<string, FieldRow>, t: Translate) {
  const rows = dataset.systems.map((s) => rowsById.get(s.id)).filter((r): r is FieldRow => !!r);
  return tableAsRows(rows, FIELD_IDS, t, dataset);
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
