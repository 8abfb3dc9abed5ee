import type { Dataset, System } from '../data/schema';
import { DEFAULT_FILTERS, type Filters, type ListFacet } from '../store/filters-model';
import { buildBaseOptions, buildChildrenIndex, descendantsOf, type BaseOption } from './lineage';
import { opennessOf, releaseMonth, systemModality } from './system-facts';

/*
 * Every view starts from `selectFilteredSystems`. The per-dataset work (lineage walks, facet
 * values, search text) is done once per dataset object and cached, so a filter click only
 * re-runs cheap set membership tests.
 */

interface IndexedSystem {
  system: System;
  values: Record<ListFacet, readonly string[]>;
  month: string | undefined;
  searchText: string;
}

interface FilterIndex {
  systems: IndexedSystem[];
  baseOptions: BaseOption[];
}

const indexCache = new WeakMap<Dataset, FilterIndex>();

export function getFilterIndex(dataset: Dataset): FilterIndex {
  let index = indexCache.get(dataset);
  if (index) return index;
  const children = buildChildrenIndex(dataset.systems);
  const baseOptions = buildBaseOptions(dataset);
  const basesBySystem = new Map<string, string[]>();
  for (const option of baseOptions) {
    for (const id of descendantsOf(option.roots, children)) {
      const list = basesBySystem.get(id);
      if (list) list.push(option.id);
      else basesBySystem.set(id, [option.id]);
    }
  }
  const systems = dataset.systems.map((system): IndexedSystem => {
    const modality = systemModality(system);
    return {
      system,
      values: {
        organizations: system.organizations,
        bases: basesBySystem.get(system.id) ?? [],
        modalities: modality ? [modality] : [],
        openness: opennessOf(system),
        kinds: [system.kind],
      },
      month: releaseMonth(system),
      searchText: [system.id, system.name, system.nameZh ?? '', system.organizations.join(' '), system.summary].join(' ').toLocaleLowerCase(),
    };
  });
  index = { systems, baseOptions };
  indexCache.set(dataset, index);
  return index;
}

/** Openness is "all of these parts public"; every other list facet is "any of these". */
const AND_FACETS: ReadonlySet<ListFacet> = new Set(['openness']);

function matchesFacet(item: IndexedSystem, facet: ListFacet, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  const have = item.values[facet];
  if (AND_FACETS.has(facet)) {
    for (const w of wanted) if (!have.includes(w)) return false;
    return true;
  }
  for (const w of wanted) if (have.includes(w)) return true;
  return false;
}

function matchesRest(item: IndexedSystem, f: Filters, words: readonly string[]): boolean {
  if (f.dateFrom !== null || f.dateTo !== null) {
    // A system whose release date is not known cannot be placed in a range, so it drops out.
    if (!item.month) return false;
    if (f.dateFrom !== null && item.month < f.dateFrom) return false;
    if (f.dateTo !== null && item.month > f.dateTo) return false;
  }
  for (const word of words) if (!item.searchText.includes(word)) return false;
  return true;
}

function queryWords(q: string): string[] {
  const query = q.trim().toLocaleLowerCase();
  return query === '' ? [] : query.split(/\s+/);
}

const FACETS: readonly ListFacet[] = ['organizations', 'bases', 'modalities', 'openness', 'kinds'];
/** Bit of the non-facet filters (dates, search) in a failure mask; facet i is bit i. */
const REST_BIT = 1 << FACETS.length;

interface FilterPass {
  dataset: Dataset;
  filters: Filters;
  /** Per indexed system: which filters it fails (0 = passes all). */
  masks: Uint8Array;
  systems: System[];
}

// Every view asks for the same (dataset, filters) on a click: one pass answers them all — the
// filtered set (mask 0) and each facet's counts (fails nothing but that facet) — and is kept.
let last: FilterPass | null = null;

function filterPass(dataset: Dataset, filters: Filters): FilterPass {
  if (last && last.dataset === dataset && last.filters === filters) return last;
  const index = getFilterIndex(dataset);
  const words = queryWords(filters.query);
  const active = FACETS.map((facet, bit) => ({ facet, bit: 1 << bit, wanted: filters[facet] as readonly string[] })).filter((a) => a.wanted.length > 0);
  const masks = new Uint8Array(index.systems.length);
  const systems: System[] = [];
  index.systems.forEach((item, i) => {
    let mask = matchesRest(item, filters, words) ? 0 : REST_BIT;
    for (const a of active) if (!matchesFacet(item, a.facet, a.wanted)) mask |= a.bit;
    masks[i] = mask;
    if (mask === 0) systems.push(item.system);
  });
  last = { dataset, filters, masks, systems };
  return last;
}

/** The systems that pass every filter, in dataset order. Do not mutate the result: it is shared. */
export function selectFilteredSystems(dataset: Dataset, filters: Filters): System[] {
  return filterPass(dataset, filters).systems;
}

export interface FacetOption {
  value: string;
  label: string;
  /** How many systems the filter would leave if this option were clicked on (for a selected option: how many it matches now). */
  count: number;
  selected: boolean;
}

/**
 * Options of one facet with counts. Counting is done against "everything but this facet", so an
 * option's count is what clicking it would leave, not the current result size. One pass over the
 * systems per facet, reusing the filter pass's masks.
 */
export function selectFacetCounts(dataset: Dataset, filters: Filters, facet: ListFacet): Map<string, number> {
  const index = getFilterIndex(dataset);
  const { masks } = filterPass(dataset, filters);
  const others = ~(1 << FACETS.indexOf(facet));
  const wanted = filters[facet] as readonly string[];
  const isAnd = AND_FACETS.has(facet);
  const own = new Map<string, number>();
  const extra = new Map<string, number>();
  let matchingNow = 0;
  index.systems.forEach((item, i) => {
    if ((masks[i] & others) !== 0) return;
    const values = item.values[facet];
    const current = (masks[i] & ~others) === 0;
    for (const v of values) own.set(v, (own.get(v) ?? 0) + 1);
    if (current) {
      matchingNow++;
      if (isAnd) for (const v of values) extra.set(v, (extra.get(v) ?? 0) + 1);
    } else if (!isAnd) {
      for (const v of values) extra.set(v, (extra.get(v) ?? 0) + 1);
    }
  });
  const counts = new Map<string, number>();
  const all = new Set([...own.keys(), ...wanted]);
  for (const v of all) {
    if (wanted.includes(v)) counts.set(v, own.get(v) ?? 0);
    else if (wanted.length === 0) counts.set(v, own.get(v) ?? 0);
    else if (isAnd) counts.set(v, extra.get(v) ?? 0);
    else counts.set(v, matchingNow + (extra.get(v) ?? 0));
  }
  return counts;
}

/** Every organization in the dataset, alphabetically. */
export function selectOrganizations(dataset: Dataset): string[] {
  const set = new Set<string>();
  for (const s of dataset.systems) for (const o of s.organizations) set.add(o);
  return [...set].sort((a, b) => a.localeCompare(b));
}

export function selectBaseOptions(dataset: Dataset): BaseOption[] {
  return getFilterIndex(dataset).baseOptions;
}

/** Release months present in the dataset, ascending — the date-range filter's choices. */
export function selectReleaseMonths(dataset: Dataset): string[] {
  const set = new Set<string>();
  for (const item of getFilterIndex(dataset).systems) if (item.month) set.add(item.month);
  return [...set].sort();
}

export { DEFAULT_FILTERS };
