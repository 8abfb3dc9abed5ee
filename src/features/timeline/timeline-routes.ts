import { routeOrthogonal, routePath, segmentHitsBox, type Point, type RouteBox } from '../../lib/orthogonal-route';
import type { TimelineLane, TimelineLink } from '../../selectors/timeline-series';
import { TIMELINE_GEOMETRY, type PlacedMark, type TimelineLayout } from './timeline-layout';

/*
 * Lineage links routed clear of every label, pure. A link leaves its base's marker straight up or
 * down to the gap between rows (no label reaches into one), and runs along gaps and down free
 * channels — in each row band, an x no label or marker of that band covers — to enter the derived
 * system's marker from above or below. Curves through a dense lane used to pass behind other names
 * and read as the wrong link ("Dolly 1.0 ▶ Vicuna-7B"); a path on gaps and free channels cannot.
 */

/** A label, marker or lane heading: `owner` is the system whose marker or label it is (none for a heading). */
export type Box = RouteBox;
export { routePath, segmentHitsBox, type Point };

/** A label's box: 12 px text on the mark's centre line (baseline 4 px below it). */
export function labelBox(m: PlacedMark): Box {
  return { left: m.labelLeft, right: m.labelRight, top: m.cy - 8, bottom: m.cy + 8, owner: m.item.id, role: m.role };
}

export function markerBox(m: PlacedMark): Box {
  const r = TIMELINE_GEOMETRY.markerRadius;
  const left = m.precision === 'month' ? m.x0 : m.cx - r - 1;
  const right = m.precision === 'month' ? m.x1 : m.cx + r + 1;
  return { left, right, top: m.cy - r - 1, bottom: m.cy + r + 1, owner: m.item.id, role: m.role };
}

/** The route from `from`'s marker into `to`'s, clear of `obstacles` (see routeOrthogonal). */
export function routeLink(
  from: PlacedMark,
  to: PlacedMark,
  obstacles: readonly Box[],
  plot: { left: number; right: number },
  lines: readonly number[],
): Point[] {
  const g = TIMELINE_GEOMETRY;
  const end = (m: PlacedMark) => ({ id: m.item.id, role: m.role, cx: m.cx, cy: m.cy });
  return routeOrthogonal(end(from), end(to), obstacles, plot, lines, { half: g.row / 2, entryGap: g.markerRadius + 2 });
}

/** Every label, marker and lane heading of a layout, as boxes a route keeps out of. */
export function layoutObstacles(marks: readonly PlacedMark[], laneHeadings: readonly Box[]): Box[] {
  return [...marks.flatMap((m) => [labelBox(m), markerBox(m)]), ...laneHeadings];
}

/** Each lane's heading text, as a box (drawn at the plot's left, 14 px below the lane's top). */
export function laneHeadingBoxes(layout: Pick<TimelineLayout, 'lanes' | 'plot'>, headingWidth: (lane: TimelineLane) => number): Box[] {
  return layout.lanes.map((l) => ({
    left: layout.plot.left + 2,
    right: layout.plot.left + 2 + headingWidth(l.lane),
    top: l.top + 3,
    bottom: l.top + 18,
  }));
}

/**
 * Every lineage link's route and every talk's-date connector's, keyed `from>to` and `talk:id`:
 * the screen draws these, the tests check them against the labels.
 */
export function routeTimeline(
  layout: Pick<TimelineLayout, 'lanes' | 'plot' | 'marks'>,
  links: readonly Pick<TimelineLink, 'from' | 'to'>[],
  headingWidth: (lane: TimelineLane) => number,
): Map<string, Point[]> {
  const obstacles = layoutObstacles(layout.marks, laneHeadingBoxes(layout, headingWidth));
  const g = TIMELINE_GEOMETRY;
  const lines = layout.lanes.flatMap((l) => Array.from({ length: l.rows + 1 }, (_, k) => l.top + g.laneHeader + k * g.row));
  const release = new Map(layout.marks.filter((m) => m.role === 'release').map((m) => [m.item.id, m]));
  const routes = new Map<string, Point[]>();
  for (const link of links) {
    const from = release.get(link.from);
    const to = release.get(link.to);
    if (from && to) routes.set(`${link.from}>${link.to}`, routeLink(from, to, obstacles, layout.plot, lines));
  }
  for (const m of layout.marks) {
    const real = m.role === 'talk' ? release.get(m.item.id) : undefined;
    if (real) routes.set(`talk:${m.item.id}`, routeLink(real, m, obstacles, layout.plot, lines));
  }
  return routes;
}
