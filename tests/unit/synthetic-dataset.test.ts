import { parseDataset } from '../../src/data/load-dataset';
import { findLineageCycle, type Dataset } from '../../src/data/schema';
import { SYNTHETIC_NAME_PREFIX, syntheticDataset } from '../fixtures/synthetic-dataset';

function parsed(count: number, seed?: number): Dataset {
  const result = parseDataset(syntheticDataset(count, seed));
  if (!result.ok) throw new Error(`synthetic dataset does not parse:\n${JSON.stringify(result.problems.slice(0, 10), null, 2)}`);
  return result.dataset;
}

describe('syntheticDataset', () => {
  it('validates with 50 systems', () => {
    const ds = parsed(50);
    expect(ds.systems).toHaveLength(50);
    expect(ds.systems[0].id).toBe('syn-00001');
    expect(ds.systems[49].id).toBe('syn-00050');
    expect(ds.systems.every((s) => s.name.startsWith(SYNTHETIC_NAME_PREFIX))).toBe(true);
  });

  it('validates with a single system', () => {
    expect(parsed(1).systems).toHaveLength(1);
  });

  it('rejects a count that cannot make a valid dataset', () => {
    expect(() => syntheticDataset(0)).toThrow(RangeError);
    expect(() => syntheticDataset(2.5)).toThrow(RangeError);
  });

  describe('with 10,000 systems', () => {
    let ds: Dataset;
    beforeAll(() => {
      ds = parsed(10_000);
    });

    it('validates, with unique ids', () => {
      expect(ds.systems).toHaveLength(10_000);
      expect(ds.systems[9_999].id).toBe('syn-10000');
      expect(new Set(ds.systems.map((s) => s.id)).size).toBe(10_000);
    });

    it('has no lineage cycle: every base is an earlier system', () => {
      expect(findLineageCycle(ds.systems)).toBeNull();
      const position = new Map(ds.systems.map((s, i) => [s.id, i]));
      ds.systems.forEach((s, i) => s.baseModels.forEach((b) => expect(position.get(b.id)).toBeLessThan(i)));
    });

    it('has the spread a stress test needs', () => {
      const share = (pred: (s: Dataset['systems'][number]) => boolean) => ds.systems.filter(pred).length / ds.systems.length;
      const models = ds.systems.filter((s) => s.kind === 'model');
      const modelShare = (pred: (s: Dataset['systems'][number]) => boolean) => models.filter(pred).length / models.length;

      expect(share((s) => s.kind === 'model')).toBeGreaterThan(0.8);
      expect(share((s) => s.baseModels.length > 0)).toBeCloseTo(1 / 3, 1);
      expect(share((s) => s.release.status === 'unknown')).toBeCloseTo(0.05, 1);
      expect(share((s) => s.release.status === 'reported' && s.release.value.precision === 'month')).toBeGreaterThan(0.1);
      expect(share((s) => s.organizations.length === 2)).toBeGreaterThan(0.05);
      expect(new Set(ds.systems.flatMap((s) => s.organizations)).size).toBe(400);
      expect(modelShare((s) => s.parameters?.status === 'not-disclosed')).toBeCloseTo(0.15, 1);
      expect(modelShare((s) => s.gpuHours !== undefined)).toBeCloseTo(0.6, 1);
      expect(modelShare((s) => s.co2Tonnes !== undefined)).toBeCloseTo(0.3, 1);
      expect(modelShare((s) => s.weights?.status === 'reported' && s.weights.value.available)).toBeGreaterThan(0.3);
      expect(modelShare((s) => s.weights?.status === 'reported' && !s.weights.value.available)).toBeGreaterThan(0.2);
      expect(new Set(models.map((s) => s.trainingCost.length))).toEqual(new Set([0, 1, 2]));
      expect(ds.systems.some((s) => s.parameters?.talk?.relation === 'differs')).toBe(true);
      expect(new Set(ds.systems.map((s) => s.family).filter(Boolean))).toEqual(new Set(ds.families.map((f) => f.id)));

      const params = models.flatMap((s) =>
        s.parameters?.status === 'reported' || s.parameters?.status === 'estimated' ? [s.parameters.value] : [],
      );
      expect(Math.min(...params)).toBeGreaterThanOrEqual(1e8);
      expect(Math.max(...params)).toBeLessThanOrEqual(2e12);
      const dates = ds.systems.flatMap((s) => (s.release.status === 'reported' ? [s.release.value.date] : [])).sort();
      expect(dates[0] >= '2018-01').toBe(true);
      expect(dates[dates.length - 1] < '2026').toBe(true);
    });
  });

  it('is deterministic: the same seed gives byte-identical JSON, another seed differs', () => {
    const a = JSON.stringify(syntheticDataset(300, 42));
    expect(JSON.stringify(syntheticDataset(300, 42))).toBe(a);
    expect(JSON.stringify(syntheticDataset(300, 43))).not.toBe(a);
    expect(JSON.stringify(syntheticDataset(300))).toBe(JSON.stringify(syntheticDataset(300, 1)));
  });
});
