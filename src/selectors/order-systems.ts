import type { System } from '../data/schema';
import type { ViewSettings } from '../store/url-state';
import { releaseSortKey } from './system-facts';

export type SystemOrder = ViewSettings['overviewOrder'];

// Collators built once: `localeCompare` with options builds one per comparison, slow in the thousands.
const NAME_COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ORG_COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: System, b: System) => NAME_COLLATOR.compare(a.name, b.name);

/** Release keys in order; 0 for equal keys (the caller breaks ties by name). */
function compareRelease(ka: string | undefined, kb: string | undefined): number {
  // Undated systems go last rather than first: an unknown date is not "earliest".
  if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * A new array in the requested order; the input is not touched. The sort is stable: ties keep the
 * input's order. `organizationName`: how the organization order reads an organization id (its English name).
 */
export function orderSystems(
  systems: readonly System[],
  order: SystemOrder,
  organizationName: (id: string) => string = (id) => id,
): System[] {
  const out = [...systems];
  if (order === 'name') return out.sort(byName);
  // Release keys made once per system, not twice per comparison (a string each for month dates).
  const keys = new Map(systems.map((s) => [s, releaseSortKey(s)]));
  const release = (a: System, b: System) => compareRelease(keys.get(a), keys.get(b)) || byName(a, b);
  if (order === 'organization') {
    const org = new Map(systems.map((s) => [s, organizationName(s.organizations[0])]));
    return out.sort((a, b) => ORG_COLLATOR.compare(org.get(a)!, org.get(b)!) || release(a, b));
  }
  return out.sort(release);
}
