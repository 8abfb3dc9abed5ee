import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { FIELD_IDS, type FieldId, type SortSpec } from '../data/fields';
import { translate } from '../i18n/i18n';
import { compareKeys, sortFieldRows } from './explorer-sort';
import { selectFieldRows, type FieldRow } from './system-fields';

/** The order the table had when the library sorted it: compareKeys per key, no value last either way, ties in input order. */
function referenceSort(rows: readonly FieldRow[], sorting: readonly SortSpec[]): FieldRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      for (const s of sorting) {
        const x = a.row[s.id].sortKey;
        const y = b.row[s.id].sortKey;
        if (x === undefined && y === undefined) continue;
        if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
        const c = compareKeys(x, y);
        if (c !== 0) return s.desc ? -c : c;
      }
      return a.index - b.index;
    })
    .map((e) => e.row);
}

/** Rows with only the fields under test, from small pools so that ties and missing values are common. */
function fakeRows(keys: readonly (readonly (string | number | undefined)[])[], fields: readonly FieldId[]): Map<string, FieldRow> {
  return new Map(
    keys.map((k, i) => {
      const row = { system: { id: `s${i}` } } as unknown as Record<string, unknown>;
      fields.forEach((f, j) => (row[f] = { status: 'reported', text: String(k[j]), sortKey: k[j], sources: [] }));
      return [`s${i}`, row as unknown as FieldRow];
    }),
  );
}

describe('sortFieldRows', () => {
  const rowsById = selectFieldRows(bundledDataset(), 'en', (k: string, e: string, v?: Record<string, string | number>) =>
    translate('en', k, e, v),
  );
  const all = [...rowsById.values()];

  it('orders the bundled rows exactly as a comparison sort would, for every field in both directions', () => {
    for (const id of FIELD_IDS) {
      for (const desc of [false, true]) {
        const sorted = sortFieldRows(all, [{ id, desc }]);
        expect(
          sorted.map((r) => r.system.id),
          `${id} ${desc ? 'desc' : 'asc'}`,
        ).toEqual(referenceSort(all, [{ id, desc }]).map((r) => r.system.id));
      }
    }
  });

  it('puts rows without a value last in both directions (parameters: disclosed sizes first)', () => {
    for (const desc of [false, true]) {
      const sorted = sortFieldRows(all, [{ id: 'parameters', desc }]);
      const firstMissing = sorted.findIndex((r) => r.parameters.sortKey === undefined);
      expect(firstMissing).toBeGreaterThan(0);
      expect(sorted.slice(firstMissing).every((r) => r.parameters.sortKey === undefined)).toBe(true);
      const values = sorted.slice(0, firstMissing).map((r) => r.parameters.sortKey as number);
      expect(values).toEqual([...values].sort((a, b) => (desc ? b - a : a - b)));
    }
  });

  it('sorts a filtered subset, and leaves an unsorted table alone', () => {
    const subset = all.filter((_, i) => i % 3 === 0);
    const sorting: SortSpec[] = [
      { id: 'organization', desc: false },
      { id: 'release', desc: true },
    ];
    expect(sortFieldRows(subset, sorting)).toEqual(referenceSort(subset, sorting));
    expect(sortFieldRows(subset, [])).toBe(subset);
  });

  it('keeps equal keys in input order ("llama 7b" and "LLaMA 7B" compare equal), in both directions', () => {
    const rows = [...fakeRows([['LLaMA 7B'], [undefined], ['llama 7b'], ['Alpaca']], ['name']).values()];
    const ids = (desc: boolean) => sortFieldRows(rows, [{ id: 'name', desc }]).map((r) => r.system.id);
    expect(ids(false)).toEqual(['s3', 's0', 's2', 's1']);
    expect(ids(true)).toEqual(['s0', 's2', 's3', 's1']);
  });

  it('matches the comparison sort on random rows, keys and directions (ties, missing values, text with digits)', () => {
    const fields: FieldId[] = ['name', 'organization', 'parameters'];
    const text = fc.constantFrom('GPT-3', 'gpt-3', 'GPT-10', 'GPT-2', 'Ä', 'a', 'B', '', undefined);
    const num = fc.constantFrom(0, 1, 7e9, 1.3e10, 1.3e10, -1, undefined);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text, num), { maxLength: 40 }),
        fc.uniqueArray(fc.record({ id: fc.constantFrom(...fields), desc: fc.boolean() }), { selector: (s) => s.id, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (keys, sorting, every) => {
          const rows = fakeRows(keys, fields);
          const subset = [...rows.values()].filter((_, i) => i % every === 0);
          expect(sortFieldRows(subset, sorting).map((r) => r.system.id)).toEqual(referenceSort(subset, sorting).map((r) => r.system.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
