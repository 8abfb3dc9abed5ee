import { useEffect, useState, type ComponentType } from 'react';
import type { Dataset } from '../data/schema';
import type { PanelId } from '../store/panels';

/*
 * The views below the first screen load as their own chunks (recharts only lives in those), so the
 * first screen — the overview and the model explorer — paints from a smaller initial bundle. Every
 * chunk is requested right after the app's first render (`loadAllViews`, from App), in parallel
 * with the dataset, so the charts are mounted a moment after the first screen, not on scroll.
 */

type ViewProps = { dataset: Dataset };
type Loader = () => Promise<ComponentType<ViewProps>>;

const LOADERS = {
  'training-cost': () => import('../features/cost-chart/cost-chart').then((m) => m.TrainingCostChart),
  'gpu-hours': () => import('../features/gpu-hours-chart/gpu-hours-chart').then((m) => m.GpuHoursChart),
  scale: () => import('../features/scale-chart/scale-chart').then((m) => m.ScaleChart),
  co2: () => import('../features/co2/co2-view').then((m) => m.Co2View),
  timeline: () => import('../features/timeline/timeline').then((m) => m.ReleaseTimeline),
  lineage: () => import('../features/lineage/lineage').then((m) => m.LineageTree),
  'seed-tables': () => import('../features/seed-tables/seed-tables').then((m) => m.SeedTables),
  compare: () => import('../features/compare/compare-panel').then((m) => m.ComparePanel),
} satisfies Partial<Record<PanelId, Loader>>;

export type LazyPanelId = keyof typeof LOADERS;

export function isLazyPanel(id: PanelId): id is LazyPanelId {
  return id in LOADERS;
}

const loaded = new Map<LazyPanelId, ComponentType<ViewProps>>();

/** Loads one lazy view's chunk (the module system caches it, so loading twice costs nothing). */
export function loadView(id: LazyPanelId): Promise<ComponentType<ViewProps>> {
  return LOADERS[id]().then((c: ComponentType<ViewProps>) => {
    loaded.set(id, c);
    return c;
  });
}

export type LazyState = { status: 'loading' } | { status: 'ready'; View: ComponentType<ViewProps> } | { status: 'failed'; error: unknown };

/**
 * A lazy view's component once its chunk is in. Deliberately not React.lazy + Suspense: React
 * throttles revealing Suspense boundaries (≈300 ms) and reveals them together in one heavy commit,
 * which held the first chart back; here each view mounts in its own commit as its chunk lands.
 */
export function useLazyView(id: LazyPanelId | null): LazyState {
  const [state, setState] = useState<LazyState>(() => {
    const View = id ? loaded.get(id) : undefined;
    return View ? { status: 'ready', View } : { status: 'loading' };
  });
  useEffect(() => {
    if (!id || state.status !== 'loading') return;
    let live = true;
    loadView(id).then(
      (View) => live && setState({ status: 'ready', View }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [id, state.status]);
  return state;
}

let allLoaded: Promise<void> | null = null;

/** Requests every lazy view's chunk (once); resolves when all are loaded, rejects if one fails. */
export function loadAllViews(): Promise<void> {
  allLoaded ??= Promise.all((Object.keys(LOADERS) as LazyPanelId[]).map((id) => loadView(id))).then(
    () => undefined,
    (err: unknown) => {
      // A failed chunk (a network blip, a redeploy) may be asked for again later.
      allLoaded = null;
      throw err;
    },
  );
  return allLoaded;
}
