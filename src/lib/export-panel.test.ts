import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '../store/filters-model';
import { escapeXml, exportFileName, filterSlug, layoutTable, referencedId, slugify, wrapText } from './export-panel';

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

describe('helpers', () => {
  it('slugify folds accents and punctuation', () => {
    expect(slugify('École Polytechnique / ETH')).toBe('ecole-polytechnique-eth');
  });

  it('wrapText breaks at spaces, and between CJK characters', () => {
    const measure = (s: string) => s.length * 10;
    expect(wrapText('one two three four', 90, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('训练成本估算', 30, measure)).toEqual(['训练成', '本估算']);
    expect(wrapText('', 30, measure)).toEqual(['']);
    expect(wrapText('see https://example.org/a', 60, measure)).toEqual(['see', 'https:', '//exam', 'ple.or', 'g/a']);
  });

  it('referencedId reads url(#…) as computed styles write it', () => {
    expect(referencedId('url("#hatch-1f5fbf")')).toBe('hatch-1f5fbf');
    expect(referencedId('url(#x)')).toBe('x');
    expect(referencedId('rgb(0, 0, 0)')).toBeNull();
  });

  it('escapeXml escapes markup characters', () => {
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });
});

describe('layoutTable', () => {
  const measure = (s: string) => s.length * 7;
  const table = {
    columns: ['Name', 'A long description column', 'N'],
    rows: [
      ['LLaMA-7B', 'x'.repeat(80), '7'],
      ['Alpaca', 'short', '12'],
    ],
  };

  it('keeps natural widths when the table fits', () => {
    const l = layoutTable(table, 2000, measure);
    // Widest cell + 2 × 6 px padding; the long column stops at 320 px.
    expect(l.widths).toEqual([68, 320, 26]);
    expect(l.x).toEqual([0, l.widths[0], l.widths[0] + l.widths[1]]);
    expect(l.cells[0][0]).toEqual(['Name']);
  });

  it('narrows the widest column first to fit, and wraps its cells', () => {
    const l = layoutTable(table, 300, measure);
    expect(l.widths).toEqual([68, 206, 26]);
    expect(l.width).toBe(300);
    expect(l.cells[1][1].length).toBeGreaterThan(1);
    expect(l.heights[1]).toBeGreaterThan(l.heights[2]);
    expect(l.height).toBe(l.heights.reduce((a, b) => a + b, 0));
  });

  it('overflows rather than shrink columns below a readable width', () => {
    const many = { columns: Array.from({ length: 10 }, (_, i) => `Column ${i}`), rows: [] };
    const l = layoutTable(many, 300, measure);
    expect(l.widths.every((w) => w >= 56)).toBe(true);
    expect(l.width).toBeGreaterThan(300);
  });
});
