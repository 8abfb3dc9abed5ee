import type { ColumnMapping, CsvDelimiter, ImportFormat, ImportReport, RowProblem } from './types';

/** The mutable parts of a report while a file is read; `analyzeImport` freezes them into the report. */
export interface ReportParts {
  rowsRead: number;
  rejected: RowProblem[];
  fieldProblems: RowProblem[];
  mapped: ColumnMapping[];
  ignored: string[];
  warnings: string[];
  delimiter?: CsvDelimiter;
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
    ...(parts.delimiter !== undefined ? { delimiter: parts.delimiter } : {}),
    ...(fatal !== undefined ? { fatal } : {}),
  };
}

/**
 * Calls `onProgress` every `every` rows and at the end (a UI can show a bar for big files). A
 * caller that learns the total as it reads passes its estimate with each call.
 */
export function progressTicker(
  fixedTotal: number,
  onProgress?: (done: number, total: number) => void,
  every = 200,
): (done: number, total?: number) => void {
  return (done, total = fixedTotal) => {
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
