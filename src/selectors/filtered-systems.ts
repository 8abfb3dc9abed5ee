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
  return AND_FACETS.has(facet) ? wanted.every((w) => have.includes(w)) : wanted.some((w) => have.includes(w));
}

function matchesRest(item: IndexedSystem, f: Filters, query: string): boolean {
  if (f.dateFrom !== null || f.dateTo !== null) {
    // A system whose release date is not known cannot be placed in a range, so it drops out.
    if (!item.month) return false;
    if (f.dateFrom !== null && item.month < f.dateFrom) return false;
    if (f.dateTo !== null && item.month > f.dateTo) return false;
  }
  return query === '' || query.split(/\s+/).every((word) => item.searchText.includes(word));
}

function normaliseQuery(q: string): string {
  return q.trim().toLocaleLowerCase();
}

const FACETS: readonly ListFacet[] = ['organizations', 'bases', 'modalities', 'openness', 'kinds'];

function matchesAll(item: IndexedSystem, f: Filters, query: string, except?: ListFacet): boolean {
  for (const facet of FACETS) {
    if (facet !== except && !matchesFacet(item, facet, f[facet])) return false;
  }
  return matchesRest(item, f, query);
}

/** The systems that pass every filter, in dataset order. */
export function selectFilteredSystems(dataset: Dataset, filters: Filters): System[] {
  const index = getFilterIndex(dataset);
  const query = normaliseQuery(filters.query);
  const out: System[] = [];
  for (const item of index.systems) if (matchesAll(item, filters, query)) out.push(item.system);
  return out;
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
 * option's count is what clicking it would leave, not the current result size.
 */
export function selectFacetCounts(dataset: Dataset, filters: Filters, facet: ListFacet): Map<string, number> {
  const index = getFilterIndex(dataset);
  const query = normaliseQuery(filters.query);
  const wanted = filters[facet] as readonly string[];
  const isAnd = AND_FACETS.has(facet);
  const own = new Map<string, number>();
  const extra = new Map<string, number>();
  let matchingNow = 0;
  for (const item of index.systems) {
    if (!matchesAll(item, filters, query, facet)) continue;
    const values = item.values[facet];
    const current = matchesFacet(item, facet, wanted);
    for (const v of values) own.set(v, (own.get(v) ?? 0) + 1);
    if (current) {
      matchingNow++;
      if (isAnd) for (const v of values) extra.set(v, (extra.get(v) ?? 0) + 1);
    } else if (!isAnd) {
      for (const v of values) extra.set(v, (extra.get(v) ?? 0) + 1);
    }
  }
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
