import { describe, expect, it } from 'vitest';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { buildCostFigure } from './cost-figure';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

const build = (filters = DEFAULT_FILTERS, locale: Locale = 'en') =>
  buildCostFigure({
    dataset: bundledDataset(),
    filters,
    scale: 'log',
    selectedId: null,
    link: 'https://x.example/',
    translator: translator(locale),
  });

/** Text that only makes sense on a screen, never in a published figure. */
const SCREEN_ONLY = /select a bar|tooltip|opens in a new tab|show data|in the data table\.|click|hover/i;

describe('buildCostFigure', () => {
  it('draws the systems with a published cost, with the filters as subtitle', () => {
    const m = build({ ...DEFAULT_FILTERS, bases: ['llama'] });
    expect(m.subtitle).toMatch(/LLaMA/);
    expect(m.plot.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['LLaMA-65B', 'Alpaca', 'Vicuna-13B']));
    expect(m.plot.rows.every((r) => r.marks.length > 0)).toBe(true);
  });

  it('marks estimates and keeps every published figure of GPT-3 as a marker on its range', () => {
    const gpt3 = build().plot.rows.find((r) => r.id === 'gpt-3')!;
    expect(gpt3.marks.filter((m) => m.kind === 'segment').every((m) => m.kind === 'segment' && m.estimated)).toBe(true);
    expect(gpt3.marks.filter((m) => m.kind === 'marker').length).toBeGreaterThan(1);
    expect(gpt3.label.short).toMatch(/est\.$/);
  });

  it('says what it leaves out and why, and its count, without screen-only text', () => {
    const m = build();
    const notes = m.notes.map((n) => n.text);
    expect(notes.find((n) => /^\d+ of \d+ systems shown$/.test(n))).toBeTruthy();
    expect(notes.some((n) => n.startsWith('Not drawn — not disclosed: ') && n.includes('GPT-4'))).toBe(true);
    for (const text of [m.title, m.subtitle, m.description, m.sourceNote, ...notes, ...m.legend.map((l) => l.label)])
      expect(text).not.toMatch(SCREEN_ONLY);
  });

  it('gives its footer the licence of what it shows: CC BY 4.0 where Epoch AI figures appear', () => {
    expect(build().footer.licence).toContain('CC BY 4.0');
    const vicunaOnly = build({ ...DEFAULT_FILTERS, query: 'Vicuna' });
    expect(vicunaOnly.footer.licence).not.toContain('Epoch');
    expect(vicunaOnly.footer.link).toBe('https://x.example/');
  });

  it('speaks Chinese in zh-CN', () => {
    const m = build(DEFAULT_FILTERS, 'zh-CN');
    expect(m.title).toBe('训练成本');
    expect(m.footer.dataDate).toMatch(/^数据截至/);
  });
});
