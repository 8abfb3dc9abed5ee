import { createContext, useContext } from 'react';
import type { Filters } from './filters-model';
import { useAppStore } from './index';

/*
 * The filters the views draw. The app provides a deferred copy (React's useDeferredValue): a
 * filter click re-renders the filter bar at once, and the views in a background render React can
 * interrupt, so at tens of thousands of systems the page keeps answering while the charts catch up.
 */
export const ViewFiltersContext = createContext<Filters | null>(null);

/**
 * The filters a view draws: the app's deferred copy, or — for a view rendered on its own, as in
 * component tests — the store's, live.
 */
export function useViewFilters(): Filters {
  const deferred = useContext(ViewFiltersContext);
  // With the app's copy present this selects a constant, so filter changes do not re-render the view here.
  const live = useAppStore((s) => (deferred ? null : s.filters));
  return deferred ?? (live as Filters);
}
