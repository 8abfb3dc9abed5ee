import { getRegistry } from '../data/load-dataset';
import { matchOrganizationNames } from '../data/organizations';
import { TEXT_LIMITS } from '../data/schema';
import { readCsvRows } from './csv-text';
import { createCsvRowMapper, epochProfile, looksLikeEpoch, planColumns, EPOCH_ALIASES, type CsvRowMapper } from './epoch';
import { genericAliases, genericProfile, ownLabelCount } from './generic-csv';
import { createOwnCsvReader, readOwnJson, recordColumnIndex, type OwnCsvReader } from './own-formats';
import { emptyParts, progressTicker, toReport, type ReportParts } from './report';
import { MAX_IMPORT_BYTES, type Analysis, type ImportFormat, type ImportedData } from './types';
import { clip } from './values';
import { importText } from './import-text';

/*
 * The first step of an import: a file's bytes → a report and the systems it yields. Pure and
 * synchronous (it runs in a worker), and it never throws — anything unexpected becomes
 * `report.fatal`, so the UI always has something to show. See README.md for the whole flow.
 */

type Decoded = { text: string } | { fatal: string };

function decode(bytes: Uint8Array, warnings: string[]): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3), warnings);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    warnings.push(importText('utf16Le'));
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    warnings.push(importText('utf16Be'));
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    warnings.push(importText(utf16.little ? 'utf16LeNoBom' : 'utf16BeNoBom'));
    return { text: utf16.text };
  }
  return decodeUtf8(bytes, warnings);
}

/** How many bytes are looked at to recognise UTF-16 without a BOM. */
const UTF16_SAMPLE = 4096;

/**
 * UTF-16 without a byte order mark, as some Windows tools save CSV: the text's ASCII (its
 * delimiters, line breaks, digits) leaves a NUL in every other byte — the odd bytes in
 * little-endian, the even ones in big-endian — and hardly any in the other half. Decoded strictly,
 * so bytes that only look like it (a binary file) are not taken for text.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; little: boolean } | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, UTF16_SAMPLE);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // A few NULs in the other half are characters such as U+4E00 (一), whose low byte is 0.
  const little = oddNul * 4 >= pairs && evenNul * 10 <= oddNul;
  const big = evenNul * 4 >= pairs && oddNul * 10 <= evenNul;
  if (!little && !big) return null;
  try {
    const text = new TextDecoder(little ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? null : { text, little };
  } catch {
    return null;
  }
}

function decodeUtf8(bytes: Uint8Array, warnings: string[]): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    warnings.push(importText('windows1252'));
    try {
      return { text: new TextDecoder('windows-1252').decode(bytes) };
    } catch {
      // A runtime without that decoder: Latin-1 is Windows-1252 minus its 0x80–0x9F punctuation.
      let text = '';
      for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      return { text };
    }
  }
}

const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

export function analyzeImport(fileName: string, input: Uint8Array | string, onProgress?: (done: number, total: number) => void): Analysis {
  let bytes = 0;
  const parts = emptyParts();
  try {
    bytes = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
    if (bytes > MAX_IMPORT_BYTES)
      return fatal(fileName, bytes, 'unknown', parts, importText('tooBig', { size: mb(bytes), limit: mb(MAX_IMPORT_BYTES) }));
    if (bytes === 0) return fatal(fileName, bytes, 'unknown', parts, importText('empty'));
    const decoded = typeof input === 'string' ? { text: input } : decode(input, parts.warnings);
    if ('fatal' in decoded) return fatal(fileName, bytes, 'unknown', parts, decoded.fatal);
    const text = decoded.text.replace(/^\uFEFF/, '');
    if (text.includes('\u0000')) return fatal(fileName, bytes, 'unknown', parts, importText('notText'));
    if (text.trim() === '') return fatal(fileName, bytes, 'unknown', parts, importText('blank'));
    const first = text.trimStart()[0];
    if (first === '{' || first === '[') return analyzeJson(fileName, bytes, text, parts, onProgress);
    return analyzeCsv(fileName, bytes, text, parts, onProgress);
  } catch (err) {
    return fatal(fileName, bytes, 'unknown', parts, importText('unreadable', { error: err instanceof Error ? err.message : String(err) }));
  }
}

function fatal(fileName: string, bytes: number, format: ImportFormat | 'unknown', parts: ReportParts, message: string): Analysis {
  // Rows are only counted as read once they are looked at, so the counts add up even when refused early.
  parts.rowsRead = parts.rejected.length;
  return { report: toReport(fileName, bytes, format, parts, 0, message), data: null };
}

function done(fileName: string, bytes: number, format: ImportFormat, parts: ReportParts, data: ImportedData): Analysis {
  const report = toReport(fileName, bytes, format, parts, data.systems.length);
  const registry = getRegistry();
  if (registry.ok && data.systems.length > 0) report.organizations = matchOrganizationNames(data.systems, registry.registry);
  if (data.systems.length > 0) return { report, data: { ...data, fileName } };
  return { report: { ...report, fatal: nothingImported(parts) }, data: null };
}

/** Why a file that was read yields nothing, naming the first rejected row (the preview lists them all). */
function nothingImported(parts: ReportParts): string {
  const first = parts.rejected[0];
  if (parts.rowsRead === 0 || !first) return importText('noRecords');
  const why = importText('rowProblem', { row: first.row, field: first.field, reason: first.reason });
  return parts.rejected.length === 1
    ? importText('onlyRowRejected', { why })
    : importText('allRowsRejected', { rows: parts.rejected.length.toLocaleString('en-US'), why });
}

function analyzeJson(
  fileName: string,
  bytes: number,
  text: string,
  parts: ReportParts,
  onProgress?: (done: number, total: number) => void,
): Analysis {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return fatal(fileName, bytes, 'unknown', parts, importText('invalidJson', { error: err instanceof Error ? err.message : String(err) }));
  }
  const total = Array.isArray(doc)
    ? doc.length
    : doc && typeof doc === 'object' && Array.isArray((doc as { systems?: unknown }).systems)
      ? (doc as { systems: unknown[] }).systems.length
      : 0;
  const read = readOwnJson(doc, parts, progressTicker(total, onProgress));
  if ('fatal' in read) return fatal(fileName, bytes, 'unknown', parts, read.fatal);
  return done(fileName, bytes, read.format, parts, read.data);
}

/** A header cell as the report shows it: no BOM, and not a page long. */
const headerLabel = (h: string) => clip(h.replace(/^\uFEFF/, ''), TEXT_LIMITS.name);

/** Reads data rows as they are parsed: into our records, or mapped from known columns. */
type RowReader = (OwnCsvReader | CsvRowMapper) & { format: ImportFormat };

/** How often progress is reported, in rows. */
const PROGRESS_EVERY = 200;

function analyzeCsv(
  fileName: string,
  bytes: number,
  text: string,
  parts: ReportParts,
  onProgress?: (done: number, total: number) => void,
): Analysis {
  // One line break throughout: papaparse takes the first kind it sees for the whole file, and
  // hand-edited files mix them. Breaks inside quoted cells become LF, which no field keeps.
  const csv = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let reader: RowReader | undefined;
  let refused: string | undefined;
  const tick = progressTicker(0, onProgress, PROGRESS_EVERY);
  const read = readCsvRows(csv, (cells, row, offset) => {
    if (row === 0) {
      const header = cells.map(headerLabel);
      const start = startReader(fileName, header, parts);
      if (typeof start === 'string') refused = start;
      else reader = start;
      return reader !== undefined;
    }
    reader?.add(cells, row);
    // The total is estimated from how far into the text this row ends, until the end says it.
    if (row % PROGRESS_EVERY === 0 && offset > 0) tick(row, Math.max(row, Math.round((row * csv.length) / offset)));
  });
  parts.delimiter = read.delimiter;
  if (read.problems.length > 0) {
    const n = read.problems.length;
    const shown = read.problems.slice(0, 5).map((p) => `${p.row === 0 ? 'header' : `row ${p.row}`}: ${p.message}`);
    parts.warnings.push(
      importText(n === 1 ? 'malformedOne' : 'malformedMany', { places: n, problems: `${shown.join('; ')}${n > 5 ? '; …' : ''}` }),
    );
  }
  if (refused !== undefined) return fatal(fileName, bytes, 'unknown', parts, refused);
  if (!reader) return fatal(fileName, bytes, 'unknown', parts, importText('noHeader'));
  parts.rowsRead = Math.max(0, read.rows - 1);
  tick(parts.rowsRead, parts.rowsRead);
  const { format } = reader;
  const data = reader.finish();
  return done(fileName, bytes, format, parts, {
    systems: data.systems,
    sources: data.sources,
    families: 'families' in data ? data.families : [],
    pendingBaseModels: data.pendingBaseModels,
  });
}

/** From the header: how the rows are read, or why the file cannot be imported. */
function startReader(fileName: string, header: string[], parts: ReportParts): RowReader | string {
  const recordAt = recordColumnIndex(header);
  if (recordAt >= 0) {
    parts.mapped.push({ column: header[recordAt], field: importText('wholeRecord') });
    parts.ignored.push(...header.filter((_, i) => i !== recordAt));
    return { format: 'dashboard-csv', ...createOwnCsvReader(recordAt, parts) };
  }
  const epoch = looksLikeEpoch(header);
  const plan = planColumns(header, epoch ? EPOCH_ALIASES : genericAliases(), parts.warnings);
  if (plan.index.name === undefined) {
    const found = header.slice(0, 20).map((h) => `“${clip(h.trim(), 60)}”`);
    return importText('noNameColumn', { columns: `${found.join(', ') || importText('none')}${header.length > 20 ? ', …' : ''}` });
  }
  parts.mapped.push(...plan.mapped);
  parts.ignored.push(...plan.ignored);
  if (!epoch && ownLabelCount(header) >= 3) {
    parts.warnings.push(importText('ownCsvWithoutRecord'));
  }
  const profile = epoch ? epochProfile(fileName) : genericProfile(fileName);
  return { format: epoch ? 'epoch-csv' : 'generic-csv', ...createCsvRowMapper(header, plan, profile, parts) };
}
