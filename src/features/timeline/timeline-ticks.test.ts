import { describe, expect, it } from 'vitest';
import { formatTimeTick } from '../../i18n/format';
import { textMeasurer } from '../../lib/measure-text';
import { chooseTimeTicks, type TimeTick } from '../../lib/time-ticks';

const measure = textMeasurer(12);
const DAY = 86_400_000;
const from = (y: number, m: number, d: number, days: number) => {
  const start = Date.UTC(y, m - 1, d);
  return { start, end: start + days * DAY };
};

const SPANS = {
  '10 days': from(2023, 3, 10, 10),
  '3 months': from(2023, 2, 1, 89),
  '4 years': from(2019, 6, 1, 4 * 365),
  '75 years': from(1950, 1, 1, 75 * 365),
};

function ticksAt(window: { start: number; end: number }, width: number, locale: 'en' | 'zh-CN' = 'en'): TimeTick[] {
  return chooseTimeTicks({ window, left: 0, right: width, measure, format: (ms, unit) => formatTimeTick(ms, unit, locale), minGap: 12 });
}

function overlap(a: TimeTick, b: TimeTick): boolean {
  return a.left < b.right && b.left < a.right;
}

describe('chooseTimeTicks', () => {
  for (const [name, window] of Object.entries(SPANS))
    for (const width of [300, 1200])
      for (const locale of ['en', 'zh-CN'] as const)
        it(`${name} at ${width} px (${locale}): at least two ticks, no two labels overlap, all inside the plot`, () => {
          const ticks = ticksAt(window, width, locale);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          for (let i = 0; i < ticks.length; i++) {
            expect(ticks[i].left).toBeGreaterThanOrEqual(-0.01);
            expect(ticks[i].right).toBeLessThanOrEqual(width + 0.01);
            for (let j = i + 1; j < ticks.length; j++) expect(overlap(ticks[i], ticks[j])).toBe(false);
          }
        });

  it('the unit follows the span: days, months, years', () => {
    for (const width of [300, 1200]) {
      expect(ticksAt(SPANS['10 days'], width)[0].unit).toBe('day');
      expect(ticksAt(SPANS['3 months'], width)[0].unit).toBe(width === 300 ? 'month' : 'day');
      expect(ticksAt(SPANS['75 years'], width)[0].unit).toBe('year');
    }
    expect(ticksAt(SPANS['4 years'], 1200)[0].unit).toBe('month');
    expect(ticksAt(SPANS['4 years'], 300)[0].unit).toBe('year');
  });

  it('labels in the UI language, on round steps', () => {
    const en = ticksAt(SPANS['75 years'], 1200);
    expect(en.map((t) => t.label)).toContain('1980');
    for (const t of en) expect(new Date(t.value).getUTCFullYear() % 5).toBe(0);
    expect(ticksAt(SPANS['75 years'], 1200, 'zh-CN').map((t) => t.label)).toContain('1980年');
    expect(ticksAt(SPANS['3 months'], 300, 'zh-CN').map((t) => t.label)).toContain('2023年3月');
    expect(ticksAt(SPANS['3 months'], 300).map((t) => t.label)).toContain('Mar 2023');
  });

  it('an empty window or plot has no ticks', () => {
    expect(ticksAt({ start: 5, end: 5 }, 300)).toEqual([]);
    expect(ticksAt(SPANS['4 years'], 0)).toEqual([]);
  });
});
