import type { OrganizationMatch } from '../data/organizations';
import type { Dataset, Source, System } from '../data/schema';

export type { OrganizationMatch };

/*
 * The contract of "bring your own data": a file is analysed (never throwing) into a report and,
 * when anything is importable, the systems and sources it yields; the user then merges them
 * with the current dataset or replaces it. Nothing changes until `applyImport` returns a
 * dataset that validates, and the caller swaps it in.
 */

/** Files above this size are refused before they are read (said in the UI). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFormat =
  /** This dashboard's full dataset JSON ("JSON — the full dataset"). */
  | 'dataset-json'
  /** This dashboard's view JSON: records plus the sources they cite. */
  | 'systems-json'
  /** This dashboard's CSV export (with its record column it re-imports without loss). */
  | 'dashboard-csv'
  /** Epoch AI's "all ML systems" / "notable models" CSV, any release of its columns. */
  | 'epoch-csv'
  /** Any other CSV whose header names fields we know. */
  | 'generic-csv';

/** The delimiters a CSV is read with: detected from the file. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** A problem located in the file: the data row (1 = first row after the header), the column or field, why. */
export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

export interface ColumnMapping {
  /** The column's header as in the file. */
  column: string;
  /** The dataset field it fills (e.g. "parameters", "gpuHours.hours"). */
  field: string;
}

export interface ImportReport {
  fileName: string;
  format: ImportFormat | 'unknown';
  bytes: number;
  /** Data rows read (records, for JSON). */
  rowsRead: number;
  /** Rows that became systems. */
  valid: number;
  /** One entry per rejected row: the first reason it could not become a system. */
  rejected: RowProblem[];
  /** Values dropped or replaced by "unknown" in rows that were kept (e.g. a negative cost, 2023-02-30). */
  fieldProblems: RowProblem[];
  mapped: ColumnMapping[];
  /** Columns present in the file that no field takes. */
  ignored: string[];
  /** File-level remarks (encoding fallback, BOM, base models not found…). */
  warnings: string[];
  /** How the file's organization names meet the organization registry (absent when nothing was read). */
  organizations?: OrganizationMatch;
  /** The delimiter a CSV was read with (absent for JSON and for files refused before parsing). */
  delimiter?: CsvDelimiter;
  /** Set when nothing in the file is importable (0-byte file, not CSV/JSON, no name column…). */
  fatal?: string;
}

/**
 * A base-model link the file names but the file itself does not hold: resolved by `applyImport`
 * against the dataset it is merged into (by normalised name, or by id for our own JSON/CSV).
 */
export interface PendingBaseModel {
  systemId: string;
  ref: string;
  by: 'name' | 'id';
  relation: System['baseModels'][number]['relation'];
  sources: string[];
  note?: string;
}

export interface ImportedData {
  systems: System[];
  sources: Source[];
  families: Dataset['families'];
  /** Base models still to be found in the dataset being merged into. */
  pendingBaseModels?: PendingBaseModel[];
  /** The file's name, for the replaced dataset's note. */
  fileName?: string;
}

export interface Analysis {
  report: ImportReport;
  /** Null when `report.fatal` is set. */
  data: ImportedData | null;
}

export type MergeMode = 'merge' | 'replace';
/** In a merge, which record a model present in both keeps. */
export type ConflictWinner = 'imported' | 'current';

/** The same model in both: same id, or the same name once case, spaces and punctuation are ignored. */
export interface MergeConflict {
  importedId: string;
  currentId: string;
  name: string;
}

export type ApplyResult =
  | {
      ok: true;
      dataset: Dataset;
      /** Imported models that are new. */
      added: number;
      /** Current models the imported record replaced (conflicts won by the import). */
      replaced: number;
      /** Current models kept against an imported one (conflicts won by the current dataset). */
      kept: number;
      /** Base models not found, links dropped to avoid a cycle, renamed ids… */
      warnings?: string[];
    }
  | { ok: false; problems: string[] };
