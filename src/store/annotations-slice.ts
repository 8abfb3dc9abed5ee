import type { StateCreator } from 'zustand';
import { fitsPanel, MAX_ANNOTATIONS_PER_PANEL, type Annotation } from './annotations-model';
import type { AppState } from './index';

/** Undo steps kept: enough for a session's edits, not a growing history of every keystroke (edits commit on Enter). */
const MAX_UNDO = 50;

export interface AnnotationsSlice {
  /** Every panel's callouts, bands and notes, in the order they were added (their badges follow it). */
  annotations: Annotation[];
  /** Earlier sets, newest last, for Undo. Not in the URL: a link opens with a history of its own. */
  annotationsUndo: Annotation[][];
  /** False (and nothing changes) when the panel already has its cap or the annotation cannot go on it. */
  addAnnotation: (a: Annotation) => boolean;
  /** Replaces the annotation at `index` of `annotations`. */
  updateAnnotation: (index: number, a: Annotation) => void;
  removeAnnotation: (index: number) => void;
  undoAnnotation: () => void;
}

export const createAnnotationsSlice: StateCreator<AppState, [], [], AnnotationsSlice> = (set, get) => {
  const commit = (next: Annotation[]) =>
    set((s) => ({ annotations: next, annotationsUndo: [...s.annotationsUndo, s.annotations].slice(-MAX_UNDO) }));
  return {
    annotations: [],
    annotationsUndo: [],
    addAnnotation: (a) => {
      const all = get().annotations;
      if (!fitsPanel(a) || all.filter((x) => x.panel === a.panel).length >= MAX_ANNOTATIONS_PER_PANEL) return false;
      commit([...all, a]);
      return true;
    },
    updateAnnotation: (index, a) => {
      const all = get().annotations;
      if (!all[index] || !fitsPanel(a) || a.panel !== all[index].panel) return;
      commit(all.map((x, i) => (i === index ? a : x)));
    },
    removeAnnotation: (index) => {
      const all = get().annotations;
      if (all[index]) commit(all.filter((_, i) => i !== index));
    },
    undoAnnotation: () =>
      set((s) =>
        s.annotationsUndo.length === 0 ? s : { annotations: s.annotationsUndo.at(-1)!, annotationsUndo: s.annotationsUndo.slice(0, -1) },
      ),
  };
};
