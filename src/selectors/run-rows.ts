import type { Source, System } from '../data/schema';
import { factValue } from './system-facts';

/*
 * Shared by the training-cost and GPU-hours charts: whether a system's training run is a
 * pre-training run or a fine-tune, the row order (sections, then sizes of one family side by
 * side), the value axis (powers of ten on the log scale, round steps on the linear one) and the
 * names in the source note.
 */

export type RunKind = 'pre-training' | 'fine-tune';
export const RUN_KINDS: readonly RunKind[] = ['pre-training', 'fine-tune'];

/** A fine-tune has a base it was fine-tuned from; anything else trained its own weights from scratch. */
export function runKindOf(system: Pick<System, 'baseModels'>): RunKind {
  return system.baseModels.some((b) => b.relation === 'fine-tuned-from') ? 'fine-tune' : 'pre-training';
}

export interface OrderableRow {
  systemId: string;
  family?: string;
  runKind: RunKind;
  /** What the rows are sorted by (descending): the plotted value. */
  sortValue: number;
  /** Orders sizes inside a family (ascending: 7B before 13B); undefined sorts last. */
  sizeKey?: number;
  name: string;
}

/** The order `localeCompare` gives, with one collator instead of one per comparison. */
const NAME_ORDER = new Intl.Collator();

/**
 * Pre-training runs first, then fine-tunes. Inside a section, families stay together (7B next to
 * 13B, smallest first) and groups are sorted by their largest value, largest first, so the chart
 * still reads as a ranking.
 */
export function orderRunRows<R extends OrderableRow>(rows: readonly R[]): R[] {
  const out: R[] = [];
  const bySize = (a: R, b: R) => (a.sizeKey ?? Infinity) - (b.sizeKey ?? Infinity) || NAME_ORDER.compare(a.name, b.name);
  for (const kind of RUN_KINDS) {
    // Groups in order of first appearance: a family's rows (an array), or a row without a family on
    // its own (the row itself: no array per row, thousands of them at scale).
    const groups: (R | R[])[] = [];
    const families = new Map<string, R[]>();
    for (const r of rows) {
      if (r.runKind !== kind) continue;
      if (!r.family) {
        groups.push(r);
        continue;
      }
      const list = families.get(r.family);
      if (list) list.push(r);
      else {
        const created = [r];
        families.set(r.family, created);
        groups.push(created);
      }
    }
    // Each group's largest value and first name once, not per comparison.
    const top = new Float64Array(groups.length);
    const first: R[] = new Array(groups.length);
    groups.forEach((g, i) => {
      if (!Array.isArray(g)) {
        top[i] = g.sortValue;
        first[i] = g;
        return;
      }
      if (g.length > 1) g.sort(bySize);
      let m = -Infinity;
      for (const r of g) if (r.sortValue > m) m = r.sortValue;
      top[i] = m;
      first[i] = g[0];
    });
    const order = groups.map((_, i) => i);
    order.sort((a, b) => top[b] - top[a] || NAME_ORDER.compare(first[a].name, first[b].name) || a - b);
    for (const i of order) {
      const g = groups[i];
      if (Array.isArray(g)) for (const r of g) out.push(r);
      else out.push(g);
    }
  }
  return out;
}

/** Parameter count for ordering sizes of one family. */
export function sizeKeyOf(system: System): number | undefined {
  return factValue(system.parameters);
}

/** Runs of one family that sit next to each other: [first index, last index] per family with 2+ rows. */
export function familySpans(rows: readonly { family?: string }[]): { family: string; from: number; to: number }[] {
  const spans: { family: string; from: number; to: number }[] = [];
  rows.forEach((r, i) => {
    const last = spans[spans.length - 1];
    if (r.family && last && last.family === r.family && last.to === i - 1) last.to = i;
    else if (r.family) spans.push({ family: r.family, from: i, to: i });
  });
  return spans.filter((s) => s.to > s.from);
}

export type ScaleKind = 'log' | 'linear';

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * The value axis for positive values. Log: from a power of ten below the smallest value (one more
 * step down when the smallest is under twice that power) to the one at or above the largest, a
 * tick at every power. Linear: from 0 to a round maximum in
 * 1/2/5 steps.
 */
export function valueAxis(values: readonly number[], scale: ScaleKind): ValueAxis {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return scale === 'log' ? { domain: [1, 10], ticks: [1, 10] } : { domain: [0, 1], ticks: [0, 1] };
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  if (scale === 'log') {
    // A floor a little below the smallest value, so even it gets a visible bar ($100 → from $10).
    let lo = Math.floor(Math.log10(min));
    if (min < 2 * 10 ** lo) lo -= 1;
    let hi = Math.ceil(Math.log10(max));
    if (hi === lo) hi = lo + 1;
    const ticks: number[] = [];
    for (let e = lo; e <= hi; e++) ticks.push(10 ** e);
    return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
  }
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i++) ticks.push(i * step);
  return { domain: [0, top], ticks };
}

/** Names for a chart's source note: each cited source's publisher (else its title), once, in order of citation. */
export function sourceNoteNames(ids: Iterable<string>, sourcesById: ReadonlyMap<string, Pick<Source, 'publisher' | 'title'>>): string[] {
  return [...new Set([...ids].map((id) => sourcesById.get(id)?.publisher ?? sourcesById.get(id)?.title ?? id))];
}

/** Rounds to a number of significant digits (for "about 3,430×"); formatting is done by the caller. */
export function roundSignificant(n: number, digits: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  const exp = Math.floor(Math.log10(Math.abs(n))) - digits + 1;
  // Divide by an integer power of ten where possible, so 42,598 → 42,600 exactly (no 42599.999…).
  return exp >= 0 ? Math.round(n / 10 ** exp) * 10 ** exp : Math.round(n * 10 ** -exp) / 10 ** -exp;
}

/**
 * At most `max` ticks, keeping every k-th one counted from the last, so the steps stay regular
 * (1, 100, 10K, 1M on a phone instead of whatever survives overlap removal). Always keeps the last.
 */
export function thinTicks(ticks: readonly number[], max: number): number[] {
  if (ticks.length <= max || max < 2) return [...ticks];
  let k = 1;
  while (Math.floor((ticks.length - 1) / k) + 1 > max) k++;
  return ticks.filter((_, i) => (ticks.length - 1 - i) % k === 0);
}
