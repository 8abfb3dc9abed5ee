/** A Map or WeakMap. */
interface MapLike<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value held under `key`, made by `make` and kept on the first ask. For the per-dataset
 * (WeakMap) and per-setting (Map) caches the selectors keep, so a filter click reuses them.
 */
export function cached<K, V>(map: MapLike<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
