import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { translate } from '../i18n/i18n';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { selectFilteredSystems } from './filtered-systems';
import { buildScaleSeries, inPeriod, releaseMs, scaleLeftOutLabel, scaleTrend, SCALE_METRICS } from './scale-series';

const t = (key: string, english: string, vars?: Record<string, string | number>) => translate('en', key, english, vars);
const ds = bundledDataset();
const inView = selectFilteredSystems(ds, DEFAULT_FILTERS);

describe('buildScaleSeries on the bundled data', () => {
  it('draws every dated system with a FLOP figure, sorted by date, and lists the others with the reason', () => {
    const series = buildScaleSeries(inView, 'flop');
    const withFlop = inView.filter((s) => s.flop && (s.flop.status === 'reported' || s.flop.status === 'estimated'));
    expect(series.points.map((p) => p.systemId).sort()).toEqual(withFlop.map((s) => s.id).sort());
    expect(series.points.length).toBeGreaterThanOrEqual(10);
    expect(series.points.length + series.leftOut.length).toBe(series.total);
    expect(series.total).toBe(inView.length);
    const dates = series.points.map((p) => p.date);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    for (const p of series.points) expect(p.value).toBe((inView.find((s) => s.id === p.systemId)!.flop as { value: number }).value);
    const gpt3 = series.points.find((p) => p.systemId === 'gpt-3')!;
    expect(gpt3.value).toBeGreaterThan(1e23);
    expect(['reported', 'estimated']).toContain(gpt3.status);
  });

  it('every metric keeps the drawn + left-out count equal to the systems in view', () => {
    for (const metric of SCALE_METRICS) {
      const series = buildScaleSeries(inView, metric);
      expect(series.points.length + series.leftOut.length).toBe(inView.length);
      expect(series.points.every((p) => p.value > 0)).toBe(true);
    }
  });

  it('a paper is not applicable, not "not disclosed"', () => {
    const series = buildScaleSeries(inView, 'flop');
    const paper = series.leftOut.find((l) => l.kind === 'paper');
    if (paper) expect(scaleLeftOutLabel(paper, 'flop', t)).toBe('not applicable (paper/event)');
  });

  it('on the bundled FLOP figures the line falls: the 2023 open models are smaller than GPT-3.5', () => {
    const trend = scaleTrend(buildScaleSeries(inView, 'flop'), null);
    expect(trend).toMatchObject({ ok: true, n: 10, direction: 'halves' });
    // The 2022–2023 wave alone: GPT-3.5, LaMDA and the LLaMA, Pythia, Dolly releases.
    expect(scaleTrend(buildScaleSeries(inView, 'flop'), { from: 2022, to: 2023 })).toMatchObject({ ok: true, n: 8 });
  });
});

describe('dates and periods', () => {
  it('a month-precision date sits mid-month; a period includes both of its years', () => {
    expect(new Date(releaseMs({ date: '2023-03', precision: 'month', marks: 'x' })).toISOString()).toBe('2023-03-15T00:00:00.000Z');
    expect(releaseMs({ date: '2020-05-28', precision: 'day', marks: 'x' })).toBe(Date.UTC(2020, 4, 28));
    const period = { from: 2020, to: 2023 };
    expect(inPeriod({ date: Date.UTC(2020, 0, 1) }, period)).toBe(true);
    expect(inPeriod({ date: Date.UTC(2023, 11, 31) }, period)).toBe(true);
    expect(inPeriod({ date: Date.UTC(2024, 0, 1) }, period)).toBe(false);
    expect(inPeriod({ date: Date.UTC(1999, 0, 1) }, null)).toBe(true);
  });
});
