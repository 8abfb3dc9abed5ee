import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { translate, translatePlural } from '../../i18n/i18n';
import type { Translator } from '../../i18n/use-t';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { fitScaleTrend } from '../../selectors/scale-trend';
import { buildScaleFigure, scaleClaim, trendSegment, trendSentence } from './scale-figure';

const tr = (locale: 'en' | 'zh-CN'): Translator => ({
  locale,
  t: (key, english, vars) => translate(locale, key, english, vars),
  tn: (key, count, one, other, vars) => translatePlural(locale, key, count, one, other, vars),
});
const dataset = bundledDataset();
const build = (over: Partial<Parameters<typeof buildScaleFigure>[0]> = {}) =>
  buildScaleFigure({
    dataset,
    filters: DEFAULT_FILTERS,
    metric: 'flop',
    period: null,
    selectedId: null,
    link: 'https://x/',
    translator: tr('en'),
    ...over,
  });

const sixMonths = fitScaleTrend(Array.from({ length: 72 }, (_, i) => ({ year: 2018 + i / 12, value: 1e20 * 2 ** (i / 6) })));

describe('the scale figure', () => {
  it('claims a doubling time in the title only when its interval is bounded', () => {
    expect(scaleClaim('flop', sixMonths, { from: 2018, to: 2023 }, tr('en'))).toBe('Training compute doubled every 6.0 months, 2018–2023');
    expect(trendSentence(sixMonths, { from: 2018, to: 2023 }, tr('en'))).toBe(
      'Trend 2018–2023: doubles every 6.0 months (95% CI 6.0–6.0; n=72)',
    );
    expect(scaleClaim('params', sixMonths, null, tr('zh-CN'))).toBe('参数量每 6.0 个月翻一番，2018–2023');
    // The bundled FLOP figures fall, with an interval open above: no claim in the title.
    const figure = build();
    expect(figure.claim).toBeNull();
    expect(figure.title).toBe('Scale over time');
    expect(figure.plot.trendText).toMatch(
      /^Trend 2020–2023: halves every [\d.]+ months \(95% CI from [\d.]+ months, no upper bound; n=10\)$/,
    );
  });

  it('draws every point with FLOP, names the extremes and the selected, and lists the rest in the table as not shown', () => {
    const figure = build({ selectedId: 'pythia-12b' });
    expect(figure.plot.points).toHaveLength(10);
    const named = figure.plot.points.filter((p) => p.label).map((p) => p.id);
    expect(named).toEqual(expect.arrayContaining(['gpt-3', 'gpt-3.5', 'pythia-12b']));
    expect(figure.table.rows).toHaveLength(28);
    const gpt4 = figure.table.rows.find((r) => r.id === 'gpt-4')!;
    expect(gpt4.cells[3]).toMatch(/^not disclosed/);
    expect(gpt4.cells[4]).toBe('not shown');
    expect(figure.notes.map((n) => n.text)).toContain('18 systems without training compute not shown');
  });

  it('cuts the trend line where it leaves the value axis', () => {
    if (!sixMonths.ok) throw new Error('no trend');
    const seg = trendSegment(sixMonths, [1e20, 1e22])!;
    expect(seg.y1).toBeCloseTo(1e20, -10);
    expect(seg.y2 / 1e22).toBeCloseTo(1, 9);
    expect(seg.x2).toBeLessThan(Date.UTC(2024, 0, 1));
  });
});
