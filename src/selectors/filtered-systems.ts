import type { Dataset, System } from '../data/schema';
import {
  ANNOTATION_KINDS,
  DEFAULT_FILTERS,
  kindsInView,
  LIST_FACETS,
  MODALITY_CATEGORIES,
  OPENNESS_FACETS,
  SYSTEM_KINDS,
  type Filters,
  type ListFacet,
} from '../store/filters-model';
import { buildBaseOptions, buildChildrenIndex, descendantsOf, type BaseOption } from './lineage';
import { opennessOf, releaseMonth, systemModality } from './system-facts';
import { getOrganizationIndex } from './organizations';
import { cached } from '../lib/cache';

/*
 * Every view starts from `selectFilteredSystems`. The per-dataset work (lineage walks, facet
 * values, search text) is done once per dataset object and cached, so a filter click only
 * re-runs cheap set membership tests.
 */

interface IndexedSystem {
  system: System;
  values: Record<ListFacet, readonly string[]>;
  month: string | undefined;
  /** Lower-cased text the search box matches; made on the first search (most visits never search). */
  searchText?: string;
}

/** One facet's values as small integers: `values[code]`, and each system's codes. */
interface FacetCodes {
  values: string[];
  of: (readonly number[])[];
}

interface FilterIndex {
  systems: IndexedSystem[];
  baseOptions: BaseOption[];
  codes: Record<ListFacet, FacetCodes>;
}

/** `known`: the facet's options even where no system has them (the filter bar lists them all). */
function facetCodes(systems: readonly IndexedSystem[], facet: ListFacet, known: readonly string[]): FacetCodes {
  const values: string[] = [...known];
  const codeOf = new Map<string, number>(known.map((v, i) => [v, i]));
  const none: readonly number[] = [];
  const of = systems.map((item) => {
    const have = item.values[facet];
    if (have.length === 0) return none;
    return have.map((v) => {
      let code = codeOf.get(v);
      if (code === undefined) {
        code = values.length;
        values.push(v);
        codeOf.set(v, code);
      }
      return code;
    });
  });
  return { values, of };
}

/** The list facets in a fixed order: facet i is bit i of a filter pass's failure masks. */
const FACETS = LIST_FACETS;

const indexCache = new WeakMap<Dataset, FilterIndex>();

export function getFilterIndex(dataset: Dataset): FilterIndex {
  return cached(indexCache, dataset, buildFilterIndex);
}

function buildFilterIndex(dataset: Dataset): FilterIndex {
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
  const orgs = getOrganizationIndex(dataset);
  const systems = dataset.systems.map((system): IndexedSystem => {
    const modality = systemModality(system);
    return {
      system,
      values: {
        // An organization and every organization it is part of: ticking Meta includes FAIR's work.
        organizations: organizationLines(system.organizations, orgs.lineOf),
        bases: basesBySystem.get(system.id) ?? [],
        modalities: modality ? [modality] : [],
        openness: opennessOf(system),
        kinds: [system.kind],
      },
      month: releaseMonth(system),
    };
  });
  const codes = {} as Record<ListFacet, FacetCodes>;
  const known: Record<ListFacet, readonly string[]> = {
    organizations: [],
    bases: baseOptions.map((o) => o.id),
    modalities: MODALITY_CATEGORIES,
    openness: OPENNESS_FACETS,
    kinds: SYSTEM_KINDS,
  };
  for (const facet of FACETS) codes[facet] = facetCodes(systems, facet, known[facet]);
  return { systems, baseOptions, codes };
}

function organizationLines(ids: readonly string[], lineOf: (id: string) => readonly string[]): readonly string[] {
  if (ids.length === 1) return lineOf(ids[0]);
  const out = new Set<string>();
  for (const id of ids) for (const o of lineOf(id)) out.add(o);
  return [...out];
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

function matchesRest(item: IndexedSystem, f: Filters, words: readonly string[], dataset: Dataset): boolean {
  if (f.dateFrom !== null || f.dateTo !== null) {
    // A system whose release date is not known cannot be placed in a range, so it drops out.
    if (!item.month) return false;
    if (f.dateFrom !== null && item.month < f.dateFrom) return false;
    if (f.dateTo !== null && item.month > f.dateTo) return false;
  }
  if (words.length === 0) return true;
  const text = (item.searchText ??= searchTextOf(item.system, dataset));
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

function searchTextOf(system: System, dataset: Dataset): string {
  const orgs = getOrganizationIndex(dataset);
  const orgText = system.organizations.flatMap((id) => {
    const o = orgs.byId.get(id);
    return o ? [o.name.en, o.name.zh ?? '', ...o.aliases] : [id];
  });
  return [system.id, system.name, system.nameZh ?? '', ...orgText, system.summary].join(' ').toLocaleLowerCase();
}

function queryWords(q: string): string[] {
  const query = q.trim().toLocaleLowerCase();
  return query === '' ? [] : query.split(/\s+/);
}

/** Bit of the non-facet filters (dates, search) in a failure mask; facet i is bit i. */
const REST_BIT = 1 << FACETS.length;

interface FilterPass {
  dataset: Dataset;
  filters: Filters;
  /** Per indexed system: which filters it fails (0 = passes all). */
  masks: Uint8Array;
  systems: System[];
  /** Every facet's option counts, made on the first ask. */
  counts?: Record<ListFacet, Map<string, number>>;
  /** The papers and events that pass every filter but Kind, made on the first ask. */
  annotations?: System[];
}

// Every view asks for the same (dataset, filters) on a click: one pass answers them all — the
// filtered set (mask 0) and each facet's counts (fails nothing but that facet) — and is kept.
let last: FilterPass | null = null;

function filterPass(dataset: Dataset, filters: Filters): FilterPass {
  if (last && last.dataset === dataset && last.filters === filters) return last;
  const index = getFilterIndex(dataset);
  const words = queryWords(filters.query);
  // The Kind facet always filters: left empty, it keeps models and apps/libraries (not papers or events).
  const wantedOf = (facet: ListFacet): readonly string[] => (facet === 'kinds' ? kindsInView(filters) : filters[facet]);
  const active = FACETS.map((facet, bit) => ({ facet, bit: 1 << bit, wanted: wantedOf(facet) })).filter((a) => a.wanted.length > 0);
  const masks = new Uint8Array(index.systems.length);
  const systems: System[] = [];
  index.systems.forEach((item, i) => {
    let mask = matchesRest(item, filters, words, dataset) ? 0 : REST_BIT;
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

/**
 * Papers and events that pass every filter but the (empty) Kind filter: not systems, so not in
 * `selectFilteredSystems`, but the timeline marks them as annotations. Once the Kind filter is
 * set, they are in view only if it names them (then they are in the filtered set itself): none here.
 */
export function selectAnnotationEntries(dataset: Dataset, filters: Filters): System[] {
  if (filters.kinds.length > 0) return NONE;
  const pass = filterPass(dataset, filters);
  if (!pass.annotations) {
    const kindBit = 1 << FACETS.indexOf('kinds');
    const index = getFilterIndex(dataset);
    const out: System[] = [];
    index.systems.forEach((item, i) => {
      if (pass.masks[i] === kindBit && (ANNOTATION_KINDS as readonly string[]).includes(item.system.kind)) out.push(item.system);
    });
    pass.annotations = out;
  }
  return pass.annotations;
}

const NONE: System[] = [];

/** The filtered systems, then the papers and events to mark beside them: what the timeline plots. */
export function selectTimelineEntries(dataset: Dataset, filters: Filters): System[] {
  const marked = selectAnnotationEntries(dataset, filters);
  const inView = selectFilteredSystems(dataset, filters);
  return marked.length > 0 ? [...inView, ...marked] : inView;
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
 * option's count is what clicking it would leave, not the current result size. All five facets
 * are counted in one pass over the filter pass's masks, kept with it: a system counts for a facet
 * only when it fails nothing, or nothing but that facet.
 */
export function selectFacetCounts(dataset: Dataset, filters: Filters, facet: ListFacet): Map<string, number> {
  const pass = filterPass(dataset, filters);
  pass.counts ??= countFacets(getFilterIndex(dataset), pass);
  return pass.counts[facet];
}

function countFacets(index: FilterIndex, { filters, masks }: FilterPass): Record<ListFacet, Map<string, number>> {
  // Per facet: systems with each value that fail nothing else ("own"), and the part of those that
  // would be added (OR) or kept (AND) by ticking it ("extra"); codes in first-counted order.
  const tallies = FACETS.map((facet) => {
    const n = index.codes[facet].values.length;
    return { own: new Int32Array(n), extra: new Int32Array(n), order: [] as number[], isAnd: AND_FACETS.has(facet) };
  });
  let matchingNow = 0;
  for (let i = 0; i < masks.length; i++) {
    const mask = masks[i];
    // Fails nothing: counts for every facet. Fails one facet only: counts for that facet. Fails
    // two filters, or the date range or search alone: counts for none.
    if (mask === 0) matchingNow++;
    else if ((mask & (mask - 1)) !== 0) continue;
    for (let f = 0; f < FACETS.length; f++) {
      if (mask !== 0 && mask !== 1 << f) continue;
      const tally = tallies[f];
      const current = mask === 0;
      for (const code of index.codes[FACETS[f]].of[i]) {
        if (tally.own[code]++ === 0) tally.order.push(code);
        if (current === tally.isAnd) tally.extra[code]++;
      }
    }
  }
  const out = {} as Record<ListFacet, Map<string, number>>;
  FACETS.forEach((facet, f) => {
    const { own, extra, order, isAnd } = tallies[f];
    const { values } = index.codes[facet];
    const wanted = filters[facet] as readonly string[];
    const counts = new Map<string, number>();
    const set = (v: string, ownCount: number, extraCount: number) => {
      if (wanted.length === 0 || wanted.includes(v)) counts.set(v, ownCount);
      else counts.set(v, isAnd ? extraCount : matchingNow + extraCount);
    };
    for (const code of order) set(values[code], own[code], extra[code]);
    // Values no system passing the rest has: ticking one beside others still leaves what the
    // others match, not 0. Then ticked values no system has.
    for (let code = 0; code < values.length; code++) if (own[code] === 0) set(values[code], 0, 0);
    for (const v of wanted) if (!counts.has(v)) set(v, 0, 0);
    out[facet] = counts;
  });
  return out;
}

/**
 * How many of the dataset's entries the current Kind filter admits: the "M" of "N of M" (papers and
 * events count only once the Kind filter asks for them).
 */
export function selectTotalInScope(dataset: Dataset, filters: Pick<Filters, 'kinds'>): number {
  const kinds: readonly string[] = kindsInView(filters);
  let n = 0;
  for (const s of dataset.systems) if (kinds.includes(s.kind)) n++;
  return n;
}

/** Every organization of the dataset's systems (ids), each top-level one followed by its children. */
export function selectOrganizations(dataset: Dataset): { id: string; depth: number }[] {
  return getOrganizationIndex(dataset).treeOrder.slice();
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
