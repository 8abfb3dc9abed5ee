import { describe, expect, it } from 'vitest';
import type { BarPlot, FigureModel } from '../../components/figure/figure-model';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { buildCo2Figure } from './co2-figure';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

const build = (filters = DEFAULT_FILTERS, locale: Locale = 'en') =>
  buildCo2Figure({ dataset: bundledDataset(), filters, selectedId: null, link: 'https://x.example/', translator: translator(locale) });

const bars = (m: FigureModel): BarPlot => {
  if (m.plot.kind !== 'bars') throw new Error('not a bar plot');
  return m.plot;
};

/** Text that only makes sense on a screen, never in a published figure. */
const SCREEN_ONLY =
  /select a bar|tooltip|opens in a new tab|show data|in the data table|every figure’s source|click|hover|outlined|\[\d+\]|Estimated by/i;

const allText = (m: FigureModel) => [
  m.title,
  m.subtitle,
  m.description,
  m.sourceNote,
  ...m.notes.map((n) => n.text),
  ...m.legend.map((l) => l.label),
  ...bars(m).rows.flatMap((r) => [r.name, r.label.full, r.label.short]),
  ...bars(m).sections,
];

describe('buildCo2Figure', () => {
  it('draws GPT-3 at 552 t CO₂e, estimated, largest first on a linear axis', () => {
    const m = build();
    const plot = bars(m);
    expect(plot.scale).toBe('linear');
    expect(plot.rows[0].id).toBe('gpt-3');
    expect(plot.rows[0].label.short).toBe('552 t est.');
    expect(plot.rows[0].marks[0]).toMatchObject({ kind: 'segment', from: 0, to: 552, estimated: true });
    expect(plot.domain[1]).toBeGreaterThanOrEqual(552);
    expect(plot.rows[0].essential).toBe(true);
  });

  it('says LLaMA-13B is about 1/24 of GPT-3, on its bar and in an essential note', () => {
    const m = build();
    const llama13 = bars(m).rows.find((r) => r.id === 'llama-13b')!;
    expect(llama13.label.full).toContain('≈ 1/24 of GPT-3');
    expect(llama13.essential).toBe(true);
    const ratio = m.notes.find((n) => n.text.startsWith('LLaMA-13B ≈ 1/24 of GPT-3'));
    expect(ratio?.essential).toBe(true);
    expect(ratio?.text).toContain('552 t ÷ 23 t');
  });

  it('flags every estimate: hatched segments, "est." labels, the description and the legend', () => {
    const m = build();
    for (const r of bars(m).rows) {
      expect(r.label.short).toMatch(/est\.$/);
      expect(r.marks.filter((k) => k.kind === 'segment').every((k) => k.kind === 'segment' && k.estimated)).toBe(true);
    }
    expect(m.description).toContain('Every figure shown is an estimate');
    expect(m.legend.some((l) => l.swatch.kind === 'estimated')).toBe(true);
  });

  it('draws OPT and BLOOM with the range of their published figures and a marker for the own-grid figure', () => {
    const opt = bars(build()).rows.find((r) => r.id === 'opt-175b')!;
    expect(opt.marks.map((k) => k.kind)).toEqual(['segment', 'range', 'marker']);
    expect(opt.label.full).toMatch(/published range/);
  });

  it('has no screen-only text, and names its sources in words', () => {
    const m = build();
    for (const text of allText(m)) expect(text).not.toMatch(SCREEN_ONLY);
    expect(m.sourceNote).toMatch(/Patterson et al\. 2021/);
    expect(m.sourceIds).toEqual(expect.arrayContaining(['patterson-2021', 'llama-paper']));
    expect(m.notes.find((n) => /^\d+ of \d+ systems shown$/.test(n.text))).toBeTruthy();
  });

  it('in Chinese, speaks Chinese', () => {
    const m = build(DEFAULT_FILTERS, 'zh-CN');
    expect(m.title).toBe('训练的碳排放（CO₂）');
    expect(bars(m).rows[0].label.short).toBe('552 t 估');
    expect(bars(m).sections[0]).toMatch(/训练运行/);
  });

  it('says so when nothing in view has a CO₂ figure', () => {
    const m = build({ ...DEFAULT_FILTERS, query: 'zzzz-no-such-model' });
    expect(bars(m).rows).toEqual([]);
    expect(bars(m).empty).toBe('No system in view has a published CO₂ figure.');
    expect(m.legend).toEqual([]);
  });
});
