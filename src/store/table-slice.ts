import type { StateCreator } from 'zustand';
import { DEFAULT_SORTING, DEFAULT_VISIBLE_FIELDS, MAX_COMPARE, type FieldId, type SortSpec } from '../data/fields';
import type { AppState } from './index';

/** Table state that must survive a shared link: sort order, visible columns, the compare set. */
export interface TableSlice {
  sorting: SortSpec[];
  visibleColumns: FieldId[];
  /** Up to four systems picked for side-by-side comparison, in pick order. */
  compareIds: string[];
  setSorting: (sorting: SortSpec[]) => void;
  setVisibleColumns: (columns: FieldId[]) => void;
  toggleCompare: (id: string) => void;
  setCompare: (ids: string[]) => void;
}

export const createTableSlice: StateCreator<AppState, [], [], TableSlice> = (set) => ({
  sorting: [...DEFAULT_SORTING],
  visibleColumns: [...DEFAULT_VISIBLE_FIELDS],
  compareIds: [],
  setSorting: (sorting) => set({ sorting }),
  setVisibleColumns: (columns) => set({ visibleColumns: columns.includes('name') ? columns : ['name', ...columns] }),
  toggleCompare: (id) =>
    set((s) => {
      if (s.compareIds.includes(id)) return { compareIds: s.compareIds.filter((c) => c !== id) };
      // A fifth pick replaces nothing silently: the UI disables it; guard here too.
      if (s.compareIds.length >= MAX_COMPARE) return s;
      return { compareIds: [...s.compareIds, id] };
    }),
  setCompare: (ids) => set({ compareIds: [...new Set(ids)].slice(0, MAX_COMPARE) }),
});
