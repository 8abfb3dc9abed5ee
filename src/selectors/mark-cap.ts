/*
 * What a chart draws when the filtered set is larger than it can usefully show. Thousands of bars
 * or chips are unreadable and slow, so views draw a bounded, meaningful subset and say so on the
 * chart; the CSV export (and the explorer table) keep every system. The caps live here, once.
 */

/** Bars a bar chart (cost, GPU-hours, CO₂) draws at most: the largest values. */
export const MAX_BARS = 40;
/** Chips the overview lists at most, then "and M more". */
export const MAX_CHIPS = 60;
/** Rows a chart's "Show data" table renders at most; the CSV has all of them. */
export const MAX_DATA_TABLE_ROWS = 200;
/** Names a chart's "left out — why" list renders at most. */
export const MAX_LEFT_OUT = 100;

export interface Capped<R> {
  /** What is drawn, in the input's order. */
  rows: R[];
  /** How many the input had. */
  total: number;
  /** Whether anything was dropped. */
  capped: boolean;
}

/**
 * The `cap` items with the largest value, in the input's order, plus every item whose id is in
 * `keep` (the selected system stays drawn even when it is small). Ties keep the earlier item.
 * Returns the input itself when nothing needs dropping.
 */
export function topByValue<T>(
  items: readonly T[],
  cap: number,
  valueOf: (item: T) => number,
  idOf: (item: T) => string,
  keep: readonly (string | null | undefined)[] = [],
): Capped<T> {
  if (items.length <= cap) return { rows: items as T[], total: items.length, capped: false };
  const values = items.map(valueOf);
  const order = items.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  const kept = new Set(order.slice(0, cap));
  const keepIds = new Set(keep.filter((k): k is string => !!k));
  if (keepIds.size > 0) items.forEach((item, i) => keepIds.has(idOf(item)) && kept.add(i));
  return { rows: items.filter((_, i) => kept.has(i)), total: items.length, capped: true };
}

/** `topByValue` for the bar charts' rows, by their plotted `sortValue`. */
export function topRowsByValue<R extends { systemId: string; sortValue: number }>(
  rows: readonly R[],
  cap: number,
  keep: readonly (string | null | undefined)[] = [],
): Capped<R> {
  return topByValue(
    rows,
    cap,
    (r) => r.sortValue,
    (r) => r.systemId,
    keep,
  );
}

/** The first `cap` items plus any kept id (appended, in input order), and how many are left. */
export function firstItems<T>(
  items: readonly T[],
  cap: number,
  idOf: (item: T) => string,
  keep: readonly (string | null | undefined)[] = [],
): Capped<T> {
  if (items.length <= cap) return { rows: items as T[], total: items.length, capped: false };
  const keepIds = new Set(keep.filter((k): k is string => !!k));
  const rows = items.filter((item, i) => i < cap || keepIds.has(idOf(item)));
  return { rows, total: items.length, capped: true };
}

/** Release markers the timeline draws at most: the largest models by parameter count. */
export const MAX_TIMELINE_ITEMS = 120;
/** Systems the lineage tree lays out at most: whole trees, largest first. */
export const MAX_LINEAGE_SYSTEMS = 150;
/** Options a model picker (the CO₂ calculator's) lists at most: the largest runs. */
export const MAX_MENU_OPTIONS = 200;
