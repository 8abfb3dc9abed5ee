import type { SystemKind } from '../data/schema';

/** The modality groups the filter offers, derived from a system's inputs and outputs. */
export type ModalityCategory = 'text' | 'code' | 'vision' | 'multimodal';
export const MODALITY_CATEGORIES: readonly ModalityCategory[] = ['text', 'code', 'vision', 'multimodal'];

export type OpennessFacet = 'weights' | 'code' | 'data';
export const OPENNESS_FACETS: readonly OpennessFacet[] = ['weights', 'code', 'data'];

export const SYSTEM_KINDS: readonly SystemKind[] = ['model', 'library-app', 'paper', 'event'];

/**
 * What is in view while the Kind filter is empty: models, and the libraries and apps the talk
 * names. Papers and events are not systems: they are not counted or listed until the Kind filter
 * asks for them (the timeline marks them as annotations either way).
 */
export const DEFAULT_KINDS: readonly SystemKind[] = ['model', 'library-app'];

/** Not systems: marked on the timeline as annotations, listed only when the Kind filter asks. */
export const ANNOTATION_KINDS: readonly SystemKind[] = ['paper', 'event'];

export function kindsInView(f: Pick<Filters, 'kinds'>): readonly SystemKind[] {
  return f.kinds.length > 0 ? f.kinds : DEFAULT_KINDS;
}

/**
 * What the user asked to see. Values inside one facet are alternatives (OR); facets combine
 * with AND; openness facets each require that part to be public (AND).
 */
export interface Filters {
  organizations: string[];
  /** Family ids ("llama") or system ids ("vicuna-13b"); each includes its descendants. */
  bases: string[];
  modalities: ModalityCategory[];
  openness: OpennessFacet[];
  kinds: SystemKind[];
  /** Inclusive month bounds, "YYYY-MM". */
  dateFrom: string | null;
  dateTo: string | null;
  query: string;
}

export const DEFAULT_FILTERS: Filters = {
  organizations: [],
  bases: [],
  modalities: [],
  openness: [],
  kinds: [],
  dateFrom: null,
  dateTo: null,
  query: '',
};

export type ListFacet = 'organizations' | 'bases' | 'modalities' | 'openness' | 'kinds';
export const LIST_FACETS: readonly ListFacet[] = ['organizations', 'bases', 'modalities', 'openness', 'kinds'];

export function isFiltering(f: Filters): boolean {
  return LIST_FACETS.some((k) => f[k].length > 0) || f.dateFrom !== null || f.dateTo !== null || f.query.trim() !== '';
}

/** How many filters are set: each ticked value, the date range (one), the search text (one). */
export function activeFilterCount(f: Filters): number {
  const listed = LIST_FACETS.reduce((n, k) => n + f[k].length, 0);
  return listed + (f.dateFrom !== null || f.dateTo !== null ? 1 : 0) + (f.query.trim() !== '' ? 1 : 0);
}
