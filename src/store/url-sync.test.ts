// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkTo } from './url-state';
import { pageBase, shareableUrlState, startUrlSync } from './url-sync';
import { resetAppStore, useAppStore } from './index';

let stop: (() => void) | undefined;

function start(search: string) {
  history.replaceState(null, '', `/${search}`);
  stop = startUrlSync();
}

beforeEach(() => {
  resetAppStore();
  localStorage.clear();
});
afterEach(() => {
  stop?.();
  stop = undefined;
  history.replaceState(null, '', '/');
});

describe('shareableUrlState', () => {
  it('always names the language, even one that came from the browser (the address bar leaves it out)', () => {
    start('?org=OpenAI');
    expect(useAppStore.getState().languageExplicit).toBe(false);
    expect(new URLSearchParams(location.search).get('lang')).toBeNull();
    const link = new URL(linkTo(pageBase(), shareableUrlState(useAppStore.getState())));
    expect(link.searchParams.get('lang')).toBe('en');
    expect(link.searchParams.get('org')).toBe('OpenAI');
  });

  it('overrides replace parts of the state (an embed link keeps the rest)', () => {
    start('?sel=gpt-3&lang=zh-CN');
    const s = shareableUrlState(useAppStore.getState(), { embed: 'co2' });
    expect(s).toMatchObject({ selectedId: 'gpt-3', language: 'zh-CN', embed: 'co2', present: null });
  });
});

describe('embed and presentation in the address bar', () => {
  it('reads embed= and present= into the store', () => {
    start('?embed=lineage&present=timeline');
    expect(useAppStore.getState()).toMatchObject({ embedPanel: 'lineage', presentPanel: 'timeline' });
  });

  it('entering presentation mode pushes an entry; stepping replaces it, so Back leaves the presentation', () => {
    start('?org=OpenAI');
    const before = history.length;
    useAppStore.getState().setPresentPanel('overview');
    expect(location.search).toBe('?org=OpenAI&present=overview');
    expect(history.length).toBe(before + 1);
    useAppStore.getState().setPresentPanel('models-table');
    useAppStore.getState().setPresentPanel('training-cost');
    expect(location.search).toBe('?org=OpenAI&present=training-cost');
    expect(history.length).toBe(before + 1);
    useAppStore.getState().setPresentPanel(null);
    expect(location.search).toBe('?org=OpenAI');
    expect(history.length).toBe(before + 2);
  });

  it('changes inside an embed replace the entry (an iframe must not fill the host page’s Back history)', () => {
    start('?embed=overview');
    const before = history.length;
    useAppStore.getState().select('gpt-3');
    useAppStore.getState().toggleFilterValue('kinds', 'model');
    expect(new URLSearchParams(location.search).get('sel')).toBe('gpt-3');
    expect(new URLSearchParams(location.search).get('kind')).toBe('model');
    expect(new URLSearchParams(location.search).get('embed')).toBe('overview');
    expect(history.length).toBe(before);
  });
});

describe('a new dataset (an import, back to the bundled one)', () => {
  it('drops the selection and compare ids it does not know, with the usual notice, and fixes the address', async () => {
    const { miniDataset } = await import('../../tests/fixtures/mini-dataset');
    const ds = miniDataset();
    const known = ds.systems[0].id;
    useAppStore.getState().receiveDataset({
      ok: true,
      dataset: { ...ds, systems: [...ds.systems, { ...ds.systems[0], id: 'only-before', name: 'Only before' }] },
    });
    start(`?sel=only-before&cmp=${known},only-before`);
    expect(useAppStore.getState().selectedId).toBe('only-before');
    const before = history.length;
    useAppStore.setState({ dataset: ds });
    const s = useAppStore.getState();
    expect(s.selectedId).toBeNull();
    expect(s.compareIds).toEqual([known]);
    expect(s.notices).toMatchObject([
      {
        kind: 'url-problems',
        problems: [
          { param: 'sel', value: 'only-before' },
          { param: 'cmp', value: 'only-before' },
        ],
      },
    ]);
    expect(new URLSearchParams(location.search).get('sel')).toBeNull();
    expect(new URLSearchParams(location.search).get('cmp')).toBe(known);
    // Replaced, not pushed: Back does not return to a link the data no longer supports.
    expect(history.length).toBe(before);
  });
});
