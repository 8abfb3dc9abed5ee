import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../fixtures/bundled-dataset';
import { translate, translatePlural, type Locale } from '../../src/i18n/i18n';
import { DEFAULT_FILTERS } from '../../src/store/filters-model';
import type { Annotation } from '../../src/store/annotations-model';
import { buildCostFigure } from '../../src/features/cost-chart/cost-figure';
import { PRESETS } from '../../src/components/figure/presets';
import { renderFigureSvg } from '../../src/components/figure/render-svg';

/* The cost chart's figure with annotations, laid out for every fixed box and a journal column. */

const tr = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

const SET: Annotation[] = [
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'system', id: 'llama-65b' }, text: 'open weights, on request' },
  { type: 'band', panel: 'training-cost', range: { kind: 'value', from: 100, to: 1000 }, text: 'under $1,000' },
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'value', value: 1e6 }, text: 'a million' },
  { type: 'callout', panel: 'training-cost', anchor: { kind: 'system', id: 'gpt-4' }, text: 'no published cost' },
];

describe('annotations in the exported figure', () => {
  const model = buildCostFigure({
    dataset: bundledDataset(),
    filters: DEFAULT_FILTERS,
    scale: 'log',
    selectedId: null,
    link: 'https://x.example/',
    translator: tr('en'),
    annotations: SET,
  });

  for (const preset of [PRESETS['slide-16x9'], PRESETS['slide-4x3'], PRESETS.square, PRESETS['journal-1col']])
    it(`${preset.id}: the badge sits in LLaMA-65B’s own label, the guides behind the marks, the key under the plot`, () => {
      const svg = renderFigureSvg(model, preset).svg;
      const row = /<g id="row-llama-65b">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
      expect(row).toMatch(/>[^<]* ①<\/text>$/);
      // Guides come before the first row, so every mark is drawn over them.
      expect(svg.indexOf('id="figure-guides"')).toBeLessThan(svg.indexOf('<g id="row-'));
      expect(svg.match(/<g id="figure-guide-badges">(.*?)<\/g><line/)?.[1].match(/<text/g)).toHaveLength(2);
      const notes = /<g id="figure-notes">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
      const noteText = notes
        .replace(/<\/text>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ');
      for (const text of ['① LLaMA-65B: open weights, on request', '1 annotation hidden: its model is not in view'])
        expect(noteText).toContain(text);
      expect(/<desc>(.*?)<\/desc>/.exec(svg)?.[1]).toContain('① LLaMA-65B: open weights, on request');
    });
});
