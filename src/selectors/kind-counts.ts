import type { SystemKind } from '../data/schema';
import { SYSTEM_KINDS } from '../store/filters-model';

export type KindCounts = Record<SystemKind, number>;

/** How many of each kind: what a count of "systems" is made of ("26 models · 2 apps/libraries"). */
export function countKinds(systems: readonly { kind: SystemKind }[]): KindCounts {
  const counts = Object.fromEntries(SYSTEM_KINDS.map((k) => [k, 0])) as KindCounts;
  for (const s of systems) counts[s.kind]++;
  return counts;
}
