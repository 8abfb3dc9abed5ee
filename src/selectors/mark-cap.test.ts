import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { buildCostSeries } from './cost-series';
import { selectFilteredSystems, selectTimelineEntries } from './filtered-systems';
import { lineageSubset } from './lineage';
import { firstItems, MAX_BARS, topByValue, topRowsByValue } from './mark-cap';
import { factValue } from './system-facts';
import { buildCappedTimelineSeries, buildTimelineSeries, countSystemItems, type TimelineOptions } from './timeline-series';
import { capTimelineSeries } from '../../tests/fixtures/cap-timeline';
import { parseDataset } from '../data/load-dataset';
import { syntheticDataset } from '../../tests/fixtures/synthetic-dataset';

const row = (systemId: string, sortValue: number) => ({ systemId, sortValue });

describe('topRowsByValue (bar charts)', () => {
  const rows = [row('a', 5), row('b', 50), row('c', 1), row('d', 20), row('e', 50)];

  it('keeps the largest values, in the input order, and counts what it had', () => {
    const capped = topRowsByValue(rows, 3);
    expect(capped.rows.map((r) => r.systemId)).toEqual(['b', 'd', 'e']);
    expect(capped).toMatchObject({ total: 5, capped: true });
  });

  it('keeps the selected system even when it is the smallest', () => {
    const capped = topRowsByValue(rows, 2, ['c', null]);
    expect(capped.rows.map((r) => r.systemId)).toEqual(['b', 'c', 'e']);
    expect(capped.total).toBe(5);
  });

  it('ties keep the earlier row; small inputs come back untouched', () => {
    expect(topRowsByValue(rows, 1).rows.map((r) => r.systemId)).toEqual(['b']);
    const same = topRowsByValue(rows, 5);
    expect(same).toEqual({ rows, total: 5, capped: false });
    expect(same.rows).toBe(rows);
  });

  it('on a real cost series: the MAX_BARS most expensive training runs', () => {
    const ds = bundledDataset();
    const series = buildCostSeries(ds, selectFilteredSystems(ds, DEFAULT_FILTERS));
    const capped = topRowsByValue(series.rows, 3);
    const largest = [...series.rows].sort((a, b) => b.sortValue - a.sortValue).slice(0, 3);
    expect(new Set(capped.rows.map((r) => r.systemId))).toEqual(new Set(largest.map((r) => r.systemId)));
    expect(topRowsByValue(series.rows, MAX_BARS).capped).toBe(series.rows.length > MAX_BARS);
  });
});

describe('topByValue (any items)', () => {
  it('uses the given value and id', () => {
    const bars = [
      { id: 'x', value: 3 },
      { id: 'y', value: 9 },
      { id: 'z', value: 1 },
    ];
    expect(
      topByValue(
        bars,
        1,
        (b) => b.value,
        (b) => b.id,
        ['z'],
      ).rows.map((b) => b.id),
    ).toEqual(['y', 'z']);
  });
});

describe('firstItems (overview chips)', () => {
  it('the first N in order, the kept one appended in place, and the count of the rest', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const capped = firstItems(items, 2, (s) => s, ['d']);
    expect(capped.rows).toEqual(['a', 'b', 'd']);
    expect(capped.total - capped.rows.length).toBe(2);
    expect(firstItems(items, 9, (s) => s)).toEqual({ rows: items, total: 5, capped: false });
  });
});

describe('lineageSubset', () => {
  const sys = (id: string, bases: string[] = [], family?: string) => ({
    id,
    family,
    baseModels: bases.map((b) => ({ id: b, relation: 'fine-tuned-from' as const, sources: ['s'] })),
  });
  // Tree A: a0 → a1 → a2, a0 → a3 (4 systems). Tree B: b0 → b1 → f7, with f7's family sizes f13 and f33 (5). Loner z.
  const systems = [
    sys('a0'),
    sys('a1', ['a0']),
    sys('b0'),
    sys('a2', ['a1']),
    sys('b1', ['b0']),
    sys('a3', ['a0']),
    sys('z'),
    sys('f7', ['b1'], 'f'),
    sys('f13', [], 'f'),
    sys('f33', [], 'f'),
  ];

  it('returns everything when the linked systems fit', () => {
    const all = lineageSubset(systems, 20);
    expect(all).toMatchObject({ shown: 9, total: 9, capped: false });
    expect(all.systems).toBe(systems);
  });

  it('keeps the largest tree first (a family joins its tree), from its base outward, and counts shown of total', () => {
    const sub = lineageSubset(systems, 3);
    expect(sub.systems.map((s) => s.id)).toEqual(['b0', 'b1', 'f7']);
    expect(sub).toMatchObject({ shown: 3, total: 9, capped: true });
    // Then the next tree, base first.
    expect(lineageSubset(systems, 7).systems.map((s) => s.id)).toEqual(['a0', 'a1', 'b0', 'b1', 'f7', 'f13', 'f33']);
  });

  it('keeps the selected system and its ancestors, never a loner', () => {
    const sub = lineageSubset(systems, 3, ['a2', 'z']);
    expect(sub.systems.map((s) => s.id)).toEqual(['a0', 'a1', 'b0', 'a2', 'b1', 'f7']);
    expect(sub.shown).toBe(6);
  });
});

describe('capTimelineSeries (the definition buildCappedTimelineSeries is held to)', () => {
  const ds = bundledDataset();
  // The systems in view and the papers and events marked beside them, as the timeline draws.
  const all = selectTimelineEntries(ds, DEFAULT_FILTERS);
  const full = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'all' });
  const marked = full.items.filter((i) => i.annotation).map((i) => i.id);
  const systemItems = full.items.filter((i) => !i.annotation);
  const params = new Map(ds.systems.map((s) => [s.id, factValue(s.parameters) ?? 0]));
  const score = (id: string) => params.get(id) ?? 0;

  it('leaves a small series as it is', () => {
    const same = capTimelineSeries(full, 1000, score);
    expect(same.capped).toBe(false);
    expect(same.items).toBe(full.items);
  });

  it('draws the largest models and every paper and event, drops links and lanes to what is drawn, and lists the rest as left out', () => {
    expect(marked.sort()).toEqual(['ligo', 'patterson-2021', 'pytorch-2', 'sustainable-ai']);
    // A cap of 20 leaves room for 4 papers and events (a fifth of it): all of them are marked.
    const capped = capTimelineSeries(full, 20, score);
    expect(capped.capped).toBe(true);
    expect(capped.annotationsUnmarked).toBe(0);
    expect(capped.items).toHaveLength(20 + marked.length);
    const largest = [...systemItems].sort((a, b) => score(b.id) - score(a.id)).slice(0, 20);
    expect(new Set(capped.items.map((i) => i.id))).toEqual(new Set([...largest.map((i) => i.id), ...marked]));
    const kept = new Set(capped.items.map((i) => i.id));
    for (const l of capped.links) expect(kept.has(l.from) && kept.has(l.to)).toBe(true);
    for (const lane of capped.lanes) expect(lane.itemIds.length).toBeGreaterThan(0);
    expect(capped.lanes.flatMap((l) => l.itemIds).sort()).toEqual([...kept].sort());
    expect(capped.leftOut.filter((l) => l.reason === 'capped')).toHaveLength(systemItems.length - 20);
    expect(capped.total).toBe(full.total);
    // Items stay in release order.
    expect(capped.items.map((i) => i.release.start)).toEqual([...capped.items.map((i) => i.release.start)].sort((a, b) => a - b));
  });

  it('keeps the selected system drawn', () => {
    const smallest = [...systemItems].sort((a, b) => score(a.id) - score(b.id))[0];
    const capped = capTimelineSeries(full, 20, score, [smallest.id]);
    expect(capped.items.map((i) => i.id)).toContain(smallest.id);
    expect(capped.items).toHaveLength(21 + marked.length);
  });

  it('marks at most a fifth of the cap of papers and events, spread over the window, plus a kept one; they are not left-out systems', () => {
    const inOrder = full.items.filter((i) => i.annotation).map((i) => i.id);
    expect(inOrder).toHaveLength(4);
    // Cap 10 → 2 of the 4: the 1st and the 3rd in release order.
    const two = capTimelineSeries(full, 10, score);
    expect(two.items.filter((i) => i.annotation).map((i) => i.id)).toEqual([inOrder[0], inOrder[2]]);
    expect(two.annotationsUnmarked).toBe(2);
    expect(two.leftOut.map((l) => l.id)).not.toContain(inOrder[1]);
    // Cap 5 → 1, and the selected paper stays marked beside it.
    const one = capTimelineSeries(full, 5, score, [inOrder[3]]);
    expect(one.items.filter((i) => i.annotation).map((i) => i.id)).toEqual([inOrder[0], inOrder[3]]);
    expect(one.annotationsUnmarked).toBe(2);
  });
});

describe('buildCappedTimelineSeries', () => {
  // A synthetic dataset with many same-day releases, equal scores and organizations with few systems.
  const parsed = parseDataset(syntheticDataset(400, 7));
  if (!parsed.ok) throw new Error('synthetic dataset invalid');
  const datasets = [bundledDataset(), parsed.dataset];

  it('equals capping the whole series, for random subsets, caps, kept ids, lanes and windows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('kind', 'organization') as fc.Arbitrary<TimelineOptions['lanes']>,
        fc.constantFrom('all', 'wave-2023') as fc.Arbitrary<TimelineOptions['zoom']>,
        fc.integer({ min: 0, max: 3 }),
        fc.nat(399),
        (which, picks, cap, lanes, zoom, scoreKind, keepIndex) => {
          const ds = datasets[which];
          const subset = ds.systems.filter((_, i) => picks[i % picks.length]);
          const params = new Map(ds.systems.map((s) => [s.id, factValue(s.parameters) ?? 0]));
          // Real parameter counts, all equal, or a few distinct values: ties at the cap are common.
          const score = [
            (id: string) => params.get(id) ?? 0,
            () => 1,
            (id: string) => id.length % 3,
            (id: string) => ((params.get(id) ?? 0) > 1e10 ? 2 : 0),
          ][scoreKind];
          const keep = [subset[keepIndex % Math.max(1, subset.length)]?.id, 'not-a-system', null];
          const options: TimelineOptions = { lanes, zoom };
          const expected = capTimelineSeries(buildTimelineSeries(ds, subset, options), cap, score, keep);
          const actual = buildCappedTimelineSeries(ds, subset, options, cap, score, keep);
          expect(actual).toEqual({ ...expected, totalItems: countSystemItems(buildTimelineSeries(ds, subset, options).items) });
        },
      ),
      { numRuns: 120 },
    );
  });
});
