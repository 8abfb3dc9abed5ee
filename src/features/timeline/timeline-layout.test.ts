import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { selectTimelineEntries } from '../../selectors/filtered-systems';
import { buildTimelineSeries, type TimelineItem, type TimelineSeries } from '../../selectors/timeline-series';
import { textMeasurer } from '../../lib/measure-text';
import type { TimeTickUnit } from '../../lib/time-ticks';
import { formatTimeTick } from '../../i18n/format';
import { fitText, layoutTimeline, showWave, TIMELINE_GEOMETRY, type PlacedMark, type TimelineLayout } from './timeline-layout';

const ds = bundledDataset();
const all = selectTimelineEntries(ds, DEFAULT_FILTERS);
const measure = textMeasurer(12);
const labels = {
  releaseLabel: (i: TimelineItem) => i.label,
  talkLabel: (i: TimelineItem) => `${i.label}: talk’s date`,
  tickLabel: (ms: number, unit: TimeTickUnit) => formatTimeTick(ms, unit, 'en'),
  measureTick: measure,
};
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

/** The box a mark takes on screen: marker plus label. */
function box(m: PlacedMark) {
  const r = m.precision === 'day' ? TIMELINE_GEOMETRY.markerRadius : 0;
  const w = measure(m.label);
  const labelLeft = m.labelAnchor === 'start' ? m.labelX : m.labelX - w;
  return {
    left: Math.min(m.x0 - r, labelLeft),
    right: Math.max(m.x1 + r, labelLeft + w),
    labelLeft,
    labelRight: labelLeft + w,
    top: m.cy - 8,
    bottom: m.cy + 8,
  };
}

function expectNoCollisions(layout: TimelineLayout) {
  const boxes = layout.marks.map((m) => ({ m, b: box(m) }));
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i].b;
    // Labels stay inside the plot.
    expect(a.labelLeft).toBeGreaterThanOrEqual(layout.plot.left - 0.5);
    expect(a.labelRight).toBeLessThanOrEqual(layout.plot.right + 0.5);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j].b;
      const sameRow = a.top < b.bottom && b.top < a.bottom;
      const overlapX = a.left < b.right && b.left < a.right;
      if (sameRow && overlapX)
        throw new Error(`${boxes[i].m.item.id}/${boxes[i].m.role} collides with ${boxes[j].m.item.id}/${boxes[j].m.role}`);
    }
  }
}

function layout(series: Pick<TimelineSeries, 'items' | 'lanes' | 'window'>, width: number) {
  return layoutTimeline(series, { width, measure, ...labels });
}

describe('layoutTimeline', () => {
  for (const width of [320, 343, 800, 1200]) {
    for (const zoom of ['all', 'wave-2023'] as const) {
      for (const lanes of ['kind', 'organization'] as const) {
        it(`no marker or label overlaps another, none leaves the plot (${width}px, ${zoom}, ${lanes})`, () => {
          const l = layout(buildTimelineSeries(ds, all, { lanes, zoom }), width);
          expectNoCollisions(l);
          // Every item has exactly one release mark; Alpaca, Dolly 2.0 (and Sustainable AI in "all") a talk mark too.
          expect(l.marks.filter((m) => m.role === 'release')).toHaveLength(zoom === 'all' ? 30 : 19);
          expect(
            l.marks
              .filter((m) => m.role === 'talk')
              .map((m) => m.item.id)
              .sort(),
          ).toEqual(zoom === 'all' ? ['alpaca', 'dolly-2', 'sustainable-ai'] : ['alpaca', 'dolly-2']);
        });
      }
    }
  }

  it('lanes stack without overlapping and the SVG is tall enough for all of them', () => {
    const l = layout(buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'all' }), 800);
    for (let i = 1; i < l.lanes.length; i++) expect(l.lanes[i].top).toBeGreaterThanOrEqual(l.lanes[i - 1].top + l.lanes[i - 1].height);
    const last = l.lanes.at(-1)!;
    expect(l.height).toBeGreaterThanOrEqual(last.top + last.height + TIMELINE_GEOMETRY.axis);
    for (const m of l.marks) {
      const lane = l.lanes.find((x) => x.lane.itemIds.includes(m.item.id))!;
      expect(m.cy).toBeGreaterThan(lane.top + TIMELINE_GEOMETRY.laneHeader);
      expect(m.cy).toBeLessThan(lane.top + lane.height);
    }
  });

  it('a month-precision date is a bar across the month; a day is a point', () => {
    const s = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'wave-2023' });
    const l = layout(s, 900);
    const dollyTalk = l.marks.find((m) => m.item.id === 'dolly-2' && m.role === 'talk')!;
    expect(dollyTalk.precision).toBe('month');
    expect(dollyTalk.x0).toBeCloseTo(l.x(utc(2023, 3, 1)));
    expect(dollyTalk.x1).toBeCloseTo(l.x(utc(2023, 4, 1)));
    const alpaca = l.marks.find((m) => m.item.id === 'alpaca' && m.role === 'release')!;
    expect(alpaca.precision).toBe('day');
    expect(alpaca.x0).toBe(alpaca.x1);
    expect(alpaca.cx).toBeCloseTo(l.x(utc(2023, 3, 13) + 43_200_000));
    const alpacaTalk = l.marks.find((m) => m.item.id === 'alpaca' && m.role === 'talk')!;
    expect(alpacaTalk.cx).toBeGreaterThan(alpaca.cx);
  });

  it('x and invert are inverse; the window fills the plot', () => {
    const s = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'wave-2023' });
    const l = layout(s, 700);
    expect(l.x(s.window.start)).toBeCloseTo(l.plot.left);
    expect(l.x(s.window.end)).toBeCloseTo(l.plot.right);
    expect(l.invert(l.x(utc(2023, 3, 20)))).toBeCloseTo(utc(2023, 3, 20));
  });

  it('random items in one lane never collide, whatever their dates and name lengths', () => {
    const base = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'all' }).items[0];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 120 }), month: fc.boolean(), name: fc.string({ minLength: 1, maxLength: 30 }) }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.integer({ min: 280, max: 1400 }),
        (specs, width) => {
          const start = utc(2023, 1, 1);
          const items: TimelineItem[] = specs.map((sp, i) => {
            const s0 = start + sp.day * 86_400_000;
            return {
              ...base,
              id: `x${i}`,
              label: sp.name,
              laneKey: 'kind:llm',
              release: {
                date: { date: '2023-01-01', precision: sp.month ? 'month' : 'day', marks: '' },
                start: s0,
                end: s0 + (sp.month ? 30 : 1) * 86_400_000,
              },
            };
          });
          const l = layout(
            {
              items,
              lanes: [{ key: 'kind:llm', kind: 'llm', isOther: false, itemIds: items.map((i) => i.id) }],
              window: { start, end: start + 160 * 86_400_000 },
            },
            width,
          );
          expectNoCollisions(l);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('axis ticks', () => {
  it('the wave: weekly days at desktop width, months on a phone', () => {
    const wave = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'wave-2023' });
    const wide = layoutTimeline(wave, { width: 1100, measure, ...labels }).ticks.map((t) => t.label);
    expect(wide).toEqual(expect.arrayContaining(['Feb 1', 'Feb 8', 'Mar 1', 'Apr 1', 'May 1']));
    expect(layoutTimeline(wave, { width: 375, measure, ...labels }).ticks.map((t) => t.label)).toEqual([
      'Feb 2023',
      'Mar 2023',
      'Apr 2023',
      'May 2023',
    ]);
  });
  it('every date on a phone: years, their labels apart', () => {
    const l = layoutTimeline(buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'all' }), { width: 375, measure, ...labels });
    expect(l.ticks.every((t) => t.unit === 'year')).toBe(true);
    for (let i = 1; i < l.ticks.length; i++)
      expect(l.ticks[i].left).toBeGreaterThanOrEqual(l.ticks[i - 1].right + TIMELINE_GEOMETRY.minTickGap);
  });
});

describe('fitText', () => {
  it('shortens with an ellipsis only when needed', () => {
    expect(fitText('Alpaca', 100, measure)).toBe('Alpaca');
    const fitted = fitText('Sustainable AI: talk’s date', 90, measure);
    expect(fitted.endsWith('…')).toBe(true);
    expect(measure(fitted)).toBeLessThanOrEqual(90);
  });
});

describe('showWave', () => {
  it('shades the Feb–Apr 2023 wave only in a window wider than it', () => {
    const full = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'all' }).window;
    expect(showWave(full)).toBe(true);
    expect(showWave(buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'wave-2023' }).window)).toBe(false);
    expect(showWave({ start: utc(2023, 3, 1), end: utc(2023, 3, 20) })).toBe(false);
  });
});
