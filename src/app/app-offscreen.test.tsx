import { act, render, waitFor } from '@testing-library/react';
import { useLayoutEffect, type ComponentType } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../store';
import { useViewFilters } from '../store/view-filters';
import { App } from './app';

/*
 * Which filters each view draws, and in which render: every view is replaced by a probe that
 * shows the organizations it was given and, each time it commits, notes what the other probes
 * and the page showed in that same commit.
 */
vi.mock('../features/overview/overview', () => ({ Overview: () => <FiltersProbe id="overview" /> }));
vi.mock('../features/models-table/models-table', () => ({ ModelsTable: () => <FiltersProbe id="models-table" /> }));
vi.mock('./lazy-views', () => ({
  isLazyPanel: () => true,
  loadAllViews: () => Promise.resolve(),
  useLazyView: (id: string | null) => (id ? { status: 'ready', View: probeFor(id) } : { status: 'loading' }),
}));

type Commit = { id: string; shows: string; page: Record<string, string>; ready: boolean };
let commits: Commit[] = [];
let renders: Record<string, number> = {};

function FiltersProbe({ id }: { id: string }) {
  const filters = useViewFilters();
  // Counting renders (not commits) is the point here: a render React throws away still costs.
  // eslint-disable-next-line react-hooks/immutability
  renders[id] = (renders[id] ?? 0) + 1;
  const shows = filters.organizations.join(',') || 'all';
  useLayoutEffect(() => {
    commits.push({ id, shows, page: probesShown(), ready: document.querySelector('.views')?.hasAttribute('data-views-ready') ?? false });
  });
  return <p data-probe={id}>{shows}</p>;
}

const probes = new Map<string, ComponentType>();
/** One component per lazy view (a new one per render would remount it). */
function probeFor(id: string): ComponentType {
  let probe = probes.get(id);
  if (!probe) probes.set(id, (probe = () => <FiltersProbe id={id} />));
  return probe;
}

function probesShown(): Record<string, string> {
  return Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-probe]')].map((p) => [p.dataset.probe, p.textContent]));
}

/** A stand-in IntersectionObserver the test moves views on and off screen with. */
const watched: { el: Element; callback: IntersectionObserverCallback; observer: object }[] = [];
class FakeIntersectionObserver {
  constructor(private callback: IntersectionObserverCallback) {}
  observe(el: Element) {
    watched.push({ el, callback: this.callback, observer: this });
  }
  unobserve(el: Element) {
    const i = watched.findIndex((w) => w.el === el && w.observer === this);
    if (i >= 0) watched.splice(i, 1);
  }
  disconnect() {
    for (let i = watched.length - 1; i >= 0; i--) if (watched[i].observer === this) watched.splice(i, 1);
  }
  takeRecords() {
    return [];
  }
}

/** Reports the views named as on screen and every other view as off it. */
function setOnScreen(ids: string[]) {
  act(() => {
    for (const w of [...watched]) {
      const id = (w.el as HTMLElement).dataset.view ?? w.el.id;
      const entry = { target: w.el, isIntersecting: ids.includes(id) } as unknown as IntersectionObserverEntry;
      w.callback([entry], w.observer as IntersectionObserver);
    }
  });
}

async function renderReady() {
  const { container } = render(<App />);
  await waitFor(() => expect(container.querySelector('.views')).toHaveAttribute('data-views-ready'));
  return container;
}

/** Clicks a filter; returns the commit in which the overview first drew it. */
function filterAndFindOverviewCommit(): Commit {
  commits = [];
  renders = {};
  act(() => useAppStore.getState().toggleFilterValue('organizations', 'Org Two'));
  const commit = commits.find((c) => c.id === 'overview' && c.shows === 'Org Two');
  expect(commit, 'the overview drew the new filters').toBeDefined();
  return commit!;
}

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
beforeEach(() => {
  resetAppStore();
  useAppStore.getState().receiveDataset({ ok: true, dataset: miniDataset() });
  document.documentElement.className = '';
  commits = [];
  renders = {};
  watched.length = 0;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('views on and off screen', () => {
  it('a view on screen draws a click’s filters in the click’s own render; one off screen, later, the deferred copy', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const container = await renderReady();
    setOnScreen(['overview']);

    const urgent = filterAndFindOverviewCommit();
    // In that commit the explorer, off screen, still showed every organization, and the page did not claim to be ready.
    expect(urgent.page['models-table']).toBe('all');
    expect(urgent.page['co2']).toBe('all');
    expect(urgent.ready).toBe(false);
    // Then every view caught up, and the page says so.
    expect(probesShown()).toEqual(Object.fromEntries(Object.keys(probesShown()).map((id) => [id, 'Org Two'])));
    expect(container.querySelector('.views')).toHaveAttribute('data-views-ready');
    // Each view drew once: the one on screen not again in the background render, the others not in the click's.
    expect(renders['overview']).toBe(1);
    expect(renders['models-table']).toBe(1);
    expect(renders['co2']).toBe(1);
  });

  it('a view scrolled on or off screen is not drawn again when its filters are the same', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    await renderReady();
    setOnScreen(['overview']);
    renders = {};
    setOnScreen(['models-table', 'training-cost']);
    expect(renders).toEqual({});
  });

  it('without IntersectionObserver every view draws the deferred copy, all in one background render', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const container = await renderReady();

    const commit = filterAndFindOverviewCommit();
    expect(commit.page['models-table']).toBe('Org Two');
    expect(commit.page['co2']).toBe('Org Two');
    expect(commit.ready).toBe(true);
    expect(container.querySelector('.views')).toHaveAttribute('data-views-ready');
  });
});
