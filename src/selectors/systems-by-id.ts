import type { System } from '../data/schema';
import { cached } from '../lib/cache';

const byIdCache = new WeakMap<readonly System[], ReadonlyMap<string, System>>();

/** A dataset's systems by id, built once per systems array. */
export function systemsById(systems: readonly System[]): ReadonlyMap<string, System> {
  return cached(byIdCache, systems, () => new Map(systems.map((s) => [s.id, s])));
}
