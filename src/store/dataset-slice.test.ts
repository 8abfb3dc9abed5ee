// @vitest-environment node
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { saveActive, type ImportLabel } from '../data/persist';
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

let idb: IDBFactory;
beforeEach(() => {
  resetAppStore();
  idb = new IDBFactory();
  vi.stubGlobal('indexedDB', idb);
});
afterEach(() => {
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
    expect(storageNotices()).toMatchObject([{ during: 'load', problem: { reason: 'invalid-stored' } }]);
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
