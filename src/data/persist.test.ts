import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeIndexedDB } from '../../tests/fixtures/fake-indexeddb';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { clearActive, loadActive, saveActive, type ImportLabel } from './persist';

const label: ImportLabel = { fileName: 'mine.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'merge', systems: 7 };

afterEach(() => vi.unstubAllGlobals());

describe('persist: the active import in IndexedDB', () => {
  it('saves, loads back (validated) and clears', async () => {
    const idb = createFakeIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    const dataset = miniDataset();
    expect(await loadActive()).toEqual({ active: null });
    expect(await saveActive({ dataset, label })).toEqual({ ok: true });
    const stored = idb.data.get('datasets')?.get('active') as { version: number; label: ImportLabel };
    expect(stored.version).toBe(1);
    expect(stored.label).toEqual(label);
    const loaded = await loadActive();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.active?.label).toEqual(label);
    expect(loaded.active?.dataset.systems.map((s) => s.id)).toEqual(dataset.systems.map((s) => s.id));
    expect(await clearActive()).toEqual({ ok: true });
    expect(await loadActive()).toEqual({ active: null });
  });

  it('no IndexedDB at all (private mode): every call says "unavailable", none throws', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await saveActive({ dataset: miniDataset(), label })).toEqual({ ok: false, problem: { reason: 'unavailable', detail: '' } });
    expect(await loadActive()).toEqual({ active: null, problem: { reason: 'unavailable', detail: '' } });
    expect((await clearActive()).ok).toBe(false);
  });

  it('a full disk on write is reported as "quota"', async () => {
    vi.stubGlobal(
      'indexedDB',
      createFakeIndexedDB({ writeError: new DOMException('The quota has been exceeded.', 'QuotaExceededError') }).factory,
    );
    const r = await saveActive({ dataset: miniDataset(), label });
    expect(r).toEqual({ ok: false, problem: { reason: 'quota', detail: 'The quota has been exceeded.' } });
  });

  it('a blocked or failing open is reported, not thrown', async () => {
    vi.stubGlobal('indexedDB', createFakeIndexedDB({ blocked: true }).factory);
    expect((await loadActive()).problem?.reason).toBe('blocked');
    vi.stubGlobal('indexedDB', createFakeIndexedDB({ openError: new DOMException('denied', 'UnknownError') }).factory);
    expect(await saveActive({ dataset: miniDataset(), label })).toEqual({ ok: false, problem: { reason: 'failed', detail: 'denied' } });
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect((await loadActive()).problem).toEqual({ reason: 'failed', detail: 'The operation is insecure.' });
  });

  it('a stored dataset that no longer validates is discarded with a reason', async () => {
    const idb = createFakeIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    await saveActive({ dataset: miniDataset(), label });
    const record = idb.data.get('datasets')!.get('active') as { dataset: { systems: unknown[] } };
    record.dataset.systems = [];
    const r = await loadActive();
    expect(r.active).toBeNull();
    expect(r.problem?.reason).toBe('invalid-stored');
    expect(r.problem?.detail).toMatch(/systems/);
    // Discarded: the next visit does not trip over it again.
    expect(idb.data.get('datasets')!.has('active')).toBe(false);
  });

  it('a record of another version or without a label is discarded too', async () => {
    const idb = createFakeIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    await saveActive({ dataset: miniDataset(), label });
    idb.data.get('datasets')!.set('active', { version: 2, dataset: miniDataset(), label });
    expect((await loadActive()).problem?.reason).toBe('invalid-stored');
    await saveActive({ dataset: miniDataset(), label });
    idb.data.get('datasets')!.set('active', { version: 1, dataset: miniDataset(), label: { fileName: 3 } });
    expect((await loadActive()).problem?.reason).toBe('invalid-stored');
  });
});
