/*
 * An orthogonal route between two marks of a chart laid out in rows (the release timeline, on
 * screen and in the figure export), pure: out of the first mark to the gap beside its row, along
 * gaps (no label reaches into one) and down channels no obstacle of a row band covers, into the
 * second mark from above or below.
 */

export type Point = readonly [number, number];

/** An end of a route: a mark's centre, and who it is (its own boxes are not in the way). */
export interface RouteEnd {
  id: string;
  role?: string;
  cx: number;
  cy: number;
}

export interface RouteBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  owner?: string;
  role?: string;
  /** What the box is, for tests and diagnostics. */
  kind?: 'label' | 'mark' | 'heading';
}

/** Crossing a label or marker anyway (no free x in a row band) costs this much more than any detour. */
const BLOCKED = 100_000;
/** A bend costs as much as this many px of run, so a route keeps a straight channel where it can. */
const BEND = 24;

/**
 * The points of an orthogonal path from `from`'s marker to `entryGap` px from `to`'s centre. `lines` are
 * the y of every gap between rows (`half` a row from a mark's centre) (no label or marker reaches into one); `obstacles` are every
 * label, marker and lane heading, of which the endpoints' own are not in the way. Between two
 * gaps the path drops straight down (or up) at an x no obstacle of that band covers, chosen to
 * keep the path short and with few bends.
 */
export function routeOrthogonal(
  from: RouteEnd,
  to: RouteEnd,
  obstacles: readonly RouteBox[],
  plot: { left: number; right: number },
  lines: readonly number[],
  { half, entryGap }: { half: number; entryGap: number },
): Point[] {
  const fx = from.cx;
  const tx = to.cx;
  const down = to.cy > from.cy;
  const same = to.cy === from.cy;
  // The gaps beside the base's row (towards the target) and beside the target's row (towards the base).
  const gap1 = same ? from.cy - half : from.cy + (down ? half : -half);
  const gap2 = same ? to.cy - half : to.cy + (down ? -half : half);
  const entry = to.cy + (to.cy > gap2 ? -1 : 1) * entryGap;
  const own = (b: RouteBox) => (b.owner === from.id && b.role === from.role) || (b.owner === to.id && b.role === to.role);
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

/** A route as an SVG path. */
export function routePath(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' ');
}

/** Whether a segment (horizontal or vertical) touches the inside of a box. */
export function segmentHitsBox(a: Point, b: Point, box: RouteBox, inset = 0.5): boolean {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  return x1 > box.left + inset && x0 < box.right - inset && y1 > box.top + inset && y0 < box.bottom - inset;
}
