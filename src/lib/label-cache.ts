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
    return items.map((item) => cached(cache, item, () => make(item)));
  };
}
