import type { Dataset } from '../data/schema';
import type { SameModel } from './apply';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import.worker';
import { MAX_IMPORT_BYTES, type Analysis, type ApplyResult, type ConflictWinner, type ImportedData, type MergeMode } from './types';

/*
 * The main-thread side of an import: refuse an oversized file before reading it, read the bytes,
 * analyse them in a worker (in this thread where there is no Worker, e.g. jsdom), report progress,
 * and stop at once on cancel.
 */

export interface RunImportOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Rejected with this when the signal aborts: the user cancelled, nothing to report. */
export class ImportCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

export function isImportCancelled(err: unknown): boolean {
  return err instanceof ImportCancelledError;
}

/** "20 MB": the limit as the UI says it. */
export const MAX_IMPORT_LABEL = `${MAX_IMPORT_BYTES / (1024 * 1024)} MB`;

export function isTooLarge(file: Pick<File, 'size'>): boolean {
  return file.size > MAX_IMPORT_BYTES;
}

function emptyReport(file: Pick<File, 'name' | 'size'>, fatal: string): Analysis {
  return {
    report: {
      fileName: file.name,
      format: 'unknown',
      bytes: file.size,
      rowsRead: 0,
      valid: 0,
      rejected: [],
      fieldProblems: [],
      mapped: [],
      ignored: [],
      warnings: [],
      fatal,
    },
    data: null,
  };
}

export async function runImport(file: File, { onProgress, signal }: RunImportOptions = {}): Promise<Analysis> {
  if (signal?.aborted) throw new ImportCancelledError();
  if (isTooLarge(file)) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return emptyReport(file, `The file is ${mb} MB; files over ${MAX_IMPORT_LABEL} are not read.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readBytes(file));
  } catch (err) {
    if (signal?.aborted) throw new ImportCancelledError();
    return emptyReport(file, `The file could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (signal?.aborted) throw new ImportCancelledError();
  if (typeof Worker === 'undefined') return analyzeHere(file.name, bytes, onProgress, signal);
  return analyzeInWorker(file.name, bytes, onProgress, signal);
}

function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  // Older engines (and some test DOMs) only have FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** Without a Worker: after one macrotask (so the "reading" state paints), in this thread. */
async function analyzeHere(
  fileName: string,
  bytes: Uint8Array,
  onProgress: RunImportOptions['onProgress'],
  signal: AbortSignal | undefined,
): Promise<Analysis> {
  // Loaded only here, so the page's own bundle does not carry the parsers the worker has.
  const { analyzeImport } = await import('./analyze');
  await new Promise((r) => setTimeout(r, 0));
  if (signal?.aborted) throw new ImportCancelledError();
  let analysis: Analysis;
  try {
    analysis = analyzeImport(fileName, bytes, onProgress);
  } catch (err) {
    analysis = emptyReport(
      { name: fileName, size: bytes.byteLength },
      `The file could not be analysed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (signal?.aborted) throw new ImportCancelledError();
  return analysis;
}

function analyzeInWorker(
  fileName: string,
  bytes: Uint8Array,
  onProgress: RunImportOptions['onProgress'],
  signal: AbortSignal | undefined,
): Promise<Analysis> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // A policy that forbids workers: slower, but the import still works.
    return analyzeHere(fileName, bytes, onProgress, signal);
  }
  const request: ImportWorkerRequest = { fileName, bytes };
  // Copied, not transferred: the bytes must stay usable here for the in-thread fallback.
  return askWorker<ImportWorkerMessage, Analysis>(
    worker,
    request,
    signal,
    (msg) => {
      if (msg.type === 'result') return msg.analysis;
      onProgress?.(msg.done, msg.total);
      return undefined;
    },
    (started, message) =>
      // The worker script itself failed to load (before any message): run here instead.
      started
        ? Promise.resolve(
            emptyReport({ name: fileName, size: bytes.byteLength }, `The file could not be analysed: ${message || 'the worker failed'}`),
          )
        : analyzeHere(fileName, bytes, onProgress, signal),
  );
}

/**
 * One request to a fresh worker: posts `request` and settles with the first message `onMessage`
 * turns into a result (it returns undefined for progress). If the worker fails, `onError` says what
 * that becomes — `started`: whether any message came first (none: its script did not load, and the
 * caller can do the work in this thread). The worker is terminated once it has answered or failed,
 * or when `signal` aborts, which rejects with ImportCancelledError.
 */
function askWorker<M, R>(
  worker: Worker,
  request: unknown,
  signal: AbortSignal | undefined,
  onMessage: (msg: M) => R | undefined,
  onError: (started: boolean, message: string) => Promise<R>,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let started = false;
    const finish = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new ImportCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<M>) => {
      started = true;
      const result = onMessage(event.data);
      if (result === undefined) return;
      finish();
      resolve(result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      onError(started, event.message).then(resolve, reject);
    };
    worker.postMessage(request);
  });
}

/** What applying an import takes (./apply applyImport's arguments). */
export interface ApplyRequest {
  current: Dataset;
  data: ImportedData;
  mode: MergeMode;
  winner: ConflictWinner;
  sameAs: SameModel[];
}

/**
 * Applies an import in a worker (./apply.worker), so merging and validating an Epoch release
 * never freezes the page; in this thread where there is no Worker (after one macrotask, so the
 * "applying" state paints). Rejects with ImportCancelledError when `signal` aborts.
 */
export function runApply(request: ApplyRequest, signal?: AbortSignal): Promise<ApplyResult> {
  if (signal?.aborted) return Promise.reject(new ImportCancelledError());
  if (typeof Worker === 'undefined') return applyHere(request, signal);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./apply.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return applyHere(request, signal);
  }
  return askWorker<ApplyResult, ApplyResult>(
    worker,
    request,
    signal,
    (result) => result,
    // The worker script failed to load: apply here instead (slower, but the import still works).
    () => applyHere(request, signal),
  );
}

async function applyHere(request: ApplyRequest, signal: AbortSignal | undefined): Promise<ApplyResult> {
  const { applyImport } = await import('./apply');
  await new Promise((r) => setTimeout(r, 0));
  if (signal?.aborted) throw new ImportCancelledError();
  return applyImport(request.current, request.data, request.mode, request.winner, request.sameAs);
}
