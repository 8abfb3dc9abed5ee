import { describe, expect, it } from 'vitest';
import { escapeXml, layoutTable, referencedId, slugify, wrapText } from './export-panel';

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
