// @vitest-environment node
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { saveActive, type ImportLabel } from '../data/persist';
import { STORAGE_ANSWER_MS } from './dataset-slice';
import { resetAppStore, useAppStore } from './index';

const label: ImportLabel = { fileName: 'mine.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'replace', systems: 7 };
const storageNotices = () => useAppStore.getState().notices.filter((n) => n.kind === 'storage');

/** The stored record as the page's database holds it, read (or written) past persist.ts. */
function storedRecord(idb: IDBFactory, write?: { value: unknown }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = idb.open('llm-wave', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('datasets');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('datasets', write ? 'readwrite' : 'readonly');
      const req = write ? tx.objectStore('datasets').put(write.value, 'active') : tx.objectStore('datasets').get('active');
      tx.oncomplete = () => {
        db.close();
        resolve(write ? undefined : req.result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** localStorage as a browser has it (Node has none). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** What blocked storage does: open() throws (a cross-site iframe, "block site data"). */
const throwingIndexedDB = {
  open() {
    throw new DOMException('The user denied permission to access the database.', 'UnknownError');
  },
};
/** Storage that never answers. */
const hangingIndexedDB = { open: () => ({}) };

/** A real database whose open() waits until `release()`: storage that answers late. */
function lateIndexedDB(real: IDBFactory) {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  type Req = { result?: unknown; error?: unknown; onupgradeneeded?: () => void; onsuccess?: () => void; onerror?: () => void };
  const factory = {
    open(name: string, version?: number) {
      const req: Req = {};
      void gate.then(() => {
        const inner = real.open(name, version);
        inner.onupgradeneeded = () => {
          req.result = inner.result;
          req.onupgradeneeded?.();
        };
        inner.onsuccess = () => {
          req.result = inner.result;
          req.onsuccess?.();
        };
        inner.onerror = () => {
          req.error = inner.error;
          req.onerror?.();
        };
      });
      return req;
    },
  };
  return { factory, release };
}

let idb: IDBFactory;
beforeEach(() => {
  resetAppStore();
  idb = new IDBFactory();
  vi.stubGlobal('indexedDB', idb);
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('dataset origin and the stored import', () => {
  it('startup without a stored import: the bundled dataset, no notice', async () => {
    await useAppStore.getState().loadInitialDataset();
    const s = useAppStore.getState();
    expect(s.datasetStatus).toBe('ready');
    expect(s.datasetOrigin).toEqual({ kind: 'bundled' });
    expect(s.dataset!.systems.length).toBe(32);
    expect(storageNotices()).toEqual([]);
  });

  it('startup without IndexedDB at all: the bundled dataset, silently', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await useAppStore.getState().loadInitialDataset();
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    expect(storageNotices()).toEqual([]);
  });

  it('startup with a stored import: that dataset, labelled', async () => {
    await saveActive({ dataset: miniDataset(), label });
    await useAppStore.getState().loadInitialDataset();
    const s = useAppStore.getState();
    expect(s.datasetOrigin).toEqual({ kind: 'imported', label });
    expect(s.dataset!.systems.length).toBe(miniDataset().systems.length);
  });

  it('startup with a stored import that fails validation: bundled dataset plus a notice, never a blank page', async () => {
    await storedRecord(idb, { value: { version: 1, dataset: { meta: {} }, label } });
    await useAppStore.getState().loadInitialDataset();
    const s = useAppStore.getState();
    expect(s.datasetStatus).toBe('ready');
    expect(s.datasetOrigin).toEqual({ kind: 'bundled' });
    // A record was found and refused: said even without a remembered import (it may come a moment after the bundled data).
    await vi.waitFor(() => expect(storageNotices()).toMatchObject([{ during: 'load', problem: { reason: 'invalid-stored' } }]));
  });

  it('an import applies in memory even when storage is full, and a notice says it will not survive a reload', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    });
    const ds = miniDataset();
    await useAppStore.getState().showImportedDataset(ds, label);
    const s = useAppStore.getState();
    expect(s.dataset).toBe(ds);
    expect(s.datasetOrigin).toEqual({ kind: 'imported', label });
    expect(storageNotices()).toMatchObject([{ during: 'save', problem: { reason: 'quota' } }]);
  });

  it('back to the bundled dataset: reloads it, forgets the stored import, drops the storage notice', async () => {
    await useAppStore.getState().showImportedDataset(miniDataset(), label);
    expect(await storedRecord(idb)).toBeDefined();
    useAppStore.getState().addStorageNotice('save', { reason: 'quota', detail: '' });
    await useAppStore.getState().showBundledDataset();
    const s = useAppStore.getState();
    expect(s.datasetOrigin).toEqual({ kind: 'bundled' });
    expect(s.dataset!.systems.length).toBe(32);
    expect(await storedRecord(idb)).toBeUndefined();
    expect(storageNotices()).toEqual([]);
  });

  it('back to the bundled dataset: the stored import is gone by the time the bundled data shows (a reload then cannot bring it back)', async () => {
    await useAppStore.getState().showImportedDataset(miniDataset(), label);
    // A read begun when the bundled data shows is ordered after every write begun before it.
    let storedWhenShown: Promise<unknown> | undefined;
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.datasetOrigin.kind === 'bundled' && prev.datasetOrigin.kind === 'imported') storedWhenShown = storedRecord(idb);
    });
    await useAppStore.getState().showBundledDataset();
    unsubscribe();
    expect(storedWhenShown).toBeDefined();
    expect(await storedWhenShown).toBeUndefined();
  });
});

describe('blocked or hanging storage at startup', () => {
  it('storage blocked, nothing ever imported here: the bundled dataset and no notice', async () => {
    vi.stubGlobal('indexedDB', throwingIndexedDB);
    await useAppStore.getState().loadInitialDataset();
    expect(useAppStore.getState().dataset!.systems.length).toBe(32);
    expect(storageNotices()).toEqual([]);
  });

  it('storage blocked and localStorage refusing too: still no notice', async () => {
    vi.stubGlobal('indexedDB', throwingIndexedDB);
    vi.stubGlobal('localStorage', {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    await useAppStore.getState().loadInitialDataset();
    expect(useAppStore.getState().datasetStatus).toBe('ready');
    expect(storageNotices()).toEqual([]);
  });

  it('storage that never answers does not hold the bundled dataset back', async () => {
    // Only setTimeout is faked: a timer-based wait on storage never fires, so only a load that does not wait finishes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('indexedDB', hangingIndexedDB);
    void useAppStore.getState().loadInitialDataset();
    await vi.waitFor(() => expect(useAppStore.getState().datasetStatus).toBe('ready'), { timeout: 4000 });
    expect(useAppStore.getState().dataset!.systems.length).toBe(32);
    expect(storageNotices()).toEqual([]);
  });

  it('an import was stored here but storage now never answers: the bundled data after a short wait, then a notice', async () => {
    await saveActive({ dataset: miniDataset(), label });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('indexedDB', hangingIndexedDB);
    const loading = useAppStore.getState().loadInitialDataset();
    await vi.advanceTimersByTimeAsync(STORAGE_ANSWER_MS);
    await loading;
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    expect(useAppStore.getState().datasetStatus).toBe('ready');
    await vi.advanceTimersByTimeAsync(5000);
    expect(storageNotices()).toMatchObject([{ during: 'load', problem: { reason: 'blocked' } }]);
  });

  it('a stored import read back late is shown, if the user has not changed anything yet', async () => {
    vi.stubGlobal('localStorage', undefined); // stored before the flag existed: no evidence, so no wait
    await saveActive({ dataset: miniDataset(), label });
    const late = lateIndexedDB(idb);
    vi.stubGlobal('indexedDB', late.factory);
    await useAppStore.getState().loadInitialDataset();
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    late.release();
    await vi.waitFor(() => expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'imported', label }));
    expect(useAppStore.getState().datasetOffer).toBeNull();
  });

  it('… and offered instead once the user has started working with the bundled data', async () => {
    vi.stubGlobal('localStorage', undefined);
    await saveActive({ dataset: miniDataset(), label });
    const late = lateIndexedDB(idb);
    vi.stubGlobal('indexedDB', late.factory);
    await useAppStore.getState().loadInitialDataset();
    useAppStore.getState().setQuery('gpt');
    late.release();
    await vi.waitFor(() => expect(useAppStore.getState().datasetOffer).toEqual({ kind: 'imported', label, from: 'storage' }));
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    // "Switch to it" reads it from storage.
    vi.stubGlobal('indexedDB', idb);
    await useAppStore.getState().acceptDatasetOffer();
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'imported', label });
    expect(useAppStore.getState().datasetOffer).toBeNull();
  });

  it('back to the bundled dataset with storage blocked and nothing stored: no "could not be removed" notice', async () => {
    vi.stubGlobal('indexedDB', throwingIndexedDB);
    await useAppStore.getState().showImportedDataset(miniDataset(), label);
    expect(storageNotices()).toMatchObject([{ during: 'save' }]);
    await useAppStore.getState().showBundledDataset();
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    expect(storageNotices()).toEqual([]);
  });
});
