import type { MergeMode } from '../import/types';
import { validateDataset } from './bundled-dataset';
import type { Dataset } from './schema';

/*
 * The active imported dataset, kept in IndexedDB so it survives a reload. Storage is optional:
 * it may be missing (some private modes), blocked by another tab, full, or refused. Every call
 * resolves (never rejects) with either its result or a `StorageProblem` the UI turns into a
 * notice; the import itself always applies in memory.
 *
 * Beside it, a flag in localStorage says that an import was stored: where storage is blocked
 * (a cross-site iframe, "block site data") every read fails, and only a visit that had stored
 * something should hear that it could not be read back. Other tabs of the page hear of each
 * stored import and each return to the bundled data over a BroadcastChannel.
 */

const DB_NAME = 'llm-wave';
const STORE = 'datasets';
const KEY = 'active';
const RECORD_VERSION = 1;
const STORED_FLAG = 'llm-wave.import-stored';
const CHANNEL = 'llm-wave.dataset';
/** A blocked or hanging open must not keep the page blank at startup. */
const OPEN_TIMEOUT_MS = 4000;

export interface ImportLabel {
  fileName: string;
  /** ISO timestamp of the import. */
  importedAt: string;
  mode: MergeMode;
  /** Systems in the resulting dataset. */
  systems: number;
}

export interface ActiveImport {
  dataset: Dataset;
  label: ImportLabel;
}

interface StoredRecord extends ActiveImport {
  version: typeof RECORD_VERSION;
}

export type StorageProblemReason =
  /** No IndexedDB at all (some private modes, old browsers, tests). */
  | 'unavailable'
  /** Another tab holds an older version of the database open, or the open never answered. */
  | 'blocked'
  /** The browser's storage is full or over this site's quota. */
  | 'quota'
  /** Any other refusal (permissions, a corrupt database…). */
  | 'failed'
  /** A stored import was found but is not a valid dataset: it was discarded. */
  | 'invalid-stored';

export interface StorageProblem {
  reason: StorageProblemReason;
  /** The browser's own message, for the curious; may be empty. */
  detail: string;
}

export type SaveResult = { ok: true } | { ok: false; problem: StorageProblem };
export interface LoadResult {
  active: ActiveImport | null;
  problem?: StorageProblem;
}

function factory(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    // Some browsers throw on merely reading `indexedDB` when storage is disabled.
    return null;
  }
}

function problemOf(err: unknown): StorageProblem {
  const name = err && typeof err === 'object' && 'name' in err ? String(err.name) : '';
  const detail = err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) return { reason: 'quota', detail };
  if (name === 'BlockedError') return { reason: 'blocked', detail };
  return { reason: 'failed', detail };
}

class StorageError extends Error {
  constructor(readonly problem: StorageProblem) {
    super(problem.detail);
  }
}

function openDb(): Promise<IDBDatabase> {
  const idb = factory();
  if (!idb) return Promise.reject(new StorageError({ reason: 'unavailable', detail: '' }));
  return new Promise<IDBDatabase>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => finish(new StorageError({ reason: 'blocked', detail: 'IndexedDB did not answer' })), OPEN_TIMEOUT_MS);
    function finish(err: unknown, db?: IDBDatabase) {
      if (settled) {
        // A late success after the timeout: do not leak the connection.
        db?.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (db) resolve(db);
      else reject(err);
    }
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(DB_NAME, 1);
    } catch (err) {
      finish(err);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Let a newer version elsewhere take over instead of blocking it.
      db.onversionchange = () => db.close();
      finish(null, db);
    };
    req.onerror = () => finish(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => finish(new StorageError({ reason: 'blocked', detail: 'another tab keeps the database open' }));
  });
}

/**
 * Whether this browser remembers storing an import (and not clearing it since). False when
 * localStorage is missing or refuses: then there is no evidence either way.
 */
export function importWasStored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORED_FLAG) === '1';
  } catch {
    return false;
  }
}

function rememberStored(stored: boolean): void {
  try {
    if (stored) globalThis.localStorage?.setItem(STORED_FLAG, '1');
    else globalThis.localStorage?.removeItem(STORED_FLAG);
  } catch {
    // Blocked storage: nothing to remember with, and nothing stored to forget.
  }
}

/** Runs one request in its own transaction; resolves when the transaction has committed. */
async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>, onOpened?: () => void): Promise<T> {
  const db = await openDb();
  onOpened?.();
  try {
    return await new Promise<T>((resolve, reject) => {
      let result: T;
      let tx: IDBTransaction;
      try {
        tx = db.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        req.onsuccess = () => {
          result = req.result;
        };
      } catch (err) {
        reject(err);
        return;
      }
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

function asProblem(err: unknown): StorageProblem {
  return err instanceof StorageError ? err.problem : problemOf(err);
}

/** Stores `active` as the import to show on the next visit. */
export async function saveActive(active: ActiveImport): Promise<SaveResult> {
  const record: StoredRecord = { version: RECORD_VERSION, dataset: active.dataset, label: active.label };
  try {
    await withStore('readwrite', (s) => s.put(record, KEY));
    rememberStored(true);
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: asProblem(err) };
  }
}

/**
 * The stored import, validated again (the schema may have changed since it was saved, or the
 * record may have been tampered with). Anything invalid is deleted and reported, never shown.
 * `onOpened` is called once the database has answered, before the record is read: storage that
 * works, however long a large record then takes.
 */
export async function loadActive(options: { onOpened?: () => void } = {}): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = await withStore('readonly', (s) => s.get(KEY), options.onOpened);
  } catch (err) {
    return { active: null, problem: asProblem(err) };
  }
  if (raw === undefined) {
    rememberStored(false);
    return { active: null };
  }
  const label = readLabel(raw);
  // The validator loads on demand: most visits have nothing stored and never need it here.
  const parsed =
    raw && typeof raw === 'object' && 'version' in raw && raw.version === RECORD_VERSION && 'dataset' in raw
      ? await validateDataset(raw.dataset)
      : null;
  if (!label || !parsed?.ok) {
    await clearActive();
    const first = parsed && !parsed.ok ? parsed.problems[0] : null;
    const detail = first
      ? `${first.record}${first.field ? ` ${first.field}` : ''}: ${first.message}`
      : 'not a stored dataset of this version';
    return { active: null, problem: { reason: 'invalid-stored', detail } };
  }
  rememberStored(true);
  return { active: { dataset: parsed.dataset, label } };
}

/** Forgets the stored import (back to the bundled dataset). */
export async function clearActive(): Promise<SaveResult> {
  try {
    await withStore('readwrite', (s) => s.delete(KEY));
    rememberStored(false);
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: asProblem(err) };
  }
}

function readLabel(raw: unknown): ImportLabel | null {
  if (!raw || typeof raw !== 'object' || !('label' in raw)) return null;
  const l = raw.label as Partial<ImportLabel> | null;
  if (!l || typeof l !== 'object') return null;
  if (typeof l.fileName !== 'string' || typeof l.importedAt !== 'string' || typeof l.systems !== 'number') return null;
  if (l.mode !== 'merge' && l.mode !== 'replace') return null;
  return { fileName: l.fileName, importedAt: l.importedAt, mode: l.mode, systems: l.systems };
}

/** What one tab tells the others: it stored an import, or went back to the bundled data. */
export type DatasetAnnouncement = { kind: 'imported'; label: ImportLabel } | { kind: 'bundled' };

/**
 * One channel per page, for both telling and hearing: a channel does not hear its own messages,
 * so this tab is never offered the import it has just made itself.
 */
let channel: BroadcastChannel | null | undefined;
function pageChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    try {
      channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    } catch {
      channel = null;
    }
  }
  return channel;
}

/** Tells the page's other tabs (where the browser can: no BroadcastChannel, no message). */
export function announceDataset(message: DatasetAnnouncement): void {
  try {
    pageChannel()?.postMessage(message);
  } catch {
    // A channel that refuses to post is the same as no channel.
  }
}

/** Hears the other tabs' announcements; returns a function that stops listening. */
export function listenForDatasets(hear: (message: DatasetAnnouncement) => void): () => void {
  const c = pageChannel();
  if (!c) return () => undefined;
  const onMessage = (e: MessageEvent<unknown>) => {
    const m = e.data;
    if (!m || typeof m !== 'object' || !('kind' in m)) return;
    if (m.kind === 'bundled') hear({ kind: 'bundled' });
    else if (m.kind === 'imported') {
      const label = readLabel(m);
      if (label) hear({ kind: 'imported', label });
    }
  };
  c.addEventListener('message', onMessage);
  return () => c.removeEventListener('message', onMessage);
}
