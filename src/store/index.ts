import { create } from 'zustand';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';
import { createFiltersSlice, type FiltersSlice } from './filters-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createTableSlice, type TableSlice } from './table-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** Inputs only: the dataset, what the user filtered and selected, and UI settings. Derived data lives in selectors. */
export type AppState = DatasetSlice & FiltersSlice & SelectionSlice & TableSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createDatasetSlice(...a),
  ...createFiltersSlice(...a),
  ...createSelectionSlice(...a),
  ...createTableSlice(...a),
  ...createUiSlice(...a),
}));

const initialState = useAppStore.getState();

/** For tests: back to a fresh store. */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true);
}
