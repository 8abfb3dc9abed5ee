import type { TimelineLane, TimelineLink } from '../../selectors/timeline-series';
import { TIMELINE_GEOMETRY, type PlacedMark, type TimelineLayout } from './timeline-layout';

/*
 * Lineage links routed clear of every label, pure. A link leaves its base's marker straight up or
 * down to the gap between rows (no label reaches into one), and runs along gaps and down free
 * channels — in each row band, an x no label or marker of that band covers — to enter the derived
 * system's marker from above or below. Curves through a dense lane used to pass behind other names
 * and read as the wrong link ("Dolly 1.0 ▶ Vicuna-7B"); a path on gaps and free channels cannot.
 */

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The system whose marker or label this is (none for a lane heading). */
  owner?: string;
  role?: PlacedMark['role'];
}

export type Point = readonly [number, number];

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

/** Crossing a label or marker anyway (no free x in a row band) costs this much more than any detour. */
const BLOCKED = 100_000;
/** A bend costs as much as this many px of run, so a route keeps a straight channel where it can. */
const BEND = 24;

/**
 * The points of an orthogonal path from `from`'s marker to the edge of `to`'s marker. `lines` are
 * the y of every gap between rows (no label or marker reaches into one); `obstacles` are every
 * label, marker and lane heading, of which the endpoints' own are not in the way. Between two
 * gaps the path drops straight down (or up) at an x no obstacle of that band covers, chosen to
 * keep the path short and with few bends.
 */
export function routeLink(
  from: PlacedMark,
  to: PlacedMark,
  obstacles: readonly Box[],
  plot: { left: number; right: number },
  lines: readonly number[],
): Point[] {
  const g = TIMELINE_GEOMETRY;
  const half = g.row / 2;
  const fx = from.cx;
  const tx = to.cx;
  const down = to.cy > from.cy;
  const same = to.cy === from.cy;
  // The gaps beside the base's row (towards the target) and beside the target's row (towards the base).
  const gap1 = same ? from.cy - half : from.cy + (down ? half : -half);
  const gap2 = same ? to.cy - half : to.cy + (down ? -half : half);
  const entry = to.cy + (to.cy > gap2 ? -1 : 1) * (g.markerRadius + 2);
  const own = (b: Box) => (b.owner === from.item.id && b.role === from.role) || (b.owner === to.item.id && b.role === to.role);
  const yMin = Math.min(gap1, gap2);
  const yMax = Math.max(gap1, gap2);
  // The gaps passed on the way, in order from the base's to the target's.
  const ys = [...new Set([gap1, ...lines.filter((y) => y > yMin + 0.5 && y < yMax - 0.5), gap2])].sort((a, b) => (down ? a - b : b - a));
  const bands = ys.slice(1).map((y, k) => {
    const lo = Math.min(y, ys[k]);
    const hi = Math.max(y, ys[k]);
    const blockers = obstacles.filter((b) => !own(b) && b.top < hi && b.bottom > lo);
    const free = (x: number) => blockers.every((b) => x <= b.left - 2 || x >= b.right + 2);
    const xs = new Set<number>([fx, tx]);
    for (const b of blockers) xs.add(b.left - 4).add(b.right + 4);
    const candidates = [...xs].filter((x) => x >= plot.left && x <= plot.right);
    const open = candidates.filter(free);
    return open.length > 0 ? open.map((x) => ({ x, penalty: 0 })) : candidates.map((x) => ({ x, penalty: BLOCKED }));
  });
  // Cheapest x per band: run along the gaps, bends, and any forced crossing.
  let prev = [{ x: fx, cost: 0, path: [] as number[] }];
  for (const band of bands) {
    prev = band.map(({ x, penalty }) => {
      let best = prev[0];
      let bestCost = Infinity;
      for (const p of prev) {
        const c = p.cost + Math.abs(x - p.x) + (x !== p.x ? BEND : 0);
        if (c < bestCost) {
          bestCost = c;
          best = p;
        }
      }
      return { x, cost: bestCost + penalty, path: [...best.path, x] };
    });
  }
  const end = prev.reduce((a, b) => (b.cost + Math.abs(b.x - tx) < a.cost + Math.abs(a.x - tx) ? b : a));
  const points: Point[] = [[fx, from.cy]];
  let x = fx;
  ys.forEach((y, k) => {
    points.push([x, y]);
    const next = k < end.path.length ? end.path[k] : tx;
    if (next !== x) points.push([next, y]);
    x = next;
  });
  points.push([tx, entry]);
  // Drop repeated points and merge straight runs.
  const out: Point[] = [];
  for (const p of points) {
    const a = out.at(-2);
    const b = out.at(-1);
    if (b && p[0] === b[0] && p[1] === b[1]) continue;
    if (a && b && ((a[0] === b[0] && b[0] === p[0]) || (a[1] === b[1] && b[1] === p[1]))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Every label, marker and lane heading of a layout, as boxes a route keeps out of. */
export function layoutObstacles(marks: readonly PlacedMark[], laneHeadings: readonly Box[]): Box[] {
  return [...marks.flatMap((m) => [labelBox(m), markerBox(m)]), ...laneHeadings];
}

/** A route as an SVG path. */
export function routePath(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' ');
}

/** Whether a segment (horizontal or vertical) touches the inside of a box. */
export function segmentHitsBox(a: Point, b: Point, box: Box, inset = 0.5): boolean {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  return x1 > box.left + inset && x0 < box.right - inset && y1 > box.top + inset && y0 < box.bottom - inset;
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
