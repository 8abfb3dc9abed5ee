import { parseCsvDetailed } from '../lib/csv';
import { epochProfile, looksLikeEpoch, mapCsvRows, planColumns, EPOCH_ALIASES } from './epoch';
import { genericAliases, genericProfile, ownLabelCount } from './generic-csv';
import { readOwnCsv, readOwnJson, recordColumnIndex } from './own-formats';
import { emptyParts, progressTicker, toReport, type ReportParts } from './report';
import { MAX_IMPORT_BYTES, type Analysis, type ImportFormat, type ImportedData } from './types';

/*
 * The first step of an import: a file's bytes → a report and the systems it yields. Pure and
 * synchronous (it runs in a worker), and it never throws — anything unexpected becomes
 * `report.fatal`, so the UI always has something to show.
 */

type Decoded = { text: string } | { fatal: string };

function decode(bytes: Uint8Array, warnings: string[]): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3), warnings);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    warnings.push('The file is UTF-16 (little-endian); it was read as such.');
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    warnings.push('The file is UTF-16 (big-endian); it was read as such.');
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  return decodeUtf8(bytes, warnings);
}

function decodeUtf8(bytes: Uint8Array, warnings: string[]): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    warnings.push('The file is not valid UTF-8; read as Windows-1252 — check accented names.');
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
      return fatal(fileName, bytes, 'unknown', parts, `the file is ${mb(bytes)}; the limit is ${mb(MAX_IMPORT_BYTES)}`);
    if (bytes === 0) return fatal(fileName, bytes, 'unknown', parts, 'the file is empty');
    const decoded = typeof input === 'string' ? { text: input } : decode(input, parts.warnings);
    if ('fatal' in decoded) return fatal(fileName, bytes, 'unknown', parts, decoded.fatal);
    const text = decoded.text.replace(/^\uFEFF/, '');
    if (text.includes('\u0000'))
      return fatal(fileName, bytes, 'unknown', parts, 'the file is not text (it holds NUL bytes); import a CSV or JSON file');
    if (text.trim() === '') return fatal(fileName, bytes, 'unknown', parts, 'the file is empty (only blank space)');
    const first = text.trimStart()[0];
    if (first === '{' || first === '[') return analyzeJson(fileName, bytes, text, parts, onProgress);
    return analyzeCsv(fileName, bytes, text, parts, onProgress);
  } catch (err) {
    return fatal(fileName, bytes, 'unknown', parts, `the file could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

function fatal(fileName: string, bytes: number, format: ImportFormat | 'unknown', parts: ReportParts, message: string): Analysis {
  // Rows are only counted as read once they are looked at, so the counts add up even when refused early.
  parts.rowsRead = parts.rejected.length;
  return { report: toReport(fileName, bytes, format, parts, 0, message), data: null };
}

function done(fileName: string, bytes: number, format: ImportFormat, parts: ReportParts, data: ImportedData): Analysis {
  const report = toReport(fileName, bytes, format, parts, data.systems.length);
  if (data.systems.length === 0) {
    return {
      report: { ...report, fatal: parts.rowsRead === 0 ? 'the file holds no records' : 'no row could be imported (see the rejected rows)' },
      data: null,
    };
  }
  return { report, data: { ...data, fileName } };
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
    return fatal(
      fileName,
      bytes,
      'unknown',
      parts,
      `the file starts like JSON but is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
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

function analyzeCsv(
  fileName: string,
  bytes: number,
  text: string,
  parts: ReportParts,
  onProgress?: (done: number, total: number) => void,
): Analysis {
  const { rows, errors } = parseCsvDetailed(text);
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
    parts.warnings.push(
      `The CSV is malformed in ${errors.length} place${errors.length === 1 ? '' : 's'}; read as far as it goes (${shown.join('; ')}${errors.length > 5 ? '; …' : ''}).`,
    );
  }
  const [header, ...body] = rows;
  if (!header) return fatal(fileName, bytes, 'unknown', parts, 'the file has no header row');
  parts.rowsRead = body.length;
  const tick = progressTicker(body.length, onProgress);

  const recordAt = recordColumnIndex(header);
  if (recordAt >= 0) {
    parts.mapped.push({ column: header[recordAt], field: 'the whole record (system and its sources)' });
    parts.ignored.push(...header.filter((_, i) => i !== recordAt).map((h) => h.replace(/^\uFEFF/, '')));
    return done(fileName, bytes, 'dashboard-csv', parts, readOwnCsv(body, recordAt, parts, tick));
  }

  const epoch = looksLikeEpoch(header);
  const plan = planColumns(header, epoch ? EPOCH_ALIASES : genericAliases(), parts.warnings);
  if (plan.index.name === undefined) {
    const found = header.slice(0, 20).map((h) => `“${h.replace(/^\uFEFF/, '').trim()}”`);
    return fatal(
      fileName,
      bytes,
      'unknown',
      parts,
      `no name column (expected e.g. “Model”, “System”, “Name” or “名称”); the columns are ${found.join(', ') || 'none'}${header.length > 20 ? ', …' : ''}`,
    );
  }
  parts.mapped.push(...plan.mapped);
  parts.ignored.push(...plan.ignored);
  if (!epoch && ownLabelCount(header) >= 3) {
    parts.warnings.push(
      'This looks like this dashboard’s CSV without its record column: only name, organization, release date and parameters are read from the display text.',
    );
  }
  const mapped = mapCsvRows(header, body, plan, epoch ? epochProfile(fileName) : genericProfile(fileName), parts, tick);
  return done(fileName, bytes, epoch ? 'epoch-csv' : 'generic-csv', parts, {
    systems: mapped.systems,
    sources: mapped.sources,
    families: [],
    pendingBaseModels: mapped.pendingBaseModels,
  });
}
