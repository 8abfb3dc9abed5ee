import type { System } from '../data/schema';
import type { ViewSettings } from '../store/url-state';
import { releaseSortKey } from './system-facts';

export type SystemOrder = ViewSettings['overviewOrder'];

const byName = (a: System, b: System) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });

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
    return out.sort((a, b) => a.organizations[0].localeCompare(b.organizations[0], 'en', { sensitivity: 'base' }) || byRelease(a, b));
  }
  return out.sort(byRelease);
}
