import { sourceSchema, systemSchema, type Dataset, type Source, type System } from '../data/schema';
import { translate, LOCALES } from '../i18n/i18n';
import { recordColumnLabel } from '../selectors/table-export';
import type { ReportParts } from './report';
import type { ImportFormat, ImportedData, PendingBaseModel } from './types';
import { clip, longerThan, normaliseHeader } from './values';
import { importText } from './import-text';

/*
 * This dashboard's own exports read back without loss: the dataset JSON, the view JSON (records
 * plus the sources they cite) and the CSV, whose last column holds each record as JSON.
 */

/** Where the record column is in a header of ours (either UI language), or -1. */
export function recordColumnIndex(header: readonly string[]): number {
  const labels = new Set(LOCALES.map((locale) => normaliseHeader(recordColumnLabel((k, e, v) => translate(locale, k, e, v)))));
  return header.findIndex((h) => labels.has(normaliseHeader(h)));
}

interface RawRecord {
  row: number;
  system: unknown;
  sources?: unknown;
  family?: unknown;
}

const familySchema = systemSchema.shape.id;

function firstIssue(result: { error: { issues: { path: PropertyKey[]; message: string }[] } }): { field: string; reason: string } {
  const issue = result.error.issues[0];
  return { field: issue?.path.map(String).join('.') || 'record', reason: issue?.message ?? importText('notValidRecord') };
}

/**
 * Validates records one by one: a record that is not a valid system is rejected with its first
 * problem; its sources are kept once (by id); base models outside the file stay pending by id.
 */
export function readOwnRecords(
  records: RawRecord[],
  extraSources: unknown[],
  extraFamilies: unknown[],
  parts: ReportParts,
  tick: (done: number) => void,
): ImportedData {
  const systems: System[] = [];
  const sources = new Map<string, Source>();
  const families = new Map<string, Dataset['families'][number]>();
  const ids = new Set<string>();
  const addSource = (raw: unknown) => {
    const s = sourceSchema.safeParse(raw);
    if (!s.success) {
      const id = raw && typeof raw === 'object' && 'id' in raw ? clip(String((raw as { id: unknown }).id), 100) : '?';
      parts.warnings.push(importText('sourceInvalid', { id, field: firstIssue(s).field, reason: firstIssue(s).reason }));
      return;
    }
    const had = sources.get(s.data.id);
    if (!had) sources.set(s.data.id, s.data);
    else if (JSON.stringify(had) !== JSON.stringify(s.data)) parts.warnings.push(importText('sourceTwice', { id: s.data.id }));
  };
  const addFamily = (raw: unknown) => {
    if (!raw || typeof raw !== 'object') return;
    const { id, name, nameZh } = raw as { id?: unknown; name?: unknown; nameZh?: unknown };
    if (familySchema.safeParse(id).success && typeof name === 'string' && name.trim() && !families.has(id as string))
      families.set(id as string, { id: id as string, name, ...(typeof nameZh === 'string' && nameZh.trim() ? { nameZh } : {}) });
  };
  extraSources.forEach(addSource);
  extraFamilies.forEach(addFamily);
  records.forEach((rec, i) => {
    tick(i + 1);
    const parsed = systemSchema.safeParse(rec.system);
    if (!parsed.success) {
      const { field, reason } = firstIssue(parsed);
      parts.rejected.push({ row: rec.row, field, reason });
      return;
    }
    if (ids.has(parsed.data.id)) {
      parts.rejected.push({ row: rec.row, field: 'id', reason: importText('duplicateId', { id: parsed.data.id }) });
      return;
    }
    ids.add(parsed.data.id);
    systems.push(parsed.data);
    if (Array.isArray(rec.sources)) rec.sources.forEach(addSource);
    if (rec.family !== undefined) addFamily(rec.family);
  });

  // Base models the file does not hold wait for the dataset they are merged into.
  const pendingBaseModels: PendingBaseModel[] = [];
  for (const s of systems) {
    const kept = s.baseModels.filter((b) => ids.has(b.id));
    for (const b of s.baseModels) {
      if (!ids.has(b.id))
        pendingBaseModels.push({
          systemId: s.id,
          ref: b.id,
          by: 'id',
          relation: b.relation,
          sources: b.sources,
          ...(b.note ? { note: b.note } : {}),
        });
    }
    if (kept.length !== s.baseModels.length) s.baseModels = kept;
  }
  const missing = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (k === 'sources' && Array.isArray(inner)) inner.forEach((id) => typeof id === 'string' && !sources.has(id) && missing.add(id));
        else visit(inner);
      }
    }
  };
  visit(systems);
  if (missing.size > 0) {
    parts.warnings.push(
      importText(missing.size === 1 ? 'sourcesMissingOne' : 'sourcesMissingMany', {
        sources: missing.size,
        ids: [...missing].slice(0, 20).join(', '),
      }),
    );
  }
  return { systems, sources: [...sources.values()], families: [...families.values()], pendingBaseModels };
}

export type JsonRead = { format: ImportFormat; data: ImportedData } | { fatal: string };

/** Our dataset JSON, our view JSON, or a bare array of system records. */
export function readOwnJson(doc: unknown, parts: ReportParts, tick: (done: number) => void): JsonRead {
  const asRecords = (list: unknown[]): RawRecord[] => list.map((system, i) => ({ row: i + 1, system }));
  if (Array.isArray(doc)) {
    parts.rowsRead = doc.length;
    return { format: 'systems-json', data: readOwnRecords(asRecords(doc), [], [], parts, tick) };
  }
  if (!doc || typeof doc !== 'object')
    return {
      fatal: importText('jsonHoldsNoRecords', { kind: kindOf(doc) }),
    };
  const o = doc as Record<string, unknown>;
  if (!Object.hasOwn(o, 'systems')) {
    const keys = Object.keys(o);
    const named = keys.slice(0, 10).map((k) => `“${clip(k, 60)}”`);
    return {
      fatal: importText('jsonNoSystems', {
        keys: `${named.length ? named.join(', ') : importText('none')}${keys.length > 10 ? ', …' : ''}`,
      }),
    };
  }
  if (!Array.isArray(o.systems)) return { fatal: importText('jsonSystemsNotList', { kind: kindOf(o.systems) }) };
  const meta = o.meta && typeof o.meta === 'object' ? (o.meta as Record<string, unknown>) : undefined;
  const full = !!meta && Array.isArray(o.sources) && !!o.reference && typeof o.reference === 'object' && !('exportNote' in meta);
  parts.rowsRead = o.systems.length;
  if (full) parts.warnings.push(importText('fullDataset'));
  const data = readOwnRecords(
    asRecords(o.systems),
    Array.isArray(o.sources) ? o.sources : [],
    Array.isArray(o.families) ? o.families : [],
    parts,
    tick,
  );
  return { format: full ? 'dataset-json' : 'systems-json', data };
}

/** What a JSON value is, for a message: "an object", "null", "a number"… */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return importText('kindList');
  switch (typeof v) {
    case 'object':
      return importText('kindObject');
    case 'string':
      return importText('kindText');
    case 'number':
      return importText('kindNumber');
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return typeof v;
  }
}

/** The longest record cell read: a system of ours with its sources is far smaller. */
export const RECORD_CELL_LIMIT = 200_000;

export interface OwnCsvReader {
  add(cells: readonly string[], rowNo: number): void;
  finish(): ImportedData;
}

/** Our CSV, a row at a time: each row's record column is `{system, sources, family?}` as JSON. */
export function createOwnCsvReader(recordAt: number, parts: ReportParts): OwnCsvReader {
  const records: RawRecord[] = [];
  const add = (cells: readonly string[], rowNo: number): void => {
    const raw = cells[recordAt] ?? '';
    if (longerThan(raw, RECORD_CELL_LIMIT)) {
      parts.rejected.push({
        row: rowNo,
        field: 'record',
        reason: importText('tooLong', { max: RECORD_CELL_LIMIT.toLocaleString('en-US') }),
      });
      return;
    }
    const text = raw.trim();
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch {
      rec = undefined;
    }
    if (!rec || typeof rec !== 'object' || !('system' in rec)) {
      parts.rejected.push({
        row: rowNo,
        field: 'record',
        reason: importText(text ? 'recordNotOurs' : 'recordEmpty'),
      });
      return;
    }
    const r = rec as { system: unknown; sources?: unknown; family?: unknown };
    records.push({ row: rowNo, system: r.system, sources: r.sources, family: r.family });
  };
  // Progress was reported while the rows were read.
  const finish = () => readOwnRecords(records, [], [], parts, () => {});
  return { add, finish };
}
