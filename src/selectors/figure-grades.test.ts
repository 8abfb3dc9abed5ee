import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import type { Dataset } from '../data/schema';
import { countFigureGrades } from './figure-grades';

describe('countFigureGrades', () => {
  it('counts the bundled figures by the best grade of their sources', () => {
    const counts = countFigureGrades(bundledDataset());
    expect(counts).toEqual({ total: 276, primary: 242, epoch: 21, secondary: 13, imported: 0 });
    expect(counts.primary + counts.epoch + counts.secondary + counts.imported).toBe(counts.total);
  });

  it('grades a figure by its best source, and leaves out values that are not figures', () => {
    const ds = bundledDataset();
    const one = (sources: string[]) =>
      ({
        sources: [
          { id: 'p', title: 'P', url: 'https://example.org/p', grade: 'primary' },
          { id: 's', title: 'S', url: 'https://example.org/s', grade: 'secondary' },
          { id: 'e', title: 'E', url: 'https://example.org/e', grade: 'epoch' },
        ],
        systems: [
          {
            ...ds.systems[0],
            otherDates: [],
            trainingCost: [],
            release: { status: 'reported', value: { date: '2020-01-01', precision: 'day', marks: 'x' }, sources },
            parameters: { status: 'unknown', note: 'n' },
            modality: undefined,
            trainingData: undefined,
            weights: undefined,
            trainingCode: undefined,
            dataset: undefined,
            licence: undefined,
            evaluation: undefined,
            gpuHours: undefined,
            hardware: undefined,
            flop: undefined,
            energyMwh: undefined,
            co2Tonnes: undefined,
          },
        ],
        reference: { ...ds.reference, brainPowerW: { status: 'not-disclosed', sources: [] } },
      }) as unknown as Dataset;
    const base = countFigureGrades({ ...one([]), systems: [] });
    expect(countFigureGrades(one(['s', 'p'])).primary - base.primary).toBe(1);
    expect(countFigureGrades(one(['s', 'e'])).epoch - base.epoch).toBe(1);
    expect(countFigureGrades(one(['s'])).secondary - base.secondary).toBe(1);
  });
});
