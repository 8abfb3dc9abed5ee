/**
 * A `React.memo` comparison: every prop the same value, arrays compared element by element. A
 * chart given freshly built arrays holding the same rows as last time (a filter click that only
 * changed what is left out, at thousands of systems) is then not drawn again.
 */
export function sameProps<P extends object>(prev: Readonly<P>, next: Readonly<P>): boolean {
  const keys = Object.keys(next) as (keyof P)[];
  if (Object.keys(prev).length !== keys.length) return false;
  return keys.every((k) => {
    const a = prev[k];
    const b = next[k];
    if (Object.is(a, b)) return true;
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  });
}
