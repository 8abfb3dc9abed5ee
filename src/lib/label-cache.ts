import { cached } from './cache';

/**
 * Remembers what `make` returned for each item, per `by` (the translator: another language,
 * other labels). A chart lists thousands of left-out systems at scale; their reasons are built
 * once per system and language instead of on every filter click. One cache per chart, made at
 * module level; items are the selectors' own per-system objects, so they stay the same between clicks.
 */
export function createItemCache<T extends object, R>(): (items: readonly T[], by: object, make: (item: T) => R) => R[] {
  const caches = new WeakMap<object, WeakMap<T, R>>();
  return (items, by, make) => {
    const cache = cached(caches, by, () => new WeakMap<T, R>());
    return items.map((item) => cached(cache, item, make));
  };
}

/** A list made only when read: its length now, its items on the first `items()` call, then kept. */
export interface LazyList<R> {
  readonly length: number;
  items(): readonly R[];
}

/**
 * A chart's left-out list, labelled only when someone opens it (or prints): at scale a filter click
 * leaves thousands of systems out of each chart, and labelling them all was work nobody read.
 */
export function lazyList<R>(length: number, make: () => readonly R[]): LazyList<R> {
  let made: readonly R[] | undefined;
  return { length, items: () => (made ??= make()) };
}

/**
 * A chart's left-out labels: made only when the list is read (`lazyList`), and then once per item
 * and `by` (`createItemCache`). One per chart, made at module level.
 */
export function createLazyLabels<T extends object, R>(): (items: readonly T[], by: object, make: (item: T) => R) => LazyList<R> {
  const labels = createItemCache<T, R>();
  return (items, by, make) => lazyList(items.length, () => labels(items, by, make));
}
