import type { StateCreator } from 'zustand';
import type { Dataset } from '../data/schema';
import type { ParseResult, ValidationProblem } from '../data/load-dataset';
import type { AppState } from './index';

export type DatasetStatus = 'loading' | 'ready' | 'error';

export interface DatasetSlice {
  datasetStatus: DatasetStatus;
  dataset: Dataset | null;
  /** Validation problems of the last load that failed. */
  datasetProblems: ValidationProblem[];
  receiveDataset: (result: ParseResult) => void;
}

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set) => ({
  datasetStatus: 'loading',
  dataset: null,
  datasetProblems: [],
  receiveDataset: (result) =>
    set(
      result.ok
        ? { datasetStatus: 'ready', dataset: result.dataset, datasetProblems: [] }
        : { datasetStatus: 'error', dataset: null, datasetProblems: result.problems },
    ),
});
