import type { FieldId, SortSpec } from '../data/fields';
import type { FieldRow } from './system-fields';
import { cached } from '../lib/cache';
import { pickInOrder } from '../lib/pick-in-order';

/*
 * The model explorer's sort. Each field's order over the whole dataset is worked out once (a
 * "rank" per row, ties sharing one), so sorting any filtered subset, by any mix of fields and
 * directions, compares small integers instead of calling the collator and the table library's
 * value cache for every comparison on every header click.
 */

/*
 * One collator for every comparison: `localeCompare` with options builds a collator per call,
 * which is far slower than the comparison itself.
 */
const KEY_COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Ascending comparison of sort keys (numbers by value, text by the collator, digits as numbers). */
export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return KEY_COLLATOR.compare(String(a), String(b));
}

/** Per table of rows (one per dataset and language) and field: each row's rank; rows without a value are absent. */
const rankCache = new WeakMap<ReadonlyMap<string, FieldRow>, Map<FieldId, Map<FieldRow, number>>>();

/** Each row's position in ascending order of `field`'s sort key over all of `rowsById` (equal keys, equal ranks). */
export function fieldRanks(rowsById: ReadonlyMap<string, FieldRow>, field: FieldId): ReadonlyMap<FieldRow, number> {
  const byField = cached(rankCache, rowsById, () => new Map<FieldId, Map<FieldRow, number>>());
  return cached(byField, field, () => {
    const keyed = [...rowsById.values()].filter((r) => r[field].sortKey !== undefined);
    const compare = keyed.every((r) => isIsoDay(r[field].sortKey)) ? compareCodeUnits : compareKeys;
    keyed.sort((a, b) => compare(a[field].sortKey, b[field].sortKey));
    const ranks = new Map<FieldRow, number>();
    let rank = 0;
    for (let i = 0; i < keyed.length; i++) {
      if (i > 0 && compare(keyed[i - 1][field].sortKey, keyed[i][field].sortKey) !== 0) rank = i;
      ranks.set(keyed[i], rank);
    }
    return ranks;
  });
}

/*
 * Release dates sort by "YYYY-MM-DD" keys (the explorer's default order). For keys all of that
 * one fixed shape, the collator's numeric order is plain code-unit order (same-width digit runs at
 * the same places), and only identical keys are equal: comparing code units gives the same ranks
 * without the collator.
 */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDay = (key: unknown): boolean => typeof key === 'string' && ISO_DAY.test(key);
const compareCodeUnits = (a: unknown, b: unknown): number => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);

/**
 * `rows` sorted by `sorting` (first key first): each key ascending or descending, rows without a
 * value for a key after those with one in either direction, and rows equal on every key in their
 * order in `rows`. The rows must come from `rowsById`. Returns `rows` itself when unsorted.
 */
export function sortFieldRows(
  rows: readonly FieldRow[],
  sorting: readonly SortSpec[],
  rowsById: ReadonlyMap<string, FieldRow>,
): readonly FieldRow[] {
  if (sorting.length === 0 || rows.length < 2) return rows;
  const n = rows.length;
  // Per key, each row's rank as a number (NaN: no value), in a flat array read by row position.
  const keys = sorting.map((s) => {
    const ranks = fieldRanks(rowsById, s.id);
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = ranks.get(rows[i]) ?? NaN;
    return { column, sign: s.desc ? -1 : 1 };
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (const { column, sign } of keys) {
      const x = column[a];
      const y = column[b];
      const xMissing = Number.isNaN(x);
      const yMissing = Number.isNaN(y);
      if (xMissing || yMissing) {
        if (xMissing && yMissing) continue;
        return xMissing ? 1 : -1;
      }
      if (x !== y) return sign * (x - y);
    }
    return a - b;
  });
  return order.map((i) => rows[i]);
}

/** Per table of rows: the whole table sorted, by sort spec. */
const tableOrderCache = new WeakMap<ReadonlyMap<string, FieldRow>, Map<string, readonly FieldRow[]>>();

/**
 * `sortFieldRows` for rows in table order (the order of `rowsById`, as the filtered rows are):
 * a large subset is picked out of the whole table sorted once per sort spec, instead of sorted
 * again on every filter click (10,000 rows by release date, each time the filters change).
 * Equal to sorting the subset: both are the table's order by the keys, ties in table order.
 */
export function sortTableSubset(
  rows: readonly FieldRow[],
  sorting: readonly SortSpec[],
  rowsById: ReadonlyMap<string, FieldRow>,
): readonly FieldRow[] {
  if (sorting.length === 0 || rows.length < 2) return rows;
  // A small subset sorts faster than the whole table is walked.
  if (rows.length * 8 < rowsById.size) return sortFieldRows(rows, sorting, rowsById);
  const bySpec = cached(tableOrderCache, rowsById, () => new Map<string, readonly FieldRow[]>());
  const spec = sorting.map((s) => `${s.id}${s.desc ? '-' : '+'}`).join(',');
  const whole = cached(bySpec, spec, () => sortFieldRows([...rowsById.values()], sorting, rowsById));
  return pickInOrder(whole, rows);
}
