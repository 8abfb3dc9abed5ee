import type { ColumnMapping, ImportFormat, ImportReport, RowProblem } from './types';

/** The mutable parts of a report while a file is read; `analyzeImport` freezes them into the report. */
export interface ReportParts {
  rowsRead: number;
  rejected: RowProblem[];
  fieldProblems: RowProblem[];
  mapped: ColumnMapping[];
  ignored: string[];
  warnings: string[];
}

export function emptyParts(): ReportParts {
  return { rowsRead: 0, rejected: [], fieldProblems: [], mapped: [], ignored: [], warnings: [] };
}

export function toReport(
  fileName: string,
  bytes: number,
  format: ImportFormat | 'unknown',
  parts: ReportParts,
  valid: number,
  fatal?: string,
): ImportReport {
  return {
    fileName,
    format,
    bytes,
    rowsRead: parts.rowsRead,
    valid,
    rejected: parts.rejected,
    fieldProblems: parts.fieldProblems,
    mapped: parts.mapped,
    ignored: parts.ignored,
    warnings: parts.warnings,
    ...(fatal !== undefined ? { fatal } : {}),
  };
}

/** Calls `onProgress` every `every` rows and at the end (a UI can show a bar for big files). */
export function progressTicker(total: number, onProgress?: (done: number, total: number) => void, every = 200): (done: number) => void {
  return (done) => {
    if (!onProgress) return;
    if (done % every === 0 || done === total) {
      try {
        onProgress(done, total);
      } catch {
        // A failing progress callback must not stop the import.
      }
    }
  };
}
