import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '../store/filters-model';
import { exportFileName, filterSlug } from './export-file-name';

const families = new Set(['llama', 'pythia']);
const f = (over: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...over });

describe('exportFileName', () => {
  it('names panel, filters and the data month', () => {
    expect(
      exportFileName({ panelId: 'training-cost', filters: DEFAULT_FILTERS, familyIds: families, asOf: '2025-11-28', ext: 'png' }),
    ).toBe('training-cost_all_2025-11.png');
    expect(
      exportFileName({ panelId: 'training-cost', filters: f({ bases: ['llama'] }), familyIds: families, asOf: '2023-04-30', ext: 'png' }),
    ).toBe('training-cost_llama-family_2023-04.png');
    expect(
      exportFileName({ panelId: 'co2', filters: DEFAULT_FILTERS, familyIds: families, asOf: '2025-11-28', ext: 'png', suffix: '@2x' }),
    ).toBe('co2_all_2025-11@2x.png');
  });
});

describe('filterSlug', () => {
  it('marks family bases, keeps system ids, and joins several filters with +', () => {
    expect(filterSlug(f({ bases: ['llama', 'vicuna-13b'] }), families)).toBe('llama-family+vicuna-13b');
    expect(filterSlug(f({ organizations: ['Meta AI'], modalities: ['code'], openness: ['weights'], kinds: ['model'] }), families)).toBe(
      'meta-ai+code+open-weights+model',
    );
    expect(filterSlug(f({ dateFrom: '2023-01', dateTo: null }), families)).toBe('2023-01-to-end');
    expect(filterSlug(f({ query: 'Vicuna 13B' }), families)).toBe('q-vicuna-13b');
  });

  it('never writes characters a file system may refuse, and stays short', () => {
    expect(filterSlug(f({ query: '清华' }), families)).toBe('search');
    const long = filterSlug(f({ organizations: Array.from({ length: 20 }, (_, i) => `Organisation number ${i}`) }), families);
    expect(long.length).toBeLessThanOrEqual(66);
    expect(long.endsWith('+more')).toBe(true);
    expect(long).toMatch(/^[a-z0-9+-]+$/);
  });
});
