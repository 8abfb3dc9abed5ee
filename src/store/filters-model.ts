import type { SystemKind } from '../data/schema';

/** The modality groups the filter offers, derived from a system's inputs and outputs. */
export type ModalityCategory = 'text' | 'code' | 'vision' | 'multimodal';
export const MODALITY_CATEGORIES: readonly ModalityCategory[] = ['text', 'code', 'vision', 'multimodal'];

export type OpennessFacet = 'weights' | 'code' | 'data';
export const OPENNESS_FACETS: readonly OpennessFacet[] = ['weights', 'code', 'data'];

export const SYSTEM_KINDS: readonly SystemKind[] = ['model', 'library-app', 'paper', 'event'];

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
