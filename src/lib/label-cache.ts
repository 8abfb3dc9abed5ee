/**
 * Remembers what `make` returned for each item, per `by` (the translator: another language,
 * other labels). A chart lists thousands of left-out systems at scale; their reasons are built
 * once per system and language instead of on every filter click. One cache per chart, made at
 * module level; items are the selectors' own per-system objects, so they stay the same between clicks.
 */
export function createItemCache<T extends object, R>(): (items: readonly T[], by: object, make: (item: T) => R) => R[] {
  const caches = new WeakMap<object, WeakMap<T, R>>();
  return (items, by, make) => {
    let cache = caches.get(by);
    if (!cache) {
      cache = new WeakMap();
      caches.set(by, cache);
    }
    const out: R[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      let r = cache.get(item);
      if (r === undefined) {
        r = make(item);
        cache.set(item, r);
      }
      out[i] = r;
    }
    return out;
  };
}
