import { create, type StoreApi } from 'zustand';
import { createAnnotationsSlice, type AnnotationsSlice } from './annotations-slice';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';
import { createFiltersSlice, type FiltersSlice } from './filters-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createTableSlice, type TableSlice } from './table-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** Inputs only: the dataset, what the user filtered and selected, and UI settings. Derived data lives in selectors. */
export type AppState = DatasetSlice & FiltersSlice & SelectionSlice & TableSlice & UiSlice & AnnotationsSlice;

let api: StoreApi<AppState> | undefined;

export const useAppStore = create<AppState>()((...a) => {
  api = a[2];
  return {
    ...createDatasetSlice(...a),
    ...createFiltersSlice(...a),
    ...createSelectionSlice(...a),
    ...createTableSlice(...a),
    ...createUiSlice(...a),
    ...createAnnotationsSlice(...a),
  };
});

/**
 * For the build's prerender (app/prerender.tsx): a server render (react-dom/server) reads the
 * store's "server snapshot", which zustand keeps as the state the store was created with; from
 * now on it is the state as it is.
 */
export function serverRenderCurrentState(): void {
  if (api) api.getInitialState = api.getState;
}

const initialState = useAppStore.getState();

/** For tests: back to a fresh store. */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true);
}
