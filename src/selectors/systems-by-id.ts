import type { System } from '../data/schema';

/** Systems by id. */
export function systemsById(systems: readonly System[]): ReadonlyMap<string, System> {
  return new Map(systems.map((s) => [s.id, s]));
}

/** The ids of a list of systems, as a set. */
export function idSetOf(systems: readonly System[]): ReadonlySet<string> {
  return new Set(systems.map((s) => s.id));
}
