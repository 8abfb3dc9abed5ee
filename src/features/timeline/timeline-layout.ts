import { WAVE_2023, type TimelineItem, type TimelineLane, type TimelineSeries, type TimeWindow } from '../../selectors/timeline-series';
import { chooseTimeTicks, type TimeTick, type TimeTickUnit } from '../../lib/time-ticks';

/*
 * Pixel layout of the timeline, pure: which row of its lane each marker sits on and where its
 * label goes. Every item keeps its label; items whose marker+label would collide are moved to
 * another row of the lane (greedy interval packing), so labels never overlap however the window
 * is zoomed — the lane just grows taller.
 */

export const TIMELINE_GEOMETRY = {
  marginLeft: 10,
  marginRight: 10,
  top: 6,
  laneHeader: 20,
  row: 21,
  laneGap: 10,
  axis: 30,
  markerRadius: 5,
  labelGap: 5,
  unitGap: 10,
  /** The shortest a month-precision bar is drawn, so a month stays visible when zoomed far out. */
  minSpanWidth: 6,
  /** Between one tick label and the next. */
  minTickGap: 12,
} as const;

export interface PlacedMark {
  item: TimelineItem;
  /** The source's release date, or the talk's differing date (a ghost marker). */
  role: 'release' | 'talk';
  precision: 'day' | 'month';
  /** Marker extent in px (equal for a day marker's centre). */
  x0: number;
  x1: number;
  cx: number;
  cy: number;
  label: string;
  labelX: number;
  labelAnchor: 'start' | 'end';
  /** The label's horizontal extent, px. */
  labelLeft: number;
  labelRight: number;
}

export interface PlacedLane {
  lane: TimelineLane;
  top: number;
  height: number;
  rows: number;
}

export interface TimelineLayout {
  width: number;
  /** Total SVG height, axis included. */
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  lanes: PlacedLane[];
  marks: PlacedMark[];
  /** The axis ticks, at the unit and step whose labels fit (days, months or years). */
  ticks: TimeTick[];
  x: (ms: number) => number;
  /** Pixel → UTC ms (for drag-to-zoom). */
  invert: (px: number) => number;
}

export interface LayoutOptions {
  width: number;
  measure: (text: string) => number;
  /** Text beside an item's release marker ("Alpaca", "Foo (est.)"). */
  releaseLabel: (item: TimelineItem) => string;
  /** Text beside the talk's-date ghost marker ("Alpaca — talk's date"). */
  talkLabel: (item: TimelineItem) => string;
  /** A tick's label in the UI language ("2019", "Mar 2023", "Mar 5"). */
  tickLabel: (ms: number, unit: TimeTickUnit) => string;
  /** Width of a tick label (the axis font). */
  measureTick: (text: string) => number;
}

interface Unit {
  mark: Omit<PlacedMark, 'cy'>;
  left: number;
  right: number;
}

export function layoutTimeline(series: Pick<TimelineSeries, 'items' | 'lanes' | 'window'>, opts: LayoutOptions): TimelineLayout {
  const g = TIMELINE_GEOMETRY;
  const left = g.marginLeft;
  const right = Math.max(left + 40, opts.width - g.marginRight);
  const { start, end } = series.window;
  const x = (ms: number) => left + ((ms - start) / (end - start)) * (right - left);
  const invert = (px: number) => start + ((px - left) / (right - left)) * (end - start);
  const byId = new Map(series.items.map((i) => [i.id, i]));

  const lanes: PlacedLane[] = [];
  const marks: PlacedMark[] = [];
  let y = g.top;
  for (const lane of series.lanes) {
    const units: Unit[] = [];
    for (const id of lane.itemIds) {
      const item = byId.get(id);
      if (!item) continue;
      units.push(
        placeUnit(
          item,
          'release',
          item.release.date.precision,
          item.release.start,
          item.release.end,
          opts.releaseLabel(item),
          x,
          left,
          right,
          opts.measure,
        ),
      );
      if (item.talk)
        units.push(
          placeUnit(
            item,
            'talk',
            item.talk.date.precision,
            item.talk.start,
            item.talk.end,
            opts.talkLabel(item),
            x,
            left,
            right,
            opts.measure,
          ),
        );
    }
    const rowEnds: number[] = [];
    const laneTop = y;
    const rowsTop = laneTop + g.laneHeader;
    for (const u of [...units].sort((a, b) => a.mark.x0 - b.mark.x0 || a.left - b.left)) {
      let row = rowEnds.findIndex((e) => e + g.unitGap <= u.left);
      if (row === -1) {
        row = rowEnds.length;
        rowEnds.push(u.right);
      } else rowEnds[row] = u.right;
      marks.push({ ...u.mark, cy: rowsTop + row * g.row + g.row / 2 });
    }
    const rows = Math.max(1, rowEnds.length);
    const height = g.laneHeader + rows * g.row;
    lanes.push({ lane, top: laneTop, height, rows });
    y = laneTop + height + g.laneGap;
  }
  const bottom = y - g.laneGap + 4;
  return {
    width: opts.width,
    height: bottom + g.axis,
    plot: { left, right, top: g.top, bottom },
    lanes,
    marks,
    ticks: chooseTimeTicks({
      window: series.window,
      left,
      right,
      measure: opts.measureTick,
      format: opts.tickLabel,
      minGap: g.minTickGap,
    }),
    x,
    invert,
  };
}

function placeUnit(
  item: TimelineItem,
  role: PlacedMark['role'],
  precision: PlacedMark['precision'],
  startMs: number,
  endMs: number,
  text: string,
  x: (ms: number) => number,
  left: number,
  right: number,
  measure: (text: string) => number,
): Unit {
  const g = TIMELINE_GEOMETRY;
  let x0: number;
  let x1: number;
  if (precision === 'month') {
    x0 = x(startMs);
    x1 = Math.max(x(endMs), x0 + g.minSpanWidth);
  } else {
    x0 = x1 = x((startMs + endMs) / 2);
  }
  const cx = (x0 + x1) / 2;
  // The marker's own reach (a day marker is a circle), clamped to the plot.
  const mLeft = precision === 'month' ? x0 : x0 - g.markerRadius;
  const mRight = precision === 'month' ? x1 : x1 + g.markerRadius;
  const roomRight = right - (mRight + g.labelGap);
  const roomLeft = mLeft - g.labelGap - left;
  let label = text;
  let width = measure(label);
  let anchor: 'start' | 'end' = 'start';
  if (width > roomRight) {
    if (width <= roomLeft || roomLeft > roomRight) anchor = 'end';
    const room = Math.max(roomLeft, roomRight);
    if (width > room) {
      label = fitText(text, room, measure);
      width = measure(label);
    }
  }
  const labelX = anchor === 'start' ? mRight + g.labelGap : mLeft - g.labelGap;
  const unitLeft = anchor === 'start' ? mLeft : labelX - width;
  const unitRight = anchor === 'start' ? labelX + width : mRight;
  return {
    mark: {
      item,
      role,
      precision,
      x0,
      x1,
      cx,
      label,
      labelX,
      labelAnchor: anchor,
      labelLeft: labelX - (anchor === 'end' ? width : 0),
      labelRight: labelX + (anchor === 'start' ? width : 0),
    },
    left: unitLeft,
    right: unitRight,
  };
}

/** The longest prefix of `text` that fits in `width` px, with an ellipsis. */
export function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const candidate = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (measure(candidate) <= width) return candidate;
  }
  return '…';
}

/** The wave is shaded when the window is wider than it (the full view), to show where the zoom goes. */
export function showWave(w: TimeWindow): boolean {
  return w.start < WAVE_2023.start && w.end > WAVE_2023.end;
}
