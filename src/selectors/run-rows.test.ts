import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  familySpans,
  orderRunRows,
  roundSignificant,
  runKindOf,
  sourceNoteNames,
  thinTicks,
  valueAxis,
  type OrderableRow,
} from './run-rows';

const r = (systemId: string, runKind: OrderableRow['runKind'], sortValue: number, family?: string, sizeKey?: number): OrderableRow => ({
  systemId,
  name: systemId,
  runKind,
  sortValue,
  family,
  sizeKey,
});

describe('runKindOf', () => {
  it('a system fine-tuned from a base is a fine-tune; wrapping or succeeding a model is not', () => {
    expect(runKindOf({ baseModels: [{ id: 'x', relation: 'fine-tuned-from', sources: ['s'] }] })).toBe('fine-tune');
    expect(runKindOf({ baseModels: [{ id: 'x', relation: 'successor-of', sources: ['s'] }] })).toBe('pre-training');
    expect(runKindOf({ baseModels: [] })).toBe('pre-training');
  });
});

describe('orderRunRows', () => {
  it('pre-training first; families together, sizes ascending; groups by their largest value', () => {
    const rows = [
      r('ft-a', 'fine-tune', 5),
      r('big', 'pre-training', 100),
      r('f-13', 'pre-training', 50, 'f', 13),
      r('f-7', 'pre-training', 70, 'f', 7),
      r('ft-b', 'fine-tune', 9),
      r('f-x', 'pre-training', 1, 'f'),
    ];
    expect(orderRunRows(rows).map((x) => x.systemId)).toEqual(['big', 'f-7', 'f-13', 'f-x', 'ft-b', 'ft-a']);
  });

  it('family spans cover adjacent members only', () => {
    expect(familySpans([{ family: 'a' }, { family: 'a' }, {}, { family: 'b' }, { family: 'a' }])).toEqual([
      { family: 'a', from: 0, to: 1 },
    ]);
  });
});

describe('valueAxis', () => {
  it('log: a tick at every power of ten around the values', () => {
    expect(valueAxis([30, 4_600_000], 'log')).toEqual({
      domain: [10, 10_000_000],
      ticks: [10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000],
    });
    expect(valueAxis([4, 3_552_000], 'log').ticks[0]).toBe(1);
    // The smallest value never sits on the axis floor: $100 gets a bar from $10.
    expect(valueAxis([100], 'log')).toEqual({ domain: [10, 100], ticks: [10, 100] });
    expect(valueAxis([100, 1_510_000], 'log').domain).toEqual([10, 10_000_000]);
    expect(valueAxis([140, 300], 'log').domain).toEqual([10, 1000]);
    expect(valueAxis([250, 300], 'log').domain).toEqual([100, 1000]);
  });

  it('linear: from 0 to a round maximum in 1/2/2.5/5 steps', () => {
    expect(valueAxis([24, 3_552_000], 'linear')).toEqual({
      domain: [0, 4_000_000],
      ticks: [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000],
    });
    expect(valueAxis([600, 4_600_000], 'linear').domain).toEqual([0, 5_000_000]);
  });

  it('no values: a valid empty axis', () => {
    expect(valueAxis([], 'log').domain).toEqual([1, 10]);
    expect(valueAxis([], 'linear').domain).toEqual([0, 1]);
  });
});

describe('roundSignificant', () => {
  it('rounds without floating-point residue', () => {
    expect(roundSignificant(42598.4, 3)).toBe(42600);
    expect(roundSignificant(3434.67, 3)).toBe(3430);
    expect(roundSignificant(0.012345, 2)).toBe(0.012);
  });
});

describe('thinTicks', () => {
  it('keeps regular steps ending at the last tick', () => {
    const powers = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000];
    expect(thinTicks(powers, 4)).toEqual([10, 1000, 100_000, 10_000_000]);
    expect(thinTicks(powers.slice(1), 4)).toEqual([10, 1000, 100_000, 10_000_000]);
    expect(thinTicks(powers, 8)).toEqual(powers);
  });
});

describe('sourceNoteNames', () => {
  it('names each cited source once, by publisher, else title, else id, in order of citation', () => {
    const sources = new Map<string, { publisher?: string; title: string }>([
      ['a', { publisher: 'Epoch AI', title: 'Paper A' }],
      ['b', { title: 'Blog B' }],
      ['c', { publisher: 'Epoch AI', title: 'Paper C' }],
    ]);
    expect(sourceNoteNames(['b', 'a', 'b', 'c', 'x'], sources)).toEqual(['Blog B', 'Epoch AI', 'x']);
  });
});

describe('orderRunRows matches the plain definition', () => {
  /** The order spelled out: sections; groups (a family, or one row) by their largest value, then the first name; sizes inside a group. */
  function reference(rows: readonly OrderableRow[]): OrderableRow[] {
    const names = new Intl.Collator();
    const out: OrderableRow[] = [];
    for (const kind of ['pre-training', 'fine-tune'] as const) {
      const groups = new Map<string, OrderableRow[]>();
      for (const r of rows.filter((x) => x.runKind === kind)) {
        const key = r.family ? `family:${r.family}` : `system:${r.systemId}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      const sorted = [...groups.values()].map((g) =>
        [...g].sort((a, b) => (a.sizeKey ?? Infinity) - (b.sizeKey ?? Infinity) || names.compare(a.name, b.name)),
      );
      sorted.sort(
        (a, b) => Math.max(...b.map((r) => r.sortValue)) - Math.max(...a.map((r) => r.sortValue)) || names.compare(a[0].name, b[0].name),
      );
      for (const g of sorted) out.push(...g);
    }
    return out;
  }

  it('for random rows with shared families, equal values, equal sizes and equal names', () => {
    const rowArb = fc.record({
      name: fc.constantFrom('A', 'a', 'B', 'LLaMA-7B', 'llama-13b', 'Z'),
      runKind: fc.constantFrom('pre-training', 'fine-tune') as fc.Arbitrary<OrderableRow['runKind']>,
      sortValue: fc.constantFrom(1, 2, 100, 1e6),
      family: fc.constantFrom(undefined, '', 'f1', 'f2'),
      sizeKey: fc.constantFrom(undefined, 7e9, 13e9),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (partial) => {
        const rows = partial.map((r, i) => ({ ...r, systemId: `s${i}` }));
        expect(orderRunRows(rows).map((r) => r.systemId)).toEqual(reference(rows).map((r) => r.systemId));
      }),
      { numRuns: 400 },
    );
  });
});
