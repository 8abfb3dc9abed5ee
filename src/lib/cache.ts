/** A Map or WeakMap. */
interface MapLike<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value held under `key`, made by `make(key)` and kept on the first ask. For the per-dataset
 * (WeakMap) and per-setting (Map) caches the selectors keep, so a filter click reuses them. On
 * per-system paths, pass a function that takes the key rather than a closure over it: a closure
 * is allocated on every call, hit or miss (tens of thousands per click at scale).
 */
export function cached<K, V>(map: MapLike<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}
