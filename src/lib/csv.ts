/*
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel opens
 * Chinese text as UTF-8, and every cell neutralised against formula injection. The parser reads
 * back what `toCsv` writes (and the usual hand-edited variants: LF line ends, no BOM) and never
 * throws — problems come back next to the rows so an importer can show them.
 */

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** First characters a spreadsheet may treat as the start of a formula (OWASP "CSV Injection"). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Prefixes a cell that a spreadsheet could run as a formula with `'`, OWASP's recommendation.
 * This also changes harmless cells such as `-5`; an exported file is for reading, and a
 * spreadsheet shows `'-5` as the text `-5`.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

function formatCell(value: string): string {
  const safe = neutraliseCell(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function formatRow(cells: string[]): string {
  // A lone empty cell is written `""` so it is not read back as a blank line (which is skipped).
  if (cells.length === 1 && cells[0] === '') return '""';
  return cells.map(formatCell).join(',');
}

/**
 * Writes a header and rows as CSV. Every line, the last included, ends with CRLF; the BOM is
 * written unless `bom: false`. A row with no cells becomes a blank line, which `parseCsv` skips.
 */
export function toCsv(header: string[], rows: string[][], opts: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((cells) => formatRow(cells) + CRLF);
  return (opts.bom === false ? '' : BOM) + lines.join('');
}

export interface CsvParseError {
  /** 1-based line of the text where the problem starts (line breaks inside quotes count). */
  line: number;
  message: string;
}

export interface CsvParseResult {
  rows: string[][];
  errors: CsvParseError[];
}

const LINE_BREAKS = /\r\n|\r|\n/g;
const countLineBreaks = (s: string): number => s.match(LINE_BREAKS)?.length ?? 0;
const isFieldEnd = (ch: string): boolean => ch === ',' || ch === '\r' || ch === '\n';

/**
 * Parses CSV: a leading BOM is dropped; fields may be quoted with `""` for a quote and line
 * breaks inside; records end with CRLF, LF or CR; blank lines are skipped. Rows may differ in
 * length — checking the shape is the caller's job. Malformed input (an unterminated quote, text
 * after a closing quote, a quote inside an unquoted field) is read as far as it goes and each
 * problem is reported with its line.
 */
export function parseCsvDetailed(text: string): CsvParseResult {
  const rows: string[][] = [];
  const errors: CsvParseError[] = [];
  const n = text.length;
  let i = text.startsWith(BOM) ? 1 : 0;
  let line = 1;

  const skipLineBreak = () => {
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
  };

  while (i < n) {
    if (text[i] === '\r' || text[i] === '\n') {
      skipLineBreak();
      continue;
    }
    const row: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const openedOn = line;
        let pos = i + 1;
        let closed = false;
        for (;;) {
          const quote = text.indexOf('"', pos);
          if (quote === -1) {
            value += text.slice(pos);
            i = n;
            break;
          }
          value += text.slice(pos, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            pos = quote + 2;
            continue;
          }
          i = quote + 1;
          closed = true;
          break;
        }
        line += countLineBreaks(value);
        if (!closed) {
          errors.push({ line: openedOn, message: 'unterminated quoted field: the closing " is missing' });
        } else {
          const start = i;
          while (i < n && !isFieldEnd(text[i])) i++;
          if (i > start) {
            errors.push({ line, message: `unexpected text after a closing quote: ${JSON.stringify(text.slice(start, i))}` });
            value += text.slice(start, i);
          }
        }
      } else {
        const start = i;
        while (i < n && !isFieldEnd(text[i])) i++;
        value = text.slice(start, i);
        if (value.includes('"'))
          errors.push({ line, message: 'a " inside an unquoted field (quote the whole field and double the quote)' });
      }
      row.push(value);
      if (text[i] !== ',') break;
      i++;
    }
    rows.push(row);
    if (i < n) skipLineBreak();
  }
  return { rows, errors };
}

/** The rows of `parseCsvDetailed`, for callers that trust their input (e.g. tests of `toCsv`). */
export function parseCsv(text: string): string[][] {
  return parseCsvDetailed(text).rows;
}
