import type { System } from '../data/schema';
import { factValue, releaseSortKey } from './system-facts';

export interface OverviewStats {
  systems: number;
  models: number;
  organizations: number;
  /** Earliest and latest known release among the given systems. */
  releaseSpan: { first: System; last: System } | null;
  /** Systems whose release date is unknown or undisclosed (left out of the span). */
  undatedCount: number;
  /** Models whose weights anyone can obtain, among models whose weights status is known. */
  openWeights: { open: number; known: number };
}

/** `topLevelOf`: an organization's top-level organization (FAIR → Meta); they are what is counted. */
export function buildOverviewStats(systems: readonly System[], topLevelOf: (id: string) => string = (id) => id): OverviewStats {
  const orgs = new Set<string>();
  let first: System | null = null;
  let last: System | null = null;
  let firstKey = '';
  let lastKey = '';
  let undated = 0;
  let models = 0;
  let open = 0;
  let known = 0;
  for (const s of systems) {
    for (const o of s.organizations) orgs.add(topLevelOf(o));
    const key = releaseSortKey(s);
    if (key === undefined) undated++;
    else {
      if (first === null || key < firstKey) {
        first = s;
        firstKey = key;
      }
      if (last === null || key > lastKey) {
        last = s;
        lastKey = key;
      }
    }
    if (s.kind === 'model') {
      models++;
      const w = factValue(s.weights);
      if (w) {
        known++;
        if (w.available) open++;
      }
    }
  }
  return {
    systems: systems.length,
    models,
    organizations: orgs.size,
    releaseSpan: first && last ? { first, last } : null,
    undatedCount: undated,
    openWeights: { open, known },
  };
}
