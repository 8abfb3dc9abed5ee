import type { System } from '../data/schema';
import type { ViewSettings } from '../store/url-state';
import { releaseSortKey } from './system-facts';

export type SystemOrder = ViewSettings['overviewOrder'];

// Collators built once: `localeCompare` with options builds one per comparison, slow in the thousands.
const NAME_COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ORG_COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: System, b: System) => NAME_COLLATOR.compare(a.name, b.name);

function byRelease(a: System, b: System): number {
  const ka = releaseSortKey(a);
  const kb = releaseSortKey(b);
  // Undated systems go last rather than first: an unknown date is not "earliest".
  if (ka === undefined || kb === undefined) return ka === kb ? byName(a, b) : ka === undefined ? 1 : -1;
  return ka < kb ? -1 : ka > kb ? 1 : byName(a, b);
}

/** A new array in the requested order; the input is not touched. */
export function orderSystems(systems: readonly System[], order: SystemOrder): System[] {
  const out = [...systems];
  if (order === 'name') return out.sort(byName);
  if (order === 'organization') {
    return out.sort((a, b) => ORG_COLLATOR.compare(a.organizations[0], b.organizations[0]) || byRelease(a, b));
  }
  return out.sort(byRelease);
}
