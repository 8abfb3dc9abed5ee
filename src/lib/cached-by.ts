/**
 * `fn`, remembering its result per `keyOf(arg)` for the life of the returned function. For
 * labelling thousands of items that share a few distinct texts ("release date not disclosed"):
 * one translation per distinct reason instead of one per item.
 */
export function cachedBy<A, R>(keyOf: (arg: A) => string, fn: (arg: A) => R): (arg: A) => R {
  const cache = new Map<string, R>();
  return (arg) => {
    const key = keyOf(arg);
    if (cache.has(key)) return cache.get(key) as R;
    const value = fn(arg);
    cache.set(key, value);
    return value;
  };
}
