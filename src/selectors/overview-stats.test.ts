import { describe, expect, it } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { buildOverviewStats } from './overview-stats';
import { modalityCategory, releaseSortKey } from './system-facts';

const ds = miniDataset();

describe('buildOverviewStats', () => {
  it('counts models, organizations, the known release span and the open-weights share', () => {
    const s = buildOverviewStats(ds.systems);
    expect(s.systems).toBe(7);
    expect(s.models).toBe(6);
    expect(s.organizations).toBe(4);
    expect(s.releaseSpan?.first.id).toBe('vision');
    expect(s.releaseSpan?.last.id).toBe('grandchild');
    expect(s.undatedCount).toBe(1);
    expect(s.openWeights).toEqual({ open: 5, known: 6 });
  });

  it('is empty-safe', () => {
    expect(buildOverviewStats([])).toMatchObject({ systems: 0, models: 0, organizations: 0, releaseSpan: null, openWeights: { open: 0, known: 0 } });
  });
});

describe('system facts', () => {
  it('derives modality categories', () => {
    expect(modalityCategory({ inputs: ['text'], outputs: ['text'] })).toBe('text');
    expect(modalityCategory({ inputs: ['text'], outputs: ['code'] })).toBe('text');
    expect(modalityCategory({ inputs: ['code'], outputs: ['code'] })).toBe('code');
    expect(modalityCategory({ inputs: ['image'], outputs: ['mask'] })).toBe('vision');
    expect(modalityCategory({ inputs: ['text'], outputs: ['image'] })).toBe('multimodal');
  });

  it('month-precision dates sort as the first of the month; unknown dates have no key', () => {
    const byId = new Map(ds.systems.map((s) => [s.id, s]));
    expect(releaseSortKey(byId.get('child')!)).toBe('2023-03-01');
    expect(releaseSortKey(byId.get('event')!)).toBeUndefined();
  });
});

describe('orderSystems', () => {
  it('release: oldest first, month-precision dates at their month, undated last; input untouched', async () => {
    const { orderSystems } = await import('./order-systems');
    const input = [...ds.systems];
    expect(orderSystems(input, 'release').map((s) => s.id)).toEqual(['vision', 'closed', 'fam-large', 'fam-small', 'child', 'grandchild', 'event']);
    expect(input.map((s) => s.id)).toEqual(ds.systems.map((s) => s.id));
  });
  it('name and organization', async () => {
    const { orderSystems } = await import('./order-systems');
    expect(orderSystems(ds.systems, 'name').map((s) => s.name)).toEqual(['An Event', 'Child', 'Closed', 'Fam-Large', 'Fam-Small', 'Grandchild', 'Vision']);
    expect(orderSystems(ds.systems, 'organization').map((s) => s.id)).toEqual(['closed', 'fam-large', 'fam-small', 'event', 'vision', 'child', 'grandchild']);
  });
});
