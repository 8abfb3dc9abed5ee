import type { SortSpec } from '../data/fields';
import type { FieldRow } from './system-fields';

/** The model explorer's sort: each field's sort key, compared as below. */

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

/**
 * `rows` sorted by `sorting` (first key first): each key ascending or descending, rows without a
 * value for a key after those with one in either direction, and rows equal on every key in their
 * order in `rows`. Returns `rows` itself when unsorted.
 */
export function sortFieldRows(rows: readonly FieldRow[], sorting: readonly SortSpec[]): readonly FieldRow[] {
  if (sorting.length === 0 || rows.length < 2) return rows;
  return [...rows].sort((a, b) => {
    for (const { id, desc } of sorting) {
      const x = a[id].sortKey;
      const y = b[id].sortKey;
      if (x === undefined || y === undefined) {
        if (x === y) continue;
        return x === undefined ? 1 : -1;
      }
      const c = compareKeys(x, y);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}
