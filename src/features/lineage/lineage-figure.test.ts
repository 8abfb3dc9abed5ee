import { describe, expect, it } from 'vitest';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { PRESETS } from '../../components/figure/presets';
import { renderFigureSvg } from '../../components/figure/render-svg';
import { buildLineageFigure } from './lineage-figure';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});
const build = (filters = DEFAULT_FILTERS) =>
  buildLineageFigure({ dataset: bundledDataset(), filters, selectedId: null, link: 'https://x.example/', translator: translator('en') });

describe('buildLineageFigure', () => {
  it('draws the tree with every link, its relation’s dash, and no click hints', () => {
    const m = build();
    expect(m.plot.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['llama-7b', 'alpaca', 'vicuna-13b', 'llava', 'clip']));
    const llava = m.plot.edges.filter((e) => e.id.endsWith('>llava'));
    expect(llava.length).toBe(2);
    expect(new Set(llava.map((e) => e.dash))).toEqual(new Set([undefined, '6 3']));
    const text = [m.description, ...m.notes.map((n) => n.text), m.sourceNote].join(' ');
    expect(text).not.toMatch(/click|select|in the data table/i);
    expect(m.notes.find((n) => /^\d+ of 28 systems shown$/.test(n.text))).toBeTruthy();
  });

  it('fades what the filters leave out and marks the base-model filter', () => {
    const m = build({ ...DEFAULT_FILTERS, bases: ['llama'] });
    expect(m.plot.nodes.find((n) => n.id === 'gpt-3')?.dimmed).toBe(true);
    expect(m.plot.nodes.find((n) => n.id === 'alpaca')?.dimmed).toBe(false);
    expect(m.plot.families.find((f) => f.id === 'llama')?.filter).toBe(true);
    expect(m.legend.map((l) => l.label)).toContain('the current base-model filter');
    expect(build().legend.map((l) => l.label)).not.toContain('the current base-model filter');
  });

  it('fits a slide and a journal column without spilling out of the figure', () => {
    for (const preset of [PRESETS['slide-16x9'], PRESETS['journal-1col']]) {
      const r = renderFigureSvg(build(), preset);
      const scale = Number(/id="figure-plot" transform="translate\([\d.]+,[\d.]+\) scale\(([\d.]+)\)"/.exec(r.svg)?.[1]);
      expect(scale, preset.id).toBeGreaterThan(0.3);
      expect((build().plot.width + 16) * scale, preset.id).toBeLessThanOrEqual(preset.width);
    }
  });
});
