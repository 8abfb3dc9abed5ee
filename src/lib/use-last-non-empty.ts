import { useState } from 'react';

/**
 * `value` while `ok`, else the last value that was (or `value`, if none was yet). `value` must
 * keep its identity between renders (state or a memo), or this renders again for nothing.
 */
export function useLastWhere<T>(value: T, ok: boolean): T {
  const [last, setLast] = useState(value);
  // Derived state, updated during render (React's documented pattern for it).
  if (ok && value !== last) setLast(value);
  return ok ? value : last;
}

/**
 * `items`, or — while `items` is empty — the last non-empty array seen. A chart left empty by a
 * filter keeps its last drawing mounted (hidden) instead of unmounting: the click that brings rows
 * back then updates it, or, when they are the rows it had (a filter ticked and unticked), finds
 * nothing to redraw, where mounting a recharts chart again rebuilds it from scratch.
 */
export function useLastNonEmpty<T>(items: readonly T[]): readonly T[] {
  return useLastWhere(items, items.length > 0);
}
