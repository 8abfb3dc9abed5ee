import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { formatTimeTick } from '../../i18n/format';
import { textMeasurer } from '../../lib/measure-text';
import { selectTimelineEntries } from '../../selectors/filtered-systems';
import { buildTimelineSeries, type TimelineItem, type TimelineOptions } from '../../selectors/timeline-series';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { layoutTimeline } from './timeline-layout';
import { labelBox, laneHeadingBoxes, markerBox, routeTimeline, segmentHitsBox, type Box } from './timeline-routes';

const ds = bundledDataset();
const all = selectTimelineEntries(ds, DEFAULT_FILTERS);
const measure = textMeasurer(12);
const heading = () => 120;

function routed(options: TimelineOptions, width: number) {
  const series = buildTimelineSeries(ds, all, options);
  const layout = layoutTimeline(series, {
    width,
    measure,
    releaseLabel: (i: TimelineItem) => i.label,
    talkLabel: (i: TimelineItem) => `${i.label}: talk’s date`,
    tickLabel: (ms, unit) => formatTimeTick(ms, unit, 'en'),
    measureTick: measure,
  });
  return { series, layout, routes: routeTimeline(layout, series.links, heading) };
}

/** Every (route, box) pair where a segment of the route crosses a label, marker or heading that is not its own ends'. */
function crossings(options: TimelineOptions, width: number): string[] {
  const { layout, routes } = routed(options, width);
  const boxes: (Box & { name: string })[] = [
    ...layout.marks.flatMap((m) => [
      { ...labelBox(m), name: `label ${m.label}` },
      { ...markerBox(m), name: `marker ${m.label}` },
    ]),
    ...laneHeadingBoxes(layout, heading).map((b) => ({ ...b, name: 'lane heading' })),
  ];
  const hits: string[] = [];
  for (const [key, points] of routes) {
    const ends = key.startsWith('talk:') ? [key.slice(5)] : key.split('>');
    for (const b of boxes) {
      if (b.owner && ends.includes(b.owner)) continue;
      for (let i = 1; i < points.length; i++) if (segmentHitsBox(points[i - 1], points[i], b)) hits.push(`${key} through ${b.name}`);
    }
  }
  return [...new Set(hits)];
}

describe('routeTimeline', () => {
  for (const zoom of ['wave-2023', 'all'] as const)
    for (const lanes of ['kind', 'organization'] as const)
      for (const width of [1280, 375])
        it(`no link passes through a label (${zoom}, ${lanes}, ${width} px)`, () => {
          expect(crossings({ zoom, lanes }, width)).toEqual([]);
        });

  it('LLaMA-7B → Vicuna-7B in the wave is routed, orthogonally, to Vicuna-7B', () => {
    const { routes, layout } = routed({ zoom: 'wave-2023', lanes: 'kind' }, 1280);
    const points = routes.get('llama-7b>vicuna-7b');
    expect(points).toBeDefined();
    const vicuna = layout.marks.find((m) => m.item.id === 'vicuna-7b' && m.role === 'release');
    const last = points?.at(-1);
    expect(last?.[0]).toBeCloseTo(vicuna?.cx ?? NaN);
    for (let i = 1; i < (points?.length ?? 0); i++) {
      const [a, b] = [points?.[i - 1], points?.[i]];
      expect(a?.[0] === b?.[0] || a?.[1] === b?.[1]).toBe(true);
    }
  });
});
