import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import type { Annotation } from '../../store/annotations-model';
import { resolveAnnotations } from './figure-annotations';
import { spreadBadges } from './plot-guides';

const tr = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

const SET: Annotation[] = [
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'system', id: 'llama-65b' }, text: 'open weights, on request' },
  { type: 'note', panel: 'training-cost', text: 'a note' },
  { type: 'band', panel: 'training-cost', range: { kind: 'value', from: 100, to: 1000 }, text: 'under $1,000' },
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'value', value: 1e6 }, text: 'a million' },
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'value', value: 1e15 }, text: 'off the axis' },
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'system', id: 'gpt-4' }, text: 'no published cost' },
  { type: 'callout', panel: 'timeline', anchor: { kind: 'system', id: 'llama-65b' }, text: 'another panel' },
];

describe('resolveAnnotations', () => {
  it('numbers callouts and bands in order, badges the system, keys the texts, counts what it hides and why', () => {
    const r = resolveAnnotations(
      SET,
      'training-cost',
      { drawnName: (id) => (id === 'llama-65b' ? 'LLaMA-65B' : undefined), formatValue: (v) => `$${v}`, domain: [10, 1e7] },
      tr('en'),
    );
    expect([...r.badges]).toEqual([['llama-65b', '①']]);
    expect(r.guides).toEqual([
      { kind: 'band', from: 100, to: 1000, badge: '②' },
      { kind: 'line', at: 1e6, badge: '③' },
    ]);
    expect(r.notes.map((n) => n.text)).toEqual([
      '① LLaMA-65B: open weights, on request',
      '② $100 – $1000: under $1,000',
      '③ $1000000: a million',
      'a note',
      '1 annotation hidden: its model is not in view',
      '1 annotation hidden: it lies outside the chart’s axis',
    ]);
    expect(r.notes.every((n) => n.essential)).toBe(true);
    expect(r.rows.map((row) => [row.index, row.badge, row.hidden ?? 'drawn'])).toEqual([
      [0, '①', 'drawn'],
      [1, '', 'drawn'],
      [2, '②', 'drawn'],
      [3, '③', 'drawn'],
      [4, '④', 'outside'],
      [5, '⑤', 'not-in-view'],
    ]);
  });

  it('says it in Chinese too', () => {
    const r = resolveAnnotations(SET, 'training-cost', { drawnName: () => undefined }, tr('zh-CN'));
    expect(r.notes.at(-1)?.text).toMatch(/^2 条注释未显示/);
  });
});

describe('spreadBadges', () => {
  it('keeps every badge inside the strip, none touching another, each as near its place as the others allow', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 650, noNaN: true }), { minLength: 1, maxLength: 8 }), (wanted) => {
        const widths = wanted.map(() => 14);
        const at = spreadBadges(wanted, widths, 0, 600, 4);
        const sorted = at.map((x, i) => ({ x, w: widths[i] })).sort((a, b) => a.x - b.x);
        for (const b of sorted) {
          expect(b.x - b.w / 2).toBeGreaterThanOrEqual(-1e-9);
          expect(b.x + b.w / 2).toBeLessThanOrEqual(600 + 1e-9);
        }
        for (let i = 1; i < sorted.length; i++) expect(sorted[i].x - sorted[i - 1].x).toBeGreaterThanOrEqual(14 + 4 - 1e-9);
        // A badge alone is where it wants to be (inside the strip).
        if (wanted.length === 1) expect(at[0]).toBeCloseTo(Math.min(593, Math.max(7, wanted[0])));
      }),
      { numRuns: 300, seed: 20 },
    );
  });
});
