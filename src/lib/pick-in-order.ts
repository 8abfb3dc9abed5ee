/**
 * The items of `subset` in the order of `sorted`, as a new array. `sorted` is a stable sort of a
 * whole list and `subset` a part of that list in its original order (as filtering gives): the
 * result is then exactly what sorting `subset` would give, ties included, without sorting it.
 * A view that sorts its filtered rows sorts the whole list once per order and picks from it.
 */
export function pickInOrder<T>(sorted: readonly T[], subset: readonly T[]): T[] {
  if (subset.length === sorted.length) return [...sorted];
  const wanted = new Set(subset);
  return sorted.filter((item) => wanted.has(item));
}
