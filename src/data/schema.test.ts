import { describe, expect, it } from 'vitest';
import raw from '../../data/dataset.json';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { parseDataset } from './load-dataset';
import { sourceSchema } from './schema';

describe('sources: only an imported file may lack an address', () => {
  it('every bundled source has an http(s) url and is not of grade "imported"', () => {
    for (const s of raw.sources) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(s.grade, s.id).not.toBe('imported');
    }
  });

  it('a source without url is refused unless its grade is "imported"; a bad url is refused either way', () => {
    expect(sourceSchema.safeParse({ id: 'a', title: 'A', grade: 'primary' }).success).toBe(false);
    expect(sourceSchema.safeParse({ id: 'import-file', title: 'Imported file “x”', grade: 'imported' }).success).toBe(true);
    expect(sourceSchema.safeParse({ id: 'a', title: 'A', grade: 'imported', url: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('a dataset may have no LLaMA Table 15 rows (after "replace")', () => {
    const ds = bundledDataset();
    const result = parseDataset({ ...ds, reference: { ...ds.reference, llamaTable15: { ...ds.reference.llamaTable15, rows: [] } } });
    expect(result.ok).toBe(true);
  });
});
