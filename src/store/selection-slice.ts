import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface SelectionSlice {
  /** The model the user picked; every view highlights it. Lives in the URL. */
  selectedId: string | null;
  /** The model under the pointer or keyboard focus right now; transient, never in the URL. */
  hoveredId: string | null;
  select: (id: string | null) => void;
  toggleSelected: (id: string) => void;
  hover: (id: string | null) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  hoveredId: null,
  select: (id) => set({ selectedId: id }),
  toggleSelected: (id) => set((s) => ({ selectedId: s.selectedId === id ? null : id })),
  hover: (id) => set((s) => (s.hoveredId === id ? s : { hoveredId: id })),
});
