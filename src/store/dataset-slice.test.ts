import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeIndexedDB } from '../../tests/fixtures/fake-indexeddb';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { saveActive, type ImportLabel } from '../data/persist';
import { resetAppStore, useAppStore } from './index';

const label: ImportLabel = { fileName: 'mine.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'replace', systems: 7 };
const storageNotices = () => useAppStore.getState().notices.filter((n) => n.kind === 'storage');

beforeEach(() => resetAppStore());
afterEach(() => vi.unstubAllGlobals());

describe('dataset origin and the stored import', () => {
  it('startup without a stored import: the bundled dataset, no notice', async () => {
    vi.stubGlobal('indexedDB', createFakeIndexedDB().factory);
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
    vi.stubGlobal('indexedDB', createFakeIndexedDB().factory);
    await saveActive({ dataset: miniDataset(), label });
    await useAppStore.getState().loadInitialDataset();
    const s = useAppStore.getState();
    expect(s.datasetOrigin).toEqual({ kind: 'imported', label });
    expect(s.dataset!.systems.length).toBe(miniDataset().systems.length);
  });

  it('startup with a stored import that fails validation: bundled dataset plus a notice, never a blank page', async () => {
    const idb = createFakeIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    idb.data.set('datasets', new Map([['active', { version: 1, dataset: { meta: {} }, label }]]));
    await useAppStore.getState().loadInitialDataset();
    const s = useAppStore.getState();
    expect(s.datasetStatus).toBe('ready');
    expect(s.datasetOrigin).toEqual({ kind: 'bundled' });
    expect(storageNotices()).toMatchObject([{ during: 'load', problem: { reason: 'invalid-stored' } }]);
  });

  it('an import applies in memory even when storage is full, and a notice says it will not survive a reload', async () => {
    vi.stubGlobal('indexedDB', createFakeIndexedDB({ writeError: new DOMException('quota exceeded', 'QuotaExceededError') }).factory);
    const ds = miniDataset();
    await useAppStore.getState().showImportedDataset(ds, label);
    const s = useAppStore.getState();
    expect(s.dataset).toBe(ds);
    expect(s.datasetOrigin).toEqual({ kind: 'imported', label });
    expect(storageNotices()).toMatchObject([{ during: 'save', problem: { reason: 'quota' } }]);
  });

  it('back to the bundled dataset: reloads it, forgets the stored import, drops the storage notice', async () => {
    const idb = createFakeIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    await useAppStore.getState().showImportedDataset(miniDataset(), label);
    expect(idb.data.get('datasets')!.has('active')).toBe(true);
    useAppStore.getState().addStorageNotice('save', { reason: 'quota', detail: '' });
    await useAppStore.getState().showBundledDataset();
    const s = useAppStore.getState();
    expect(s.datasetOrigin).toEqual({ kind: 'bundled' });
    expect(s.dataset!.systems.length).toBe(32);
    expect(idb.data.get('datasets')!.has('active')).toBe(false);
    expect(storageNotices()).toEqual([]);
  });

  it('back to the bundled dataset: the stored import is gone by the time the bundled data shows (a reload then cannot bring it back)', async () => {
    const idb = createFakeIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    await useAppStore.getState().showImportedDataset(miniDataset(), label);
    let storedWhenShown: boolean | undefined;
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.datasetOrigin.kind === 'bundled' && prev.datasetOrigin.kind === 'imported')
        storedWhenShown = idb.data.get('datasets')!.has('active');
    });
    await useAppStore.getState().showBundledDataset();
    unsubscribe();
    expect(storedWhenShown).toBe(false);
  });
});
