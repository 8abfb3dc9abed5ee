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
