import type { StateCreator } from 'zustand';
import type { Dataset } from '../data/schema';
import type { ParseResult, ValidationProblem } from '../data/load-dataset';
import { loadBundledDataset } from '../data/bundled-dataset';
import { clearActive, loadActive, saveActive, type ImportLabel, type SaveResult } from '../data/persist';
import type { AppState } from './index';

export type DatasetStatus = 'loading' | 'ready' | 'error';

/** Where the dataset on screen came from: the one shipped with the site, or a file the user imported. */
export type DatasetOrigin = { kind: 'bundled' } | { kind: 'imported'; label: ImportLabel };

export interface DatasetSlice {
  datasetStatus: DatasetStatus;
  dataset: Dataset | null;
  /** Validation problems of the last load that failed. */
  datasetProblems: ValidationProblem[];
  datasetOrigin: DatasetOrigin;
  /** The bundled dataset arrived (valid or not). */
  receiveDataset: (result: ParseResult) => void;
  /** Startup: a stored import when one is kept and still valid, else the bundled dataset. */
  loadInitialDataset: () => Promise<void>;
  /**
   * Shows an applied import (already validated by applyImport) at once, then keeps it for the
   * next visit; when storage refuses, a notice says it will not survive a reload. Resolves once
   * the stored copy is committed (or refused): only then may the import be called done.
   */
  showImportedDataset: (dataset: Dataset, label: ImportLabel) => Promise<SaveResult>;
  /** Back to the bundled dataset: reloads it and forgets the stored import. */
  showBundledDataset: () => Promise<void>;
}

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => ({
  datasetStatus: 'loading',
  dataset: null,
  datasetProblems: [],
  datasetOrigin: { kind: 'bundled' },
  receiveDataset: (result) =>
    set(
      result.ok
        ? { datasetStatus: 'ready', dataset: result.dataset, datasetProblems: [], datasetOrigin: { kind: 'bundled' } }
        : { datasetStatus: 'error', dataset: null, datasetProblems: result.problems, datasetOrigin: { kind: 'bundled' } },
    ),
  loadInitialDataset: async () => {
    // Both at once: the common visit has no stored import and should not wait on IndexedDB first.
    const bundled = loadBundledDataset();
    const stored = await loadActive();
    // No IndexedDB at all means nothing can have been stored: nothing to say.
    if (stored.problem && stored.problem.reason !== 'unavailable') get().addStorageNotice('load', stored.problem);
    if (stored.active) {
      set({
        datasetStatus: 'ready',
        dataset: stored.active.dataset,
        datasetProblems: [],
        datasetOrigin: { kind: 'imported', label: stored.active.label },
      });
      return;
    }
    get().receiveDataset(await bundled);
  },
  showImportedDataset: async (dataset, label) => {
    set({ datasetStatus: 'ready', dataset, datasetProblems: [], datasetOrigin: { kind: 'imported', label } });
    const saved = await saveActive({ dataset, label });
    // Only if this import is still the one on screen (a quick "back to bundled" may have followed).
    if (!saved.ok && get().dataset === dataset) get().addStorageNotice('save', saved.problem);
    return saved;
  },
  showBundledDataset: async () => {
    // The stored import is forgotten before the bundled data is shown: a reload right after the
    // switch must not bring the import back (the delete used to commit a moment after the switch).
    const [result, cleared] = await Promise.all([loadBundledDataset(), clearActive()]);
    get().receiveDataset(result);
    if (!cleared.ok && cleared.problem.reason !== 'unavailable') get().addStorageNotice('clear', cleared.problem);
    else get().dismissStorageNotices();
  },
});
