import type { StateCreator } from 'zustand';
import { DEFAULT_FILTERS, type Filters, type ListFacet } from './filters-model';
import type { AppState } from './index';

export interface FiltersSlice {
  filters: Filters;
  toggleFilterValue: (facet: ListFacet, value: string) => void;
  setFilterValues: (facet: ListFacet, values: string[]) => void;
  setDateRange: (from: string | null, to: string | null) => void;
  setQuery: (query: string) => void;
  clearFilters: () => void;
  replaceFilters: (filters: Filters) => void;
}

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set) => ({
  filters: DEFAULT_FILTERS,
  toggleFilterValue: (facet, value) =>
    set((s) => {
      const current = s.filters[facet] as string[];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { filters: { ...s.filters, [facet]: next } };
    }),
  setFilterValues: (facet, values) => set((s) => ({ filters: { ...s.filters, [facet]: [...new Set(values)] } })),
  setDateRange: (from, to) =>
    set((s) => {
      // Keep the range ordered whichever end the user moved.
      const [a, b] = from && to && from > to ? [to, from] : [from, to];
      return { filters: { ...s.filters, dateFrom: a, dateTo: b } };
    }),
  setQuery: (query) => set((s) => ({ filters: { ...s.filters, query } })),
  clearFilters: () => set({ filters: DEFAULT_FILTERS }),
  replaceFilters: (filters) => set({ filters }),
});
