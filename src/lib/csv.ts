/*
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel opens
 * Chinese text as UTF-8, and every cell neutralised against formula injection. Reading CSV is
 * the importer's (src/import/csv-text.ts, with papaparse), which reads back what `toCsv` writes.
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
  // A lone empty cell is written `""`: an empty line is no row at all to most readers.
  if (cells.length === 1 && cells[0] === '') return '""';
  return cells.map(formatCell).join(',');
}

/**
 * Writes a header and rows as CSV. Every line, the last included, ends with CRLF; the BOM is
 * written unless `bom: false`. A row with no cells becomes a blank line, which readers skip.
 */
export function toCsv(header: string[], rows: string[][], opts: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((cells) => formatRow(cells) + CRLF);
  return (opts.bom === false ? '' : BOM) + lines.join('');
}
