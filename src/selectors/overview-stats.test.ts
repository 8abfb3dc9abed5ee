import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { getOrganizationIndex } from './organizations';
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
    expect(buildOverviewStats([])).toMatchObject({
      systems: 0,
      models: 0,
      organizations: 0,
      releaseSpan: null,
      openWeights: { open: 0, known: 0 },
    });
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
    expect(orderSystems(input, 'release').map((s) => s.id)).toEqual([
      'vision',
      'closed',
      'fam-large',
      'fam-small',
      'child',
      'grandchild',
      'event',
    ]);
    expect(input.map((s) => s.id)).toEqual(ds.systems.map((s) => s.id));
  });
  it('name and organization', async () => {
    const { orderSystems } = await import('./order-systems');
    expect(orderSystems(ds.systems, 'name').map((s) => s.name)).toEqual([
      'An Event',
      'Child',
      'Closed',
      'Fam-Large',
      'Fam-Small',
      'Grandchild',
      'Vision',
    ]);
    expect(orderSystems(ds.systems, 'organization').map((s) => s.id)).toEqual([
      'closed',
      'fam-large',
      'fam-small',
      'event',
      'vision',
      'child',
      'grandchild',
    ]);
  });
  it('counts top-level organizations: FAIR, Meta AI and Meta are one, Stanford CRFM and Stanford one', () => {
    const bundled = bundledDataset();
    const index = getOrganizationIndex(bundled);
    const flat = buildOverviewStats(bundled.systems).organizations;
    const rolled = buildOverviewStats(bundled.systems, index.topLevelOf).organizations;
    const meta = bundled.systems.filter((s) => ['llama-7b', 'opt-175b', 'sustainable-ai'].includes(s.id));
    expect(buildOverviewStats(meta, index.topLevelOf).organizations).toBe(1);
    expect(buildOverviewStats(meta).organizations).toBe(3);
    expect(rolled).toBe(flat - 4);
  });
});
