import Papa from 'papaparse';
import type { CsvDelimiter } from './types';

/*
 * CSV text → rows, with papaparse: RFC 4180 quoting (quotes doubled, line breaks inside quoted
 * cells), blank lines skipped, and the delimiter detected among those spreadsheets write — a comma,
 * or a semicolon or tab where the comma is the decimal mark. Rows are handed over one at a time,
 * so an import maps each row as it is read and never holds them all. Never throws on malformed
 * text: it is read as far as it goes and each problem comes back with its row.
 *
 * papaparse runs in this thread (inside our import worker): its own `worker: true` starts a blob:
 * worker, which the site's CSP (`worker-src 'self'`) refuses.
 */

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t', '|'];

/** A problem in the text: `row` 0 is the header, 1 the first row after it. */
export interface CsvProblem {
  row: number;
  message: string;
}

export interface CsvRead {
  delimiter: CsvDelimiter;
  /** Rows read (the header included). */
  rows: number;
  problems: CsvProblem[];
}

/**
 * Return false to stop reading (e.g. the header shows the file cannot be imported). `offset` is
 * how far into the text the reader is, for progress.
 */
export type CsvRowHandler = (cells: string[], row: number, offset: number) => boolean | void;

const MESSAGES: Record<string, string> = {
  MissingQuotes: 'unterminated quoted cell: the closing " is missing, so the rest of the file was read into it',
  InvalidQuotes: 'a quote inside a quoted cell that is not doubled ("") nor followed by a delimiter',
};

function isDelimiter(d: unknown): d is CsvDelimiter {
  return DELIMITERS.includes(d as CsvDelimiter);
}

/** Reads `text` row by row; the delimiter is detected unless given. */
export function readCsvRows(text: string, onRow: CsvRowHandler, opts: { delimiter?: CsvDelimiter } = {}): CsvRead {
  let rows = 0;
  let delimiter: CsvDelimiter = opts.delimiter ?? ',';
  const problems: CsvProblem[] = [];
  Papa.parse<string[]>(text, {
    ...(opts.delimiter ? { delimiter: opts.delimiter } : { delimitersToGuess: DELIMITERS }),
    skipEmptyLines: true,
    step: (result, parser) => {
      const row = rows++;
      if (row === 0 && isDelimiter(result.meta.delimiter)) delimiter = result.meta.delimiter;
      for (const e of result.errors) {
        // No delimiter found means one column (or one row): nothing is wrong with the text.
        if (e.code === 'UndetectableDelimiter') continue;
        const message = MESSAGES[e.code] ?? e.message;
        // papaparse reports a bad quote once per stray quote; once per row says it.
        if (!problems.some((p) => p.row === row && p.message === message)) problems.push({ row, message });
      }
      if (onRow(result.data, row, result.meta.cursor) === false) parser.abort();
    },
  });
  return { delimiter, rows, problems };
}

/** All rows at once, for callers that read a small text whole (tests of our CSV export). */
export function parseCsvText(
  text: string,
  opts: { delimiter?: CsvDelimiter } = {},
): { rows: string[][]; delimiter: CsvDelimiter; problems: CsvProblem[] } {
  const rows: string[][] = [];
  const read = readCsvRows(
    text,
    (cells) => {
      rows.push(cells);
    },
    opts,
  );
  return { rows, delimiter: read.delimiter, problems: read.problems };
}

/**
 * A list in one cell, as Epoch writes organizations and base models: comma-separated, and a name
 * that holds a comma is quoted (`EleutherAI,"Booz Allen Hamilton, McLean"`). Names are trimmed,
 * with line breaks and repeated spaces made one space; empty entries are dropped.
 */
export function splitCellList(text: string): string[] {
  // papaparse takes a quote only at a cell's start: "A, "B, C"" loses the space after the comma first.
  const items = text.includes('"')
    ? Papa.parse<string[]>(text.trim().replace(/,[ \t]+"/g, ',"'), { delimiter: ',', newline: '\n' }).data.flat()
    : text.split(',');
  return items.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}
