import { describe, expect, it } from 'vitest';
import { fitScaleTrend, msToYear, mulberry32, yearToMs } from './scale-trend';

describe('fitScaleTrend', () => {
  it('finds an exact doubling time, and its interval collapses onto it', () => {
    // Doubling every 6 months: ×4 a year, from 1e20 in 2018, one point a month for six years.
    const points = Array.from({ length: 72 }, (_, i) => ({ year: 2018 + i / 12, value: 1e20 * 2 ** (i / 6) }));
    const trend = fitScaleTrend(points);
    if (!trend.ok) throw new Error('no trend');
    expect(trend.n).toBe(72);
    expect(trend.direction).toBe('doubles');
    expect(trend.months).toBeCloseTo(6, 9);
    expect(trend.ci?.low).toBeCloseTo(6, 9);
    expect(trend.ci?.high).toBeCloseTo(6, 9);
  });

  it('on noisy data, the interval contains the truth and the same points give the same interval', () => {
    const random = mulberry32(42);
    // log10 noise with sd ≈ 0.5 (Box–Muller) around a 10-month doubling.
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const points = Array.from({ length: 300 }, () => {
      const year = 2010 + random() * 13;
      return { year, value: 10 ** (18 + ((year - 2010) * 12 * Math.log10(2)) / 10 + 0.5 * gauss()) };
    });
    const trend = fitScaleTrend(points);
    if (!trend.ok || !trend.ci || trend.ci.high === null || trend.months === null) throw new Error('no interval');
    expect(trend.ci.low).toBeLessThan(10);
    expect(trend.ci.high).toBeGreaterThan(10);
    expect(trend.ci.low).toBeLessThan(trend.months);
    expect(trend.ci.high).toBeGreaterThan(trend.months);
    expect(trend.ci.high - trend.ci.low).toBeLessThan(3);
    expect(fitScaleTrend([...points])).toEqual(trend);
  });

  it('fewer than three points, or one date only, give no trend and say why', () => {
    expect(
      fitScaleTrend([
        { year: 2020, value: 1 },
        { year: 2021, value: 2 },
      ]),
    ).toEqual({ ok: false, reason: 'too-few', n: 2 });
    expect(
      fitScaleTrend([
        { year: 2020.5, value: 1 },
        { year: 2020.5, value: 2 },
        { year: 2020.5, value: 4 },
      ]),
    ).toEqual({ ok: false, reason: 'no-spread', n: 3 });
  });

  it('a falling line halves: ÷10 a year is a halving every 3.6 months', () => {
    const trend = fitScaleTrend([
      { year: 2020, value: 100 },
      { year: 2021, value: 10 },
      { year: 2022, value: 1 },
    ]);
    if (!trend.ok) throw new Error('no trend');
    expect(trend.direction).toBe('halves');
    expect(trend.months).toBeCloseTo(12 * Math.log10(2), 9);
  });

  it('a flat line has no doubling time', () => {
    const trend = fitScaleTrend([
      { year: 2020, value: 5 },
      { year: 2021, value: 5 },
      { year: 2022, value: 5 },
    ]);
    expect(trend).toMatchObject({ ok: true, direction: null, months: null, ci: null });
  });

  it('years and ms convert both ways', () => {
    expect(msToYear(0)).toBe(1970);
    expect(msToYear(yearToMs(2023.25))).toBeCloseTo(2023.25, 9);
  });
});
