import type { System } from '../data/schema';
import { cached } from '../lib/cache';

const byIdCache = new WeakMap<readonly System[], ReadonlyMap<string, System>>();

/** A dataset's systems by id, built once per systems array. */
export function systemsById(systems: readonly System[]): ReadonlyMap<string, System> {
  return cached(byIdCache, systems, () => new Map(systems.map((s) => [s.id, s])));
}

const idSetCache = new WeakMap<readonly System[], ReadonlySet<string>>();

/**
 * The ids of a list of systems, as a set made once per list. The filtered list is one shared
 * array per filter state, so the views that test "is it in the filters?" share one set per click.
 */
export function idSetOf(systems: readonly System[]): ReadonlySet<string> {
  return cached(idSetCache, systems, () => new Set(systems.map((s) => s.id)));
}
