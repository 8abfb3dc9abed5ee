import { createContext, use, useContext, type ReactNode } from 'react';
import type { Filters } from './filters-model';
import { useAppStore } from './index';

/*
 * The filters the views draw. The app provides a deferred copy (React's useDeferredValue): a
 * filter click re-renders the filter bar at once, and the views in a background render React can
 * interrupt, so at tens of thousands of systems the page keeps answering while the charts catch up.
 * A view on screen is the exception: its slot (ViewFiltersScope) gives it the live filters, so
 * what the reader looks at answers in the click's own render.
 */
export const ViewFiltersContext = createContext<Filters | null>(null);

/** What a view's slot gives it: the live filters or the app's deferred copy (ViewFiltersScope). */
const SlotFiltersContext = createContext<Filters | null>(null);

/**
 * The filters a view draws: its slot's, else (a part outside the views, such as the printed
 * sources) the app's deferred copy, else — a view rendered on its own, as in component tests —
 * the store's, live.
 */
export function useViewFilters(): Filters {
  const slot = useContext(SlotFiltersContext);
  // The app's copy is read only outside a slot: a view that read it too would be rendered again
  // each time it moves on, though its slot kept the view on the live filters.
  const deferred = slot ?? use(ViewFiltersContext);
  // With a copy present this selects a constant, so filter changes do not re-render the view here.
  const live = useAppStore((s) => (deferred ? null : s.filters));
  return deferred ?? (live as Filters);
}

/**
 * Gives the views inside it the live filters while `live` (the view is on screen), else the app's
 * deferred copy. Off screen it selects a constant from the store, so a click does not re-render it
 * until the deferred copy changes; and its children are the caller's elements, so when it does
 * re-render only the views reading the filters do, and only if their value changed.
 */
export function ViewFiltersScope({ live, children }: { live: boolean; children: ReactNode }) {
  const deferred = useContext(ViewFiltersContext);
  const current = useAppStore((s) => (live && deferred ? s.filters : null));
  return <SlotFiltersContext.Provider value={current ?? deferred}>{children}</SlotFiltersContext.Provider>;
}
