import { escapeXml } from '../../lib/export-panel';
import type { TimelineMark, TimelinePlot } from './figure-model';
import type { PlotLayout } from './plot-bars';
import { fill, hatchRef, measure, r1, tag, type Colors } from './svg-kit';
import { routeOrthogonal, routePath, type Point, type RouteBox } from '../../lib/orthogonal-route';
import { drawGuides, guideStripHeight } from './plot-guides';

/*
 * The timeline plot: a time axis over the window with ticks that fit their labels (months for a
 * short window, years for a long one), one band per lane with its heading, and a mark per release
 * (a dot for a date to the day, a bar across the month for a month). Names go right of their mark
 * (left of it at the right edge) in the first sub-row of the lane where neither the name nor the
 * mark touches anything already placed; a mark with no such row is drawn without its name, and the
 * plot says how many names it left out. A fixed box cuts sub-rows first, then lanes ("and N more").
 */

/** Sub-rows a lane may take in a box that grows with its content. */
export const MAX_OPEN_SUBROWS = 16;

export function timelineSizes(base: number) {
  const labelSize = base * 0.78;
  const headSize = base * 0.72;
  const tickSize = base * 0.78;
  const r = Math.max(2.5, base * 0.3);
  const minRow = Math.max(labelSize * 1.45, 2 * r + 5);
  return {
    labelSize,
    headSize,
    tickSize,
    r,
    minRow,
    maxRow: base * 2,
    headH: headSize * 1.6,
    axisH: tickSize * 2,
    noteH: tickSize * 1.5,
    gap: labelSize * 0.35,
    /** Between one unit (mark and name) and the next in a sub-row. */
    unitGap: labelSize * 0.5,
  };
}

/** A placed mark: its sub-row, extent in px, and its name's box (none: drawn without its name). */
export interface PlacedTimelineMark {
  mark: TimelineMark;
  row: number;
  x0: number;
  x1: number;
  /** The mark's own reach (a dot's radius included). */
  left: number;
  right: number;
  label: { x: number; anchor: 'start' | 'end'; left: number; right: number; text?: string } | null;
}

export interface TimelineLaneLayout {
  lane: number;
  rows: number;
  marks: PlacedTimelineMark[];
}

export interface TimelineTick {
  value: number;
  label: string;
  x: number;
  anchor: 'start' | 'middle' | 'end';
  left: number;
  right: number;
}

/** The plot's pure geometry for one box: the parts the tests check and `layoutTimelinePlot` draws. */
export interface TimelineGeometry {
  /** UTC ms → px. */
  x: (ms: number) => number;
  px0: number;
  px1: number;
  rowH: number;
  lanes: TimelineLaneLayout[];
  /** Marks of lanes cut for lack of room. */
  cut: number;
  /** Marks drawn without their name. */
  hidden: number;
  ticks: TimelineTick[];
  height: number;
  /** The annotation guides' badge strip above the lanes (0 without guides). */
  stripH: number;
}

/**
 * One lane's marks in sub-rows, greedily in order of date: each takes the first sub-row where its
 * mark and name are clear of everything placed; else the first where its mark alone is clear (no
 * name); else sub-row 0, and any name there that would cover it gives way.
 */
export function placeLane(
  marks: readonly TimelineMark[],
  maxRows: number,
  x: (ms: number) => number,
  px0: number,
  px1: number,
  base: number,
): { rows: number; placed: PlacedTimelineMark[] } {
  const { labelSize, r, unitGap, gap } = timelineSizes(base);
  type Seg = { left: number; right: number; owner: PlacedTimelineMark; label: boolean };
  const rows: Seg[][] = [];
  const free = (row: number, left: number, right: number) =>
    (rows[row] ?? []).every((s) => right + unitGap <= s.left || s.right + unitGap <= left);
  const placed: PlacedTimelineMark[] = [];
  const sorted = [...marks].sort((a, b) => Number(b.named ?? false) - Number(a.named ?? false) || a.start - b.start);
  for (const m of sorted) {
    let x0: number;
    let x1: number;
    if (m.precision === 'month') {
      x0 = x(m.start);
      x1 = Math.max(x(m.end), x0 + r * 1.2);
    } else x0 = x1 = x((m.start + m.end) / 2);
    const left = m.precision === 'month' ? x0 : x0 - r * (m.annotation ? 1.25 : 1);
    const right = m.precision === 'month' ? x1 : x1 + r * (m.annotation ? 1.25 : 1);
    const w = measure(m.label, labelSize);
    // Right of the mark; at the right edge, left of it.
    const after = { x: right + gap, anchor: 'start' as const, left: right + gap, right: right + gap + w };
    const before = { x: left - gap, anchor: 'end' as const, left: left - gap - w, right: left - gap };
    const label = after.right <= px1 ? after : before.left >= px0 ? before : null;
    const p: PlacedTimelineMark = { mark: m, row: 0, x0, x1, left, right, label: null };
    let row = -1;
    if (label && m.label) {
      const unit = { left: Math.min(left, label.left), right: Math.max(right, label.right) };
      for (let i = 0; i < maxRows && row === -1; i++) if (free(i, unit.left, unit.right)) row = i;
      if (row !== -1) p.label = label;
    }
    if (row === -1) for (let i = 0; i < maxRows && row === -1; i++) if (free(i, left, right)) row = i;
    if (row === -1) {
      // Nowhere clear: a sub-row where it touches only marks (marks may touch marks); else the
      // first whose names over it may give way — not a name carrying an annotation's badge while
      // another sub-row spares it; else sub-row 0.
      const covers = (s: Seg) => s.label && !(s.right + unitGap <= left || right + unitGap <= s.left);
      const open = Array.from({ length: Math.min(maxRows, rows.length) }, (_, i) => i);
      row = open.find((i) => !rows[i].some(covers)) ?? open.find((i) => !rows[i].some((s) => covers(s) && s.owner.mark.named)) ?? 0;
      rows[row] = rows[row].filter((s) => {
        if (!covers(s)) return true;
        // A name with an annotation's badge keeps the badge alone, if that clears this mark.
        const badge = s.owner.mark.named ? BADGES.exec(s.owner.mark.label)?.[0] : undefined;
        const l = s.owner.label;
        if (badge && l) {
          const w = measure(badge, labelSize);
          const [bl, br] = l.anchor === 'start' ? [l.left, l.left + w] : [l.right - w, l.right];
          if (br + unitGap <= left || right + unitGap <= bl) {
            s.owner.label = { ...l, left: bl, right: br, text: badge };
            s.left = bl;
            s.right = br;
            return true;
          }
        }
        s.owner.label = null;
        return false;
      });
    }
    p.row = row;
    rows[row] ??= [];
    rows[row].push({ left, right, owner: p, label: false });
    if (p.label) rows[row].push({ left: p.label.left, right: p.label.right, owner: p, label: true });
    placed.push(p);
  }
  return { rows: Math.max(1, rows.length), placed };
}

const MS_DAY = 86_400_000;
/** The annotation badges (① …) at the end of a name. */
const BADGES = /[\u2460-\u2473]+$/;

/** Ticks whose labels keep their distance: days in a window of a few weeks, every 1, 2, 3 or 6 months, else every 1, 2, 5, 10… years. */
export function fitTicks(plot: TimelinePlot, x: (ms: number) => number, px0: number, px1: number, tickSize: number): TimelineTick[] {
  const minGap = tickSize * 1.2;
  const place = (value: number, label: string): TimelineTick => {
    const tx = x(value);
    const w = measure(label, tickSize);
    const anchor = tx - px0 < w / 2 ? 'start' : px1 - tx < w / 2 ? 'end' : 'middle';
    const left = anchor === 'start' ? tx : anchor === 'end' ? tx - w : tx - w / 2;
    return { value, label, x: tx, anchor, left, right: left + w };
  };
  const fits = (ticks: TimelineTick[]) => ticks.every((t, i) => i === 0 || ticks[i - 1].right + minGap <= t.left);
  const inWindow = (v: number) => v >= plot.window.start && v <= plot.window.end;
  const months = plot.months.filter((m) => inWindow(m.value));
  // A window of a few weeks: days, every 1, 2 or 7 (the 1st, 8th, 15th, 22nd) or 14 (the 1st and 15th).
  const days = (plot.days ?? []).filter((d) => inWindow(d.value));
  if (months.length < 2 && days.length >= 2)
    for (const keep of [
      () => true,
      (d: number) => d % 2 === 1 && d < 30,
      (d: number) => (d - 1) % 7 === 0 && d < 29,
      (d: number) => d === 1 || d === 15,
    ]) {
      const ticks = days.filter((d) => keep(d.day)).map((d) => place(d.value, d.label));
      if (ticks.length >= 2 && fits(ticks)) return ticks;
    }
  for (const step of [1, 2, 3, 6]) {
    const ticks = months.filter((m) => (m.year * 12 + m.month) % step === 0).map((m) => place(m.value, m.label));
    if (ticks.length >= 2 && fits(ticks)) return ticks;
  }
  const years = plot.years.filter((y) => inWindow(y.value));
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 500]) {
    const ticks = years.filter((y) => y.year % step === 0).map((y) => place(y.value, y.label));
    if (fits(ticks) && (ticks.length >= 2 || step >= 500)) return ticks;
  }
  // A window of a few days, or one too narrow for any two labels: its first tick alone.
  const first = months[0] ?? years[0];
  const span = plot.window.end - plot.window.start;
  return first && span > MS_DAY ? [place(first.value, first.label)] : [];
}

/** How many sub-rows each lane wants (its marks all named, up to the open-box limit). */
function wantedRows(plot: TimelinePlot, x: (ms: number) => number, px0: number, px1: number, base: number): number[] {
  return plot.lanes.map(
    (_, lane) =>
      placeLane(
        plot.marks.filter((m) => m.lane === lane),
        MAX_OPEN_SUBROWS,
        x,
        px0,
        px1,
        base,
      ).rows,
  );
}

function scaleOf(plot: TimelinePlot, x0: number, width: number, base: number) {
  const { r } = timelineSizes(base);
  const px0 = x0 + r * 1.5;
  const px1 = x0 + width - r * 1.5;
  const { start, end } = plot.window;
  const x = (ms: number) => px0 + ((Math.max(start, Math.min(end, ms)) - start) / Math.max(1, end - start)) * (px1 - px0);
  return { px0, px1, x };
}

/** The plot's height with every lane's wanted sub-rows at their smallest. */
export function timelineHeightAtMin(plot: TimelinePlot, base: number, width: number): number {
  const { minRow, headH, axisH } = timelineSizes(base);
  const { px0, px1, x } = scaleOf(plot, 0, width, base);
  const want = wantedRows(plot, x, px0, px1, base);
  return want.reduce((sum, n) => sum + headH + n * minRow, 0) + axisH + guideStripHeight(plot.guides, timelineSizes(base).tickSize);
}

/** Lanes, sub-rows and ticks for a box: `maxHeight` null grows with the content. */
export function timelineGeometry(plot: TimelinePlot, x0: number, width: number, base: number, maxHeight: number | null): TimelineGeometry {
  const s = timelineSizes(base);
  const stripH = guideStripHeight(plot.guides, s.tickSize);
  const { px0, px1, x } = scaleOf(plot, x0, width, base);
  const ticks = fitTicks(plot, x, px0, px1, s.tickSize);
  const want = wantedRows(plot, x, px0, px1, base);
  const lanesWithMarks = plot.lanes.map((_, i) => i).filter((i) => plot.marks.some((m) => m.lane === i));
  let keep = lanesWithMarks;
  let rows = want;
  let rowH = s.minRow;
  if (maxHeight !== null) {
    // Room for lanes and sub-rows, less the axis and a line for each note the plot may need.
    const room = (notes: number) => maxHeight - s.axisH - stripH - notes * s.noteH;
    const need = (lanes: number[], n: (i: number) => number) => lanes.reduce((sum, i) => sum + s.headH + n(i) * s.minRow, 0);
    // A line kept for the note on names not shown (a lane wanting more than it may take hides some).
    const allFit = need(keep, (i) => want[i]) <= room(1);
    if (!allFit) {
      // One sub-row per lane first; lanes that do not fit even so are cut from the end.
      while (keep.length > 1 && need(keep, () => 1) > room(2)) keep = keep.slice(0, -1);
      rows = plot.lanes.map(() => 1);
      let spare = room(keep.length < lanesWithMarks.length ? 2 : 1) - need(keep, () => 1);
      // Then the spare sub-rows, one at a time: a second to each lane that wants one (so a lane of two
      // close releases names both), then each to the lane wanting more with the most marks per sub-row.
      const count = plot.lanes.map((_, i) => plot.marks.filter((m) => m.lane === i).length);
      for (const i of keep)
        if (rows[i] < want[i] && spare >= s.minRow) {
          rows[i]++;
          spare -= s.minRow;
        }
      for (; spare >= s.minRow; spare -= s.minRow) {
        const wanting = keep.filter((i) => rows[i] < want[i]);
        if (wanting.length === 0) break;
        const best = wanting.reduce((a, b) => (count[b] / rows[b] > count[a] / rows[a] ? b : a));
        rows[best]++;
      }
    } else {
      const total = keep.reduce((sum, i) => sum + want[i], 0);
      rowH = Math.max(s.minRow, Math.min(s.maxRow, (room(1) - keep.length * s.headH) / Math.max(1, total)));
    }
  } else rowH = Math.max(s.minRow, Math.min(s.maxRow, base * 1.5));
  const lanes: TimelineLaneLayout[] = keep.map((lane) => {
    const { placed } = placeLane(
      plot.marks.filter((m) => m.lane === lane),
      rows[lane],
      x,
      px0,
      px1,
      base,
    );
    return { lane, rows: Math.max(1, ...placed.map((p) => p.row + 1)), marks: placed };
  });
  const cut = plot.marks.filter((m) => !keep.includes(m.lane)).length;
  // A name cut down to its annotation badge is a name not shown, too.
  const hidden = lanes.reduce((sum, l) => sum + l.marks.filter((p) => (!p.label || p.label.text !== undefined) && p.mark.label).length, 0);
  const height =
    stripH + lanes.reduce((sum, l) => sum + s.headH + l.rows * rowH, 0) + s.axisH + (cut > 0 ? s.noteH : 0) + (hidden > 0 ? s.noteH : 0);
  return { x, px0, px1, rowH, lanes, cut, hidden, ticks, height, stripH };
}

/** Lane tops and each drawn mark's centre line, for a plot drawn from `top`. */
export function timelinePositions(g: TimelineGeometry, top: number, base: number) {
  const s = timelineSizes(base);
  const laneTops: number[] = [];
  let y = top;
  for (const l of g.lanes) {
    laneTops.push(y);
    y += s.headH + l.rows * g.rowH;
  }
  const at = new Map<string, { p: PlacedTimelineMark; cy: number }>();
  g.lanes.forEach((l, i) => l.marks.forEach((p) => at.set(p.mark.id, { p, cy: laneTops[i] + s.headH + p.row * g.rowH + g.rowH / 2 })));
  return { laneTops, bottom: y, at };
}

/** Every name, mark and lane heading of a drawn plot, as boxes a link keeps out of. */
export function timelineObstacles(plot: TimelinePlot, g: TimelineGeometry, top: number, x0: number, base: number): RouteBox[] {
  const s = timelineSizes(base);
  const { laneTops, at } = timelinePositions(g, top, base);
  const boxes: RouteBox[] = g.lanes.map((l, i) => ({
    left: x0 + 2,
    right: x0 + 2 + measure(plot.lanes[l.lane] ?? '', s.headSize),
    top: laneTops[i],
    bottom: laneTops[i] + s.headH,
    kind: 'heading',
  }));
  for (const [id, { p, cy }] of at) {
    const r = s.r * (p.mark.annotation ? 1.3 : 1.05);
    boxes.push({ left: p.left, right: p.right, top: cy - r, bottom: cy + r, owner: id, kind: 'mark' });
    if (p.label)
      boxes.push({
        left: p.label.left,
        right: p.label.right,
        top: cy - s.labelSize * 0.6,
        bottom: cy + s.labelSize * 0.6,
        owner: id,
        kind: 'label',
      });
  }
  return boxes;
}

/**
 * Each link's route (`from>to`) and each talk's-date connector's (`talk:id`), along the gaps
 * between sub-rows and down channels clear of every other name, mark and heading.
 */
export function timelineRoutes(plot: TimelinePlot, g: TimelineGeometry, top: number, x0: number, base: number): Map<string, Point[]> {
  const s = timelineSizes(base);
  const { laneTops, at } = timelinePositions(g, top, base);
  const obstacles = timelineObstacles(plot, g, top, x0, base);
  const lines = g.lanes.flatMap((l, i) => Array.from({ length: l.rows + 1 }, (_, k) => laneTops[i] + s.headH + k * g.rowH));
  const opts = { half: g.rowH / 2, entryGap: s.r * 1.3 + 1 };
  const end = (id: string, v: { p: PlacedTimelineMark; cy: number }) => ({ id, cx: (v.p.x0 + v.p.x1) / 2, cy: v.cy });
  const plotBox = { left: g.px0, right: g.px1 };
  const routes = new Map<string, Point[]>();
  for (const link of plot.links) {
    const a = at.get(link.from);
    const b = at.get(link.to);
    if (a && b) routes.set(`${link.from}>${link.to}`, routeOrthogonal(end(link.from, a), end(link.to, b), obstacles, plotBox, lines, opts));
  }
  for (const [id, v] of at) {
    const release = v.p.mark.talkFor ? at.get(v.p.mark.talkFor) : undefined;
    if (release && v.p.mark.talkFor)
      routes.set(`talk:${v.p.mark.talkFor}`, routeOrthogonal(end(v.p.mark.talkFor, release), end(id, v), obstacles, plotBox, lines, opts));
  }
  return routes;
}

export function layoutTimelinePlot(
  plot: TimelinePlot,
  x0: number,
  width: number,
  base: number,
  maxHeight: number | null,
  c: Colors,
): PlotLayout {
  const s = timelineSizes(base);
  const g = timelineGeometry(plot, x0, width, base, maxHeight);
  const hatchColors = plot.marks.flatMap((m) => (m.estimated ? [m.color] : []));
  const draw = (stripTop: number) => {
    const parts: string[] = [];
    const top = stripTop + g.stripH;
    const { laneTops, bottom } = timelinePositions(g, top, base);
    const cyOf = (laneIndex: number, p: PlacedTimelineMark) => laneTops[laneIndex] + s.headH + p.row * g.rowH + g.rowH / 2;
    // Bands behind every other lane, so a lane's sub-rows read as one.
    g.lanes.forEach((l, i) => {
      if (i % 2 === 0) parts.push(tag('rect', { x: x0, y: laneTops[i], width, height: s.headH + l.rows * g.rowH, fill: c.track }));
    });
    if (plot.band) {
      const bx0 = g.x(plot.band.start);
      parts.push(
        tag('rect', { x: bx0, y: top, width: g.x(plot.band.end) - bx0, height: bottom - top, fill: c.rule, 'fill-opacity': 0.45 }),
      );
    }
    const guides = drawGuides(plot.guides, g.x, g.px0, g.px1, stripTop, bottom, s.tickSize, c);
    parts.push(guides.behind, guides.strip);
    for (const t of g.ticks) {
      parts.push(tag('line', { x1: t.x, x2: t.x, y1: top, y2: bottom, stroke: c.grid, 'stroke-width': 1, 'stroke-dasharray': '2 3' }));
      parts.push(
        tag(
          'text',
          { x: t.x, y: bottom + s.tickSize * 1.35, 'font-size': s.tickSize, 'text-anchor': t.anchor, fill: c.muted },
          escapeXml(t.label),
        ),
      );
    }
    parts.push(tag('line', { x1: x0, x2: x0 + width, y1: bottom, y2: bottom, stroke: c.rule, 'stroke-width': 1 }));
    g.lanes.forEach((l, i) =>
      parts.push(
        tag(
          'text',
          { x: x0 + 2, y: laneTops[i] + s.headH * 0.5 + s.headSize * 0.45, 'font-size': s.headSize, 'font-weight': 600, fill: c.muted },
          escapeXml(plot.lanes[l.lane] ?? ''),
        ),
      ),
    );
    // Lineage links and the talk's dates' connectors, under the marks.
    const links: string[] = [];
    const routes = timelineRoutes(plot, g, top, x0, base);
    for (const link of plot.links) {
      const points = routes.get(`${link.from}>${link.to}`);
      if (!points) continue;
      links.push(
        tag('path', {
          d: routePath(points),
          fill: 'none',
          stroke: c.muted,
          'stroke-width': 1.1,
          'stroke-opacity': link.via ? 0.35 : 0.6,
          'stroke-dasharray': link.dash,
          'stroke-linejoin': 'round',
        }),
      );
    }
    for (const [key, points] of routes) {
      if (!key.startsWith('talk:')) continue;
      links.push(
        tag('path', {
          d: routePath(points),
          fill: 'none',
          stroke: c.muted,
          'stroke-width': 1,
          'stroke-dasharray': '4 2 1 2',
        }),
      );
    }
    parts.push(tag('g', { id: 'figure-links' }, links.join('')));
    g.lanes.forEach((l, i) => {
      const body: string[] = [];
      for (const p of l.marks) {
        const cy = cyOf(i, p);
        body.push(drawMark(p, cy, s.r, c));
        if (p.label)
          body.push(
            tag(
              'text',
              {
                x: p.label.x,
                y: cy + s.labelSize * 0.35,
                'font-size': s.labelSize,
                'text-anchor': p.label.anchor,
                fill: p.mark.talkFor ? c.muted : c.text,
                stroke: i % 2 === 0 ? c.track : c.background,
                'stroke-width': 3,
                'stroke-linejoin': 'round',
                'paint-order': 'stroke',
              },
              escapeXml(p.label.text ?? p.mark.label),
            ),
          );
      }
      parts.push(tag('g', { id: `lane-${l.lane}` }, body.join('')));
    });
    let noteY = bottom + s.axisH;
    const note = (text: string) => {
      parts.push(
        tag(
          'text',
          { x: x0, y: noteY + s.tickSize * 1.05, 'font-size': s.tickSize, 'font-style': 'italic', fill: c.muted },
          escapeXml(text),
        ),
      );
      noteY += s.noteH;
    };
    if (g.cut > 0) note(fill(plot.moreRows, g.cut));
    if (g.hidden > 0) note(fill(plot.hiddenNames, g.hidden));
    return tag('g', { id: 'figure-plot' }, parts.join(''));
  };
  const drawn = g.lanes.reduce((sum, l) => sum + l.marks.length, 0);
  return { height: g.height, rowsDrawn: drawn, rowsCut: g.cut, draw, hatchColors };
}

function drawMark(p: PlacedTimelineMark, cy: number, r: number, c: Colors): string {
  const m = p.mark;
  if (m.talkFor) {
    // The talk's date: hollow and dashed, so it never reads as the source's.
    const ghost = { fill: c.background, stroke: m.color, 'stroke-width': 1.5, 'stroke-dasharray': '2 1.5' };
    if (m.precision === 'month') return tag('rect', { x: p.x0, y: cy - r * 0.9, width: p.x1 - p.x0, height: r * 1.8, rx: 1.5, ...ghost });
    return tag('circle', { cx: p.x0, cy, r: r * 0.9, ...ghost });
  }
  const dash = m.estimated ? '3 2' : undefined;
  const fillOf = m.estimated ? `url(#${hatchRef(m.color)})` : m.color;
  if (m.annotation) {
    if (m.precision === 'month')
      return tag('rect', {
        x: p.x0,
        y: cy - r * 0.9,
        width: p.x1 - p.x0,
        height: r * 1.8,
        rx: 1.5,
        fill: c.background,
        stroke: m.color,
        'stroke-width': 1.5,
      });
    const d = r * 1.25;
    return tag('path', {
      d: `M${r1(p.x0)} ${r1(cy - d)} L${r1(p.x0 + d)} ${r1(cy)} L${r1(p.x0)} ${r1(cy + d)} L${r1(p.x0 - d)} ${r1(cy)} Z`,
      fill: c.background,
      stroke: m.color,
      'stroke-width': 1.5,
    });
  }
  if (m.precision === 'month')
    return tag('rect', {
      x: p.x0,
      y: cy - r * 0.9,
      width: p.x1 - p.x0,
      height: r * 1.8,
      rx: 1.5,
      fill: fillOf,
      'fill-opacity': m.estimated ? undefined : 0.9,
      stroke: m.color,
      'stroke-width': 1,
      'stroke-dasharray': dash,
    });
  return tag('circle', {
    cx: p.x0,
    cy,
    r,
    fill: fillOf,
    'fill-opacity': m.estimated ? undefined : 0.9,
    stroke: m.color,
    'stroke-width': 1,
    'stroke-dasharray': dash,
  });
}
