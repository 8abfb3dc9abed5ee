// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { sourceSchema, systemSchema } from '../data/schema';
import { toCsv } from '../lib/csv';
import { analyzeImport } from './analyze';
import { applyImport } from './apply';
import type { Analysis } from './types';

/*
 * Whatever a file holds, analysis returns a report whose counts add up, every system it yields
 * is valid, no link is made of a non-http(s) URL, and merging the result never throws.
 */

function checkInvariants(a: Analysis): void {
  const r = a.report;
  expect(r.valid + r.rejected.length).toBe(r.rowsRead);
  if (r.fatal !== undefined) {
    expect(a.data).toBeNull();
    expect(r.fatal.length).toBeGreaterThan(0);
    return;
  }
  expect(a.data).not.toBeNull();
  expect(a.data!.systems).toHaveLength(r.valid);
  for (const s of a.data!.systems) {
    expect(systemSchema.safeParse(s).success).toBe(true);
    for (const l of s.links) expect(l.url).toMatch(/^https?:\/\//);
  }
  for (const s of a.data!.sources) {
    expect(sourceSchema.safeParse(s).success).toBe(true);
    if (s.url !== undefined) expect(s.url).toMatch(/^https?:\/\//);
  }
}

const nasty = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '-5',
  '0',
  '$-3.50',
  '1.2e+22',
  '24000000000.0',
  '1,234,567',
  '175B',
  '2023-02-30',
  '2023-13-01',
  '2023-02-24',
  'Feb 24, 2023',
  '2023年2月24日',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '/relative/link',
  'https://example.org/x',
  'http://a',
  '<img src=x onerror=alert(1)>',
  '"quoted, with comma"',
  '=HYPERLINK("x")',
  'Open weights (unrestricted)',
  'Language',
  'Multimodal,Vision',
  'LLaMA-7B',
  'A1',
  '{"system":{}}',
  '\u0000',
  'é',
);
const cell = fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.double().map(String), fc.integer().map(String));
const headerNames = fc.constantFrom(
  'Model',
  'System',
  'Name',
  '名称',
  'Organization',
  'Publication date',
  'Release date',
  'Parameters',
  'Training compute (FLOP)',
  'Training chip-hours',
  'Hardware quantity',
  'Training hardware',
  'Training compute cost (2023 USD)',
  'Training compute cost (2099 USD)',
  'Base model',
  'Link',
  'Model accessibility',
  'Training code accessibility',
  'Domain',
  'Task',
  'Unknown extra',
  'Record (JSON, for re-import)',
);
const randomCsv = fc
  .uniqueArray(headerNames, { minLength: 0, maxLength: 12 })
  .chain((header) =>
    fc.tuple(fc.constant(header), fc.array(fc.array(cell, { minLength: 0, maxLength: header.length + 2 }), { maxLength: 12 })),
  )
  // Duplicate rows on purpose: the same name (and date) twice.
  .map(([header, rows]) => ({ header, rows: rows.length > 0 ? [...rows, rows[0]] : rows }));

const encode = (text: string, how: 'utf8' | 'bom' | 'utf16le' | 'latin1'): Uint8Array => {
  if (how === 'utf8') return new TextEncoder().encode(text);
  if (how === 'bom') return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  if (how === 'latin1') return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

describe('analyzeImport never throws and its report adds up', () => {
  const current = miniDataset();

  it('arbitrary strings (300 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkInvariants(analyzeImport('f.csv', text))),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes (300 runs), the 0-byte file included', () => {
    expect(analyzeImport('empty', new Uint8Array()).report.fatal).toBe('the file is empty');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkInvariants(analyzeImport('f.bin', bytes))),
      { numRuns: 300 },
    );
  });

  it('CSVs of random cells: wrong types, missing columns, duplicates, 1e400, NaN, negative costs, 2023-02-30, script names and links (400 runs); merging never throws', () => {
    fc.assert(
      fc.property(
        randomCsv,
        fc.constantFrom('utf8', 'bom', 'utf16le', 'latin1') as fc.Arbitrary<'utf8' | 'bom' | 'utf16le' | 'latin1'>,
        ({ header, rows }, how) => {
          const a = analyzeImport('random.csv', encode(toCsv(header, rows, { bom: false }), how));
          checkInvariants(a);
          if (a.data) {
            const names = a.data.systems.map((s) => s.name);
            if (rows.some((r) => r.includes('<img src=x onerror=alert(1)>')) && names.includes('<img src=x onerror=alert(1)>')) {
              expect(names).toContain('<img src=x onerror=alert(1)>');
            }
            expect(JSON.stringify(a.data.sources)).not.toMatch(/javascript:|"url":"data:/);
            for (const mode of ['merge', 'replace'] as const) {
              const r = applyImport(current, a.data, mode, 'imported');
              expect(r.ok ? [] : r.problems).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('JSON of random shapes (200 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ systems: fc.array(fc.jsonValue(), { maxLength: 5 }), sources: fc.jsonValue() })),
        (doc) => {
          checkInvariants(analyzeImport('f.json', JSON.stringify(doc) ?? 'null'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
