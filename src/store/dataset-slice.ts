import type { StateCreator } from 'zustand';
import type { Dataset } from '../data/schema';
import type { ParseResult, ValidationProblem } from '../data/load-dataset';
import { loadBundledDataset } from '../data/bundled-dataset';
import {
  announceDataset,
  clearActive,
  importWasStored,
  loadActive,
  saveActive,
  type ImportLabel,
  type LoadResult,
  type SaveResult,
  type StorageProblem,
} from '../data/persist';
import type { AppState } from './index';

export type DatasetStatus = 'loading' | 'ready' | 'error';

/** Where the dataset on screen came from: the one shipped with the site, or a file the user imported. */
export type DatasetOrigin = { kind: 'bundled' } | { kind: 'imported'; label: ImportLabel };

/**
 * Another dataset the page could show, offered rather than swapped in under the user: another tab
 * imported one or went back to the bundled data, or the stored import was read back only after
 * the user had started working with the bundled data.
 */
export type DatasetOffer = { kind: 'imported'; label: ImportLabel; from: 'other-tab' | 'storage' } | { kind: 'bundled'; from: 'other-tab' };

export interface DatasetSlice {
  datasetStatus: DatasetStatus;
  dataset: Dataset | null;
  /** Validation problems of the last load that failed. */
  datasetProblems: ValidationProblem[];
  datasetOrigin: DatasetOrigin;
  datasetOffer: DatasetOffer | null;
  /** The bundled dataset arrived (valid or not). */
  receiveDataset: (result: ParseResult) => void;
  /**
   * Startup: a stored import when one is kept and still valid, else the bundled dataset. Resolves
   * once a dataset is on screen; storage never holds the bundled data back for long.
   */
  loadInitialDataset: () => Promise<void>;
  /**
   * Shows an applied import (already validated by applyImport) at once, then keeps it for the
   * next visit; when storage refuses, a notice says it will not survive a reload. Resolves once
   * the stored copy is committed (or refused): only then may the import be called done.
   */
  showImportedDataset: (dataset: Dataset, label: ImportLabel) => Promise<SaveResult>;
  /** Back to the bundled dataset: reloads it and forgets the stored import. */
  showBundledDataset: () => Promise<void>;
  /** Another tab changed the dataset: offer it (nothing when this tab already shows that). */
  offerDataset: (offer: DatasetOffer) => void;
  /** "Switch to it": shows the offered dataset (an import is read from storage, as a reload would). */
  acceptDatasetOffer: () => Promise<void>;
  /** "Keep this". */
  dismissDatasetOffer: () => void;
}

/**
 * How long startup waits for the browser's storage to answer at all before showing the bundled
 * data. Storage that works answers in a few milliseconds; blocked storage may never answer.
 */
export const STORAGE_ANSWER_MS = 300;
/** Once storage has answered, how long a stored import may take to be read and checked. */
const STORED_READ_MS = 5000;

/** The result, or undefined if it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** What the user can change on screen: if any of it changed, a late dataset is offered, not swapped in. */
function workingState(s: AppState) {
  return [s.dataset, s.filters, s.selectedId, s.compareIds, s.sorting, s.visibleColumns, s.viewSettings] as const;
}

/**
 * A period zoomed into on the timeline belongs to the dataset it was chosen in: another dataset
 * starts without it. The first dataset keeps the period a link asked for.
 */
const clearTimelineZoom = (s: AppState) => (s.dataset ? { timelineWindow: null } : {});

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => {
  const showStored = (dataset: Dataset, label: ImportLabel) =>
    set({
      datasetStatus: 'ready',
      dataset,
      datasetProblems: [],
      datasetOrigin: { kind: 'imported', label },
      datasetOffer: null,
      ...clearTimelineZoom(get()),
    });

  /**
   * A failed read is news only if an import had been stored here (or a record was found and
   * refused): where storage is blocked every read fails, and there was never anything to lose.
   */
  const reportLoad = (problem: StorageProblem | undefined, hadStored: boolean) => {
    if (problem && (hadStored || problem.reason === 'invalid-stored')) get().addStorageNotice('load', problem);
  };

  return {
    datasetStatus: 'loading',
    dataset: null,
    datasetProblems: [],
    datasetOrigin: { kind: 'bundled' },
    datasetOffer: null,
    receiveDataset: (result) =>
      set(
        result.ok
          ? {
              datasetStatus: 'ready',
              dataset: result.dataset,
              datasetProblems: [],
              datasetOrigin: { kind: 'bundled' },
              datasetOffer: null,
              ...clearTimelineZoom(get()),
            }
          : {
              datasetStatus: 'error',
              dataset: null,
              datasetProblems: result.problems,
              datasetOrigin: { kind: 'bundled' },
              ...clearTimelineZoom(get()),
            },
      ),
    loadInitialDataset: async () => {
      // Both at once: the common visit has no stored import and should not wait on IndexedDB first.
      const bundled = loadBundledDataset();
      const hadStored = importWasStored();
      let answered = false;
      const stored = loadActive({ onOpened: () => (answered = true) });
      // Without a remembered import the bundled data shows as soon as it is in; with one, the
      // import is worth a short wait (showing the bundled data and then swapping is worse), but
      // storage that does not answer at all is not waited for.
      let early: LoadResult | undefined;
      if (hadStored) {
        early = await within(stored, STORAGE_ANSWER_MS);
        if (!early && answered) early = await within(stored, STORED_READ_MS);
      } else {
        early = await Promise.race([stored, bundled.then(() => undefined)]);
      }
      if (early) {
        reportLoad(early.problem, hadStored);
        if (early.active) return showStored(early.active.dataset, early.active.label);
        return get().receiveDataset(await bundled);
      }
      get().receiveDataset(await bundled);
      // The stored import may still turn up: shown if the user has not touched anything yet, else offered.
      const shown = workingState(get());
      void stored.then((late) => {
        reportLoad(late.problem, hadStored);
        if (!late.active || get().datasetOrigin.kind !== 'bundled') return;
        const now = workingState(get());
        if (now.every((v, i) => v === shown[i])) showStored(late.active.dataset, late.active.label);
        else get().offerDataset({ kind: 'imported', label: late.active.label, from: 'storage' });
      });
    },
    showImportedDataset: async (dataset, label) => {
      showStored(dataset, label);
      const saved = await saveActive({ dataset, label });
      // Only if this import is still the one on screen (a quick "back to bundled" may have followed).
      if (!saved.ok && get().dataset === dataset) get().addStorageNotice('save', saved.problem);
      // Other tabs can read it back only once it is stored.
      if (saved.ok) announceDataset({ kind: 'imported', label });
      return saved;
    },
    showBundledDataset: async () => {
      // The stored import is forgotten before the bundled data is shown: a reload right after the
      // switch must not bring the import back.
      const hadStored = importWasStored();
      const [result, cleared] = await Promise.all([loadBundledDataset(), clearActive()]);
      get().receiveDataset(result);
      // Nothing stored, nothing to warn about: blocked storage fails to clear what it never kept.
      if (!cleared.ok && hadStored) get().addStorageNotice('clear', cleared.problem);
      else get().dismissStorageNotices();
      announceDataset({ kind: 'bundled' });
    },
    offerDataset: (offer) => {
      const origin = get().datasetOrigin;
      if (offer.kind === 'bundled' && origin.kind === 'bundled') return set({ datasetOffer: null });
      set({ datasetOffer: offer });
    },
    acceptDatasetOffer: async () => {
      const offer = get().datasetOffer;
      if (!offer) return;
      set({ datasetOffer: null });
      if (offer.kind === 'bundled') {
        // The other tab has already forgotten the stored import; this tab only shows the bundled data.
        get().receiveDataset(await loadBundledDataset());
        get().dismissStorageNotices();
        return;
      }
      const stored = await loadActive();
      if (stored.active) showStored(stored.active.dataset, stored.active.label);
      else get().addStorageNotice('load', stored.problem ?? { reason: 'failed', detail: 'the other tab’s import is no longer stored' });
    },
    dismissDatasetOffer: () => set({ datasetOffer: null }),
  };
};
