/*
 * Ticks for a time axis at any span, pure: the finest of days, months or years (at a round step)
 * whose labels, measured in the font they are drawn in, keep a gap between them at the plot's
 * width. Labels at the plot's edges are aligned inwards, so none is cut off; the boxes returned
 * are the ones drawn, so a caller (or a test) can check them.
 */

export type TimeTickUnit = 'day' | 'month' | 'year';

export interface TimeTick {
  value: number;
  unit: TimeTickUnit;
  label: string;
  x: number;
  anchor: 'start' | 'middle' | 'end';
  /** The label's box, in px. */
  left: number;
  right: number;
}

export interface TimeTickOptions {
  window: { start: number; end: number };
  /** The plot's extent in px: the window's start and end. */
  left: number;
  right: number;
  measure: (text: string) => number;
  format: (ms: number, unit: TimeTickUnit) => string;
  /** Between one label and the next, px. */
  minGap?: number;
}

const DAY = 86_400_000;

/** Candidate steps, finest first. Day steps pick days of the month so ticks restart on the 1st. */
const STEPS: { unit: TimeTickUnit; step: number; approx: number }[] = [
  { unit: 'day', step: 1, approx: DAY },
  { unit: 'day', step: 2, approx: 2 * DAY },
  { unit: 'day', step: 7, approx: 7.6 * DAY },
  { unit: 'day', step: 14, approx: 15 * DAY },
  { unit: 'month', step: 1, approx: 30.4 * DAY },
  { unit: 'month', step: 2, approx: 61 * DAY },
  { unit: 'month', step: 3, approx: 91 * DAY },
  { unit: 'month', step: 6, approx: 183 * DAY },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500].map((step) => ({ unit: 'year' as const, step, approx: step * 365.25 * DAY })),
];

const DAYS_OF_STEP: Record<number, (d: number) => boolean> = {
  1: () => true,
  2: (d) => d % 2 === 1 && d < 30,
  7: (d) => d === 1 || d === 8 || d === 15 || d === 22,
  14: (d) => d === 1 || d === 15,
};

/** The tick values of one unit and step inside the window (inclusive of both ends). */
function tickValues(start: number, end: number, unit: TimeTickUnit, step: number): number[] {
  const out: number[] = [];
  const first = new Date(start);
  if (unit === 'year') {
    for (let y = Math.ceil(first.getUTCFullYear() / step) * step - step; ; y += step) {
      const v = Date.UTC(y, 0, 1);
      if (v > end) break;
      if (v >= start) out.push(v);
    }
  } else if (unit === 'month') {
    for (let i = first.getUTCFullYear() * 12 + first.getUTCMonth(); ; i++) {
      const v = Date.UTC(Math.floor(i / 12), i % 12, 1);
      if (v > end) break;
      if (v >= start && i % step === 0) out.push(v);
    }
  } else {
    const keep = DAYS_OF_STEP[step];
    for (let v = Math.floor(start / DAY) * DAY; v <= end; v += DAY) if (v >= start && keep(new Date(v).getUTCDate())) out.push(v);
  }
  return out;
}

/** Every candidate's ticks placed; the finest whose labels do not touch (at least two of them), else the coarsest single tick. */
export function chooseTimeTicks({ window, left, right, measure, format, minGap = 10 }: TimeTickOptions): TimeTick[] {
  const span = window.end - window.start;
  const width = right - left;
  if (!(span > 0) || !(width > 0)) return [];
  const x = (ms: number) => left + ((ms - window.start) / span) * width;
  const place = (value: number, unit: TimeTickUnit): TimeTick => {
    const label = format(value, unit);
    const tx = x(value);
    const w = measure(label);
    const anchor = tx - left < w / 2 ? 'start' : right - tx < w / 2 ? 'end' : 'middle';
    const boxLeft = anchor === 'start' ? tx : anchor === 'end' ? tx - w : tx - w / 2;
    return { value, unit, label, x: tx, anchor, left: boxLeft, right: boxLeft + w };
  };
  let single: TimeTick[] = [];
  for (const { unit, step, approx } of STEPS) {
    // Too many to fit at any label width (a label is wider than 12 px): not worth placing.
    if ((span / approx) * 12 > width) continue;
    const ticks = tickValues(window.start, window.end, unit, step).map((v) => place(v, unit));
    if (!ticksApart(ticks, minGap)) continue;
    if (ticks.length >= 2) return ticks;
    if (ticks.length === 1 && single.length === 0) single = ticks;
  }
  return single;
}

/** Whether no two labels (in order) come closer than `gap` px. */
export function ticksApart(ticks: readonly Pick<TimeTick, 'left' | 'right'>[], gap = 0): boolean {
  return ticks.every((t, i) => i === 0 || ticks[i - 1].right + gap <= t.left);
}
