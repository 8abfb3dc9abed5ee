import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { sourceNumber } from './source-number';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { selectCitedSources } from './cited-sources';
import { selectFilteredSystems } from './filtered-systems';
import { collectSourceIds } from './system-fields';

const ds = bundledDataset();
const sourcesById = new Map(ds.sources.map((s) => [s.id, s]));

describe('selectCitedSources', () => {
  it('numbers each source by its place in the dataset, the number its printed [n] markers show', () => {
    const cited = selectCitedSources(ds, DEFAULT_FILTERS);
    expect(cited.length).toBeGreaterThan(20);
    for (const { number, source } of cited) {
      expect(ds.sources[number - 1]).toBe(source);
      expect(sourceNumber(sourcesById, source.id)).toBe(number);
    }
    const numbers = cited.map((c) => c.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('lists the sources of the systems in view and of the figures every view shows, and no others', () => {
    const filters = { ...DEFAULT_FILTERS, organizations: ['OpenAI'] };
    const ids = new Set(selectCitedSources(ds, filters).map((c) => c.source.id));
    for (const system of selectFilteredSystems(ds, filters)) for (const id of collectSourceIds(system)) expect(ids).toContain(id);
    for (const id of collectSourceIds([ds.reference, ds.seedTables])) expect(ids).toContain(id);
    // A source only a filtered-out system cites is left off (fewer than with no filter).
    expect(ids.size).toBeLessThan(selectCitedSources(ds, DEFAULT_FILTERS).length);
    // Numbers do not change with the filters.
    const all = new Map(selectCitedSources(ds, DEFAULT_FILTERS).map((c) => [c.source.id, c.number]));
    for (const c of selectCitedSources(ds, filters)) expect(c.number).toBe(all.get(c.source.id));
  });
});

describe('sourceNumber', () => {
  it('is undefined for an id the map does not have', () => {
    expect(sourceNumber(sourcesById, 'no-such-source')).toBeUndefined();
  });
});
