import { describe, expect, it } from 'vitest';
import raw from '../../data/dataset.json';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { parseDataset } from './load-dataset';
import { datasetSchema, LIST_LIMIT, sourceSchema, systemSchema, TEXT_LIMITS } from './schema';

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

describe('every text has a length limit', () => {
  const system = bundledDataset().systems[0];
  const issue = (input: unknown) => {
    const r = systemSchema.safeParse(input);
    return r.success ? null : `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`;
  };

  it('the bundled dataset is inside every limit', () => {
    expect(datasetSchema.safeParse(raw).success).toBe(true);
  });

  it('a name, an organization, a note, a URL or an id over its limit is refused, naming the field and the limit', () => {
    expect(issue({ ...system, name: 'x'.repeat(TEXT_LIMITS.name + 1) })).toBe('name: longer than 200 characters');
    expect(issue({ ...system, name: 'x'.repeat(10_000_000) })).toBe('name: longer than 200 characters');
    expect(issue({ ...system, organizations: ['A', 'o'.repeat(201)] })).toBe('organizations.1: longer than 200 characters');
    expect(issue({ ...system, summary: 's'.repeat(2001) })).toBe('summary: longer than 2,000 characters');
    expect(issue({ ...system, links: [{ label: 'L', url: `https://x.org/${'a'.repeat(2000)}` }] })).toBe(
      'links.0.url: longer than 2,000 characters',
    );
    expect(issue({ ...system, id: 'a'.repeat(TEXT_LIMITS.id + 1) })).toBe('id: longer than 100 characters');
    expect(issue({ ...system, organizations: Array.from({ length: LIST_LIMIT + 1 }, (_, i) => `O${i}`) })).toBe(
      'organizations: more than 100 entries',
    );
    expect(sourceSchema.safeParse({ id: 'a', title: 't'.repeat(501), grade: 'imported' }).success).toBe(false);
  });

  it('counts characters (code points), after trimming: exactly at the limit is fine', () => {
    expect(issue({ ...system, name: '\u{1F600}'.repeat(200) })).toBeNull();
    expect(issue({ ...system, name: `  ${'x'.repeat(200)}  ` })).toBeNull();
    expect(issue({ ...system, name: '\u{1F600}'.repeat(201) })).toBe('name: longer than 200 characters');
  });
});
