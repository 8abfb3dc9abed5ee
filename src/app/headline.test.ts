import { describe, expect, it } from 'vitest';
import { smallFigureModel } from '../../tests/fixtures/figure-model';
import { headlineModel } from './headline';

describe('the headline figure', () => {
  const base = {
    ...smallFigureModel('gpu-hours', 'GPU-hours per training run'),
    notes: [{ text: 'Reported: …', essential: true }, { text: '15 of 28 systems shown' }],
    legend: [
      ...Array.from({ length: 9 }, (_, i) => ({ swatch: { kind: 'color' as const, color: '#000' }, label: `GPU ${i}` })),
      { swatch: { kind: 'reported' as const }, label: 'reported' },
      { swatch: { kind: 'estimated' as const }, label: 'est. (estimate)' },
    ],
  };

  it('states its point as its title and leaves the notes to the full panel', () => {
    const m = headlineModel(base, 'Fine-tuning Alpaca took 24 GPU-hours; …');
    expect(m.title).toBe('Fine-tuning Alpaca took 24 GPU-hours; …');
    expect(m.notes).toEqual([]);
    expect(headlineModel(base, null).title).toBe('GPU-hours per training run');
  });

  it('keeps a short colour key, and only the reported/estimate key when there are many GPUs', () => {
    expect(headlineModel(base, null).legend.map((e) => e.label)).toEqual(['reported', 'est. (estimate)']);
    const few = { ...base, legend: base.legend.slice(5) };
    expect(headlineModel(few, null).legend).toHaveLength(few.legend.length);
  });
});
