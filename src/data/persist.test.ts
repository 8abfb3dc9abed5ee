// @vitest-environment node
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import {
  announceDataset,
  clearActive,
  importWasStored,
  listenForDatasets,
  loadActive,
  saveActive,
  type DatasetAnnouncement,
  type ImportLabel,
} from './persist';

const label: ImportLabel = { fileName: 'mine.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'merge', systems: 7 };

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

/** An IndexedDB whose open() does only what `answer` does with the request (nothing: it hangs). */
function stubOpen(answer: (req: Record<string, unknown> & { onblocked?: () => void; onerror?: () => void }) => void): IDBFactory {
  return {
    open() {
      const req: Record<string, unknown> = {};
      setTimeout(() => answer(req));
      return req;
    },
  } as unknown as IDBFactory;
}

let idb: IDBFactory;
beforeEach(() => {
  idb = new IDBFactory();
  vi.stubGlobal('indexedDB', idb);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('persist: the active import in IndexedDB', () => {
  it('saves, loads back (validated) and clears', async () => {
    const dataset = miniDataset();
    expect(await loadActive()).toEqual({ active: null });
    expect(await saveActive({ dataset, label })).toEqual({ ok: true });
    const stored = (await storedRecord(idb)) as { version: number; label: ImportLabel };
    expect(stored.version).toBe(1);
    expect(stored.label).toEqual(label);
    const loaded = await loadActive();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.active?.label).toEqual(label);
    expect(loaded.active?.dataset.systems.map((s) => s.id)).toEqual(dataset.systems.map((s) => s.id));
    expect(await clearActive()).toEqual({ ok: true });
    expect(await loadActive()).toEqual({ active: null });
    expect(await storedRecord(idb)).toBeUndefined();
  });

  it('no IndexedDB at all (private mode): every call says "unavailable", none throws', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await saveActive({ dataset: miniDataset(), label })).toEqual({ ok: false, problem: { reason: 'unavailable', detail: '' } });
    expect(await loadActive()).toEqual({ active: null, problem: { reason: 'unavailable', detail: '' } });
    expect((await clearActive()).ok).toBe(false);
  });

  it('a full disk on write is reported as "quota"', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const r = await saveActive({ dataset: miniDataset(), label });
      expect(r).toEqual({ ok: false, problem: { reason: 'quota', detail: 'The quota has been exceeded.' } });
    } finally {
      put.mockRestore();
    }
  });

  it('a blocked or failing open is reported, not thrown', async () => {
    vi.stubGlobal(
      'indexedDB',
      stubOpen((req) => req.onblocked?.()),
    );
    expect((await loadActive()).problem?.reason).toBe('blocked');
    vi.stubGlobal(
      'indexedDB',
      stubOpen((req) => {
        req.error = new DOMException('denied', 'UnknownError');
        req.onerror?.();
      }),
    );
    expect(await saveActive({ dataset: miniDataset(), label })).toEqual({ ok: false, problem: { reason: 'failed', detail: 'denied' } });
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect((await loadActive()).problem).toEqual({ reason: 'failed', detail: 'The operation is insecure.' });
  });

  it('an open that never answers is given up as "blocked"', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'indexedDB',
      stubOpen(() => undefined),
    );
    const loading = loadActive();
    await vi.runAllTimersAsync();
    expect((await loading).problem?.reason).toBe('blocked');
  });

  it('a stored dataset that no longer validates is discarded with a reason', async () => {
    await saveActive({ dataset: miniDataset(), label });
    const record = (await storedRecord(idb)) as { dataset: { systems: unknown[] } };
    record.dataset.systems = [];
    await storedRecord(idb, { value: record });
    const r = await loadActive();
    expect(r.active).toBeNull();
    expect(r.problem?.reason).toBe('invalid-stored');
    expect(r.problem?.detail).toMatch(/systems/);
    // Discarded: the next visit does not trip over it again.
    expect(await storedRecord(idb)).toBeUndefined();
  });

  it('a record of another version or without a label is discarded too', async () => {
    await storedRecord(idb, { value: { version: 2, dataset: miniDataset(), label } });
    expect((await loadActive()).problem?.reason).toBe('invalid-stored');
    await storedRecord(idb, { value: { version: 1, dataset: miniDataset(), label: { fileName: 3 } } });
    expect((await loadActive()).problem?.reason).toBe('invalid-stored');
  });
});

describe('persist: what a visit may say about it', () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, String(v)),
      removeItem: (k: string) => void items.delete(k),
    };
  }

  it('remembers that an import was stored, and forgets it when it is cleared', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(importWasStored()).toBe(false);
    await saveActive({ dataset: miniDataset(), label });
    expect(importWasStored()).toBe(true);
    await clearActive();
    expect(importWasStored()).toBe(false);
  });

  it('a refused write remembers nothing; a localStorage that throws is no evidence, and nothing throws', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    vi.stubGlobal('indexedDB', undefined);
    await saveActive({ dataset: miniDataset(), label });
    expect(importWasStored()).toBe(false);
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    vi.stubGlobal('indexedDB', idb);
    expect(await saveActive({ dataset: miniDataset(), label })).toEqual({ ok: true });
    expect(importWasStored()).toBe(false);
  });

  it('tells the other tabs, and hears them, but not itself', async () => {
    const otherTab = new BroadcastChannel('llm-wave.dataset');
    const toldOther: unknown[] = [];
    otherTab.onmessage = (e) => toldOther.push(e.data);
    const heard: DatasetAnnouncement[] = [];
    const stop = listenForDatasets((m) => heard.push(m));
    try {
      announceDataset({ kind: 'imported', label });
      otherTab.postMessage({ kind: 'bundled' });
      otherTab.postMessage({ kind: 'imported', label: { fileName: 3 } });
      await vi.waitFor(() => expect(toldOther).toEqual([{ kind: 'imported', label }]));
      await vi.waitFor(() => expect(heard).toEqual([{ kind: 'bundled' }]));
    } finally {
      stop();
      otherTab.close();
    }
  });

  it('without BroadcastChannel nothing is told and nothing throws', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.resetModules();
    const fresh = await import('./persist');
    expect(() => fresh.announceDataset({ kind: 'bundled' })).not.toThrow();
    expect(fresh.listenForDatasets(() => undefined)).toBeTypeOf('function');
  });
});
