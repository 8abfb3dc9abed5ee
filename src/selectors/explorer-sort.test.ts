import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { FIELD_IDS, type FieldId, type SortSpec } from '../data/fields';
import { translate } from '../i18n/i18n';
import { compareKeys, fieldRanks, sortFieldRows, sortTableSubset } from './explorer-sort';
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
        const sorted = sortFieldRows(all, [{ id, desc }], rowsById);
        expect(
          sorted.map((r) => r.system.id),
          `${id} ${desc ? 'desc' : 'asc'}`,
        ).toEqual(referenceSort(all, [{ id, desc }]).map((r) => r.system.id));
      }
    }
  });

  it('puts rows without a value last in both directions (parameters: disclosed sizes first)', () => {
    for (const desc of [false, true]) {
      const sorted = sortFieldRows(all, [{ id: 'parameters', desc }], rowsById);
      const firstMissing = sorted.findIndex((r) => r.parameters.sortKey === undefined);
      expect(firstMissing).toBeGreaterThan(0);
      expect(sorted.slice(firstMissing).every((r) => r.parameters.sortKey === undefined)).toBe(true);
      const values = sorted.slice(0, firstMissing).map((r) => r.parameters.sortKey as number);
      expect(values).toEqual([...values].sort((a, b) => (desc ? b - a : a - b)));
    }
  });

  it('sorts a filtered subset by the ranks of the whole table, and leaves an unsorted table alone', () => {
    const subset = all.filter((_, i) => i % 3 === 0);
    const sorting: SortSpec[] = [
      { id: 'organization', desc: false },
      { id: 'release', desc: true },
    ];
    expect(sortFieldRows(subset, sorting, rowsById)).toEqual(referenceSort(subset, sorting));
    expect(sortFieldRows(subset, [], rowsById)).toBe(subset);
  });

  it('gives equal keys equal ranks ("llama 7b" and "LLaMA 7B" compare equal)', () => {
    const rows = fakeRows([['LLaMA 7B'], ['llama 7b'], ['Alpaca'], [undefined]], ['name']);
    const ranks = fieldRanks(rows, 'name');
    const [llamaUpper, llamaLower, alpaca, none] = [...rows.values()];
    expect(ranks.get(alpaca)).toBe(0);
    expect(ranks.get(llamaUpper)).toBe(1);
    expect(ranks.get(llamaLower)).toBe(1);
    expect(ranks.has(none)).toBe(false);
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
          expect(sortFieldRows(subset, sorting, rows).map((r) => r.system.id)).toEqual(
            referenceSort(subset, sorting).map((r) => r.system.id),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fieldRanks', () => {
  it('ranks release-style keys (all "YYYY-MM-DD") exactly as the collator does', () => {
    const iso = ([y, m, d]: [number, number, number]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    // Mostly a few nearby dates, so equal keys (ties) are common; sometimes any digits at all.
    const day = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(fc.integer({ min: 2022, max: 2023 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(iso),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(iso),
      },
    );
    // Other digit-and-dash keys ("9-10", "2023-3-1") are not of that shape: numbers inside compare by value.
    const other = fc.stringMatching(/^[0-9]{1,3}(-[0-9]{1,3}){0,2}$/);
    const pool = fc.oneof(fc.constant('all days'), fc.constant('mixed'));
    fc.assert(
      fc.property(
        pool.chain((p) => fc.array(fc.option(p === 'mixed' ? fc.oneof(day, other) : day, { nil: undefined }), { maxLength: 60 })),
        (keys) => {
          const rows = fakeRows(
            keys.map((k) => [k]),
            ['release'],
          );
          const ranks = fieldRanks(rows, 'release');
          const keyed = [...rows.values()].filter((r) => r.release.sortKey !== undefined);
          for (const a of keyed)
            for (const b of keyed) {
              const byCollator = Math.sign(compareKeys(a.release.sortKey, b.release.sortKey));
              expect(Math.sign((ranks.get(a) ?? NaN) - (ranks.get(b) ?? NaN))).toBe(byCollator);
            }
          expect(ranks.size).toBe(keyed.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('sortTableSubset', () => {
  it('equals sorting the subset, for random subsets in table order, keys and directions', () => {
    const fields: FieldId[] = ['name', 'organization', 'parameters'];
    const text = fc.constantFrom('GPT-3', 'gpt-3', 'GPT-10', 'Ä', 'a', 'B', '', undefined);
    const num = fc.constantFrom(0, 1, 7e9, 1.3e10, -1, undefined);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text, num), { minLength: 8, maxLength: 60 }),
        fc.uniqueArray(fc.record({ id: fc.constantFrom(...fields), desc: fc.boolean() }), {
          selector: (s) => s.id,
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom(0.05, 0.3, 0.6, 0.9, 1),
        fc.integer(),
        (keys, sorting, share, seed) => {
          const rows = fakeRows(keys, fields);
          // A subset in table order, from tiny (sorted directly) to all of it (the cached whole order).
          const subset = [...rows.values()].filter((_, i) => ((i * 2654435761 + seed) >>> 0) / 2 ** 32 < share);
          const expected = sortFieldRows(subset, sorting, rows).map((r) => r.system.id);
          expect(sortTableSubset(subset, sorting, rows).map((r) => r.system.id)).toEqual(expected);
          // Asked again (from the cache), the same.
          expect(sortTableSubset(subset, sorting, rows).map((r) => r.system.id)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
