import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Dataset } from '../data/schema';
import { ErrorBoundary } from '../components/error-boundary';
import { UrlNotices } from '../components/notices/url-notices';
import { StorageNotices } from '../components/notices/storage-notices';
import { FilterBar } from '../features/filters/filter-bar';
import { FilterSummaryLine } from '../features/filters/filter-summary-line';
import { Overview } from '../features/overview/overview';
import { ModelsTable } from '../features/models-table/models-table';
import { TooltipLayer } from '../components/tooltip/tooltip-layer';
import { HatchPatterns } from '../components/chart-frame/hatch-patterns';
import { DatasetProblems } from '../features/shell/dataset-problems';
import { Header } from '../features/shell/header';
import { CopyLinkButton } from '../features/share/copy-link';
import { StoriesButton } from '../features/stories/stories-dialog';
import { ShareDialogButton } from '../features/share/share-dialog';
import { ExportAllButton } from '../features/share/export-all';
import { ImportLauncher } from '../features/import/import-launcher';
import { ImportedBanner } from '../features/import/imported-banner';
import { PresentationBar, PresentButton, usePresentationKeys } from '../features/present/presentation';
import { PrintSources } from '../features/print/print-sources';
import { useT, type Translator } from '../i18n/use-t';
import { useAppStore } from '../store';
import { isFiltering } from '../store/filters-model';
import type { PanelId } from '../store/panels';
import { isLazyPanel, loadAllViews, useLazyView } from './lazy-views';
import { Headline } from './headline';
import { StickyBand } from './sticky-band';
import { ViewFiltersContext, ViewFiltersScope } from '../store/view-filters';
import { useInViewport } from './use-in-viewport';

/**
 * The views, in page order (the same order as PANEL_IDS, which links use). Each gets its own
 * error boundary. The first screen (overview, model explorer) is in the initial bundle; the rest
 * are lazy chunks (./lazy-views), all requested right after the first render.
 */
type ViewDef = { id: PanelId; titleKey: string; title: string; render: ((dataset: Dataset) => ReactNode) | null };
/** `render: null`: a lazy view (./lazy-views), mounted by its slot once the chunk is in. */
const VIEWS: ViewDef[] = [
  { id: 'overview', titleKey: 'overview.title', title: 'Overview', render: (d) => <Overview dataset={d} /> },
  { id: 'models-table', titleKey: 'models-table.title', title: 'Model explorer', render: (d) => <ModelsTable dataset={d} /> },
  { id: 'training-cost', titleKey: 'cost-chart.title', title: 'Training cost', render: null },
  { id: 'gpu-hours', titleKey: 'gpu-hours-chart.title', title: 'GPU-hours per training run', render: null },
  { id: 'scale', titleKey: 'scale-chart.title', title: 'Scale over time', render: null },
  { id: 'co2', titleKey: 'co2.title', title: 'CO₂ of training', render: null },
  { id: 'timeline', titleKey: 'timeline.title', title: 'Release timeline', render: null },
  { id: 'lineage', titleKey: 'lineage.title', title: 'Lineage', render: null },
  { id: 'seed-tables', titleKey: 'seed-tables.title', title: 'The talk’s comparison tables', render: null },
  { id: 'compare', titleKey: 'compare.title', title: 'Compare side by side', render: null },
];

/** Each view's short name in the section links, so all ten fit one row on a laptop screen. */
function navName(id: PanelId, t: Translator['t']): string {
  const names: Record<PanelId, string> = {
    overview: t('nav.overview', 'Overview'),
    'models-table': t('nav.models-table', 'Explorer'),
    'training-cost': t('nav.training-cost', 'Cost'),
    'gpu-hours': t('nav.gpu-hours', 'GPU-hours'),
    scale: t('nav.scale', 'Scale'),
    co2: t('nav.co2', 'CO₂'),
    timeline: t('nav.timeline', 'Timeline'),
    lineage: t('nav.lineage', 'Lineage'),
    'seed-tables': t('nav.seed-tables', 'Talk’s tables'),
    compare: t('nav.compare', 'Compare'),
  };
  return names[id];
}

/**
 * The page. `prerender`: the build's copy of the first screen (app/prerender.tsx), rendered into
 * index.html so its chart paints before any script runs — the header, the intro and headline chart,
 * and the band of filters and section links, nothing below them (the views come with the app).
 */
export function App({ prerender = false }: { prerender?: boolean } = {}) {
  const { t, locale } = useT();
  const status = useAppStore((s) => s.datasetStatus);
  const dataset = useAppStore((s) => s.dataset);
  const problems = useAppStore((s) => s.datasetProblems);
  const theme = useAppStore((s) => s.theme);
  const embed = useAppStore((s) => s.embedPanel);
  // An embedded panel is never a presentation: the embed wins if a link has both.
  const present = useAppStore((s) => (s.embedPanel ? null : s.presentPanel));
  const liveFilters = useAppStore((s) => s.filters);
  // The views draw a deferred copy (store/view-filters.tsx): the filter bar answers a click at once.
  const viewFilters = useDeferredValue(liveFilters);
  // What the single panel shows: its summary line follows the panel, not the filter bar.
  const filtering = isFiltering(viewFilters);
  const single = embed ?? present;
  usePresentationKeys(present);
  useReturnFromPresentation(present);

  // Right after the first render (while the dataset still loads): fetch every lazy view's chunk, so
  // the charts mount a moment after the first screen. An embed loads only its own panel (by
  // rendering it). A chunk that fails shows as that view's error; nothing to do here.
  const embedded = embed !== null;
  useEffect(() => {
    if (!embedded) loadAllViews().catch(() => undefined);
  }, [embedded]);

  // The page answers clicks once the app has drawn it with its data (the benchmark times this).
  // Set as the app commits (a layout effect, before the passive effects that request the views' chunks).
  const live = status !== 'loading';
  useLayoutEffect(() => {
    if (live) document.documentElement.dataset.live = '';
  }, [live]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title', 'The LLM wave, 2020–2023');
  }, [locale, t]);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('is-embedded', embed !== null);
    root.toggle('is-presenting', present !== null);
  }, [embed, present]);

  const titleOf = (v: (typeof VIEWS)[number]) => t(v.titleKey, v.title);
  const shownViews = single ? VIEWS.filter((v) => v.id === single) : VIEWS;
  // Ready: every view mounted and drawing the current filters (Export all waits for both).
  const views = useViewsReady(status === 'ready' && dataset ? shownViews.map((v) => v.id) : null, viewFilters === liveFilters);
  const mountable = useStagedMount(shownViews.length, FIRST_SCREEN_VIEWS, status === 'ready' && dataset !== null, dataset);
  const modeClass = embed ? ' is-embedded' : present ? ' is-presenting' : '';

  return (
    // The build's copy is for looking at: its controls work once the app has taken over (inert till then).
    <div className={`app${modeClass}`} data-prerendered={prerender ? '' : undefined} inert={prerender || undefined}>
      {/* Embedded or presenting: one panel without the page's chrome; the link's notices still show. */}
      {!single && (
        <>
          <a className="skip-link" href="#main">
            {t('app.skip', 'Skip to content')}
          </a>
          <Header
            actions={
              <>
                <CopyLinkButton />
                <StoriesButton />
                <ShareDialogButton panels={VIEWS.map((v) => ({ id: v.id, title: titleOf(v) }))} />
                <PresentButton />
                <ExportAllButton figures={loadPanelFigures} />
                <ImportLauncher />
              </>
            }
          />
        </>
      )}
      {/* Even an embedded panel says when it shows the user's own data rather than the bundled dataset. */}
      <ImportedBanner />
      <StorageNotices />
      <UrlNotices />
      <main id="main" tabIndex={-1}>
        {status === 'loading' && (
          <p className="loading" role="status">
            {t('dataset.loading', 'Loading the dataset…')}
          </p>
        )}
        {status === 'error' && <DatasetProblems problems={problems} />}
        {status === 'ready' && dataset && (
          // Keyed by the dataset: another one (an import, back to the bundled data) mounts the views
          // afresh, so nothing of the previous dataset lingers in their state or in React's spare
          // copy of each component's last props, which held every imported system after going back.
          <ViewFiltersContext.Provider key={datasetKeyOf(dataset)} value={viewFilters}>
            {single ? (
              // Without the filter bar, a filtered panel still says what it shows.
              filtering && <FilterSummaryLine dataset={dataset} />
            ) : (
              <>
                <ErrorBoundary
                  title={t('view.failed', '{view} could not be shown', { view: t('headline.region', 'Headline') })}
                  retryLabel={t('view.retry', 'Try again')}
                >
                  <Headline dataset={dataset} prerendered={prerender} />
                </ErrorBoundary>
                <StickyBand views={VIEWS.map((v) => ({ id: v.id, title: titleOf(v), nav: navName(v.id, t) }))}>
                  <ErrorBoundary
                    title={t('view.failed', '{view} could not be shown', { view: t('filters.region', 'Filters') })}
                    retryLabel={t('view.retry', 'Try again')}
                  >
                    <FilterBar dataset={dataset} />
                  </ErrorBoundary>
                </StickyBand>
                {/* On paper the filter bar's controls give way to one line saying what is shown. */}
                <FilterSummaryLine dataset={dataset} className="print-only" />
              </>
            )}
            {!prerender && (
              <>
                {/* data-views-ready: every shown view has rendered (lazy chunks in), for the tests and the benchmark. */}
                <div className="views" data-views-ready={views.ready ? '' : undefined}>
                  {shownViews.map((v, i) => (
                    <ViewSlot key={v.id} view={v} title={titleOf(v)} dataset={dataset} onMount={views.mounted} waiting={i >= mountable} />
                  ))}
                </div>
                <PrintSources dataset={dataset} />
              </>
            )}
          </ViewFiltersContext.Provider>
        )}
      </main>
      {!prerender && (
        <>
          <TooltipLayer />
          {/* The hatch fills for estimates, defined once for every chart on the page. */}
          <HatchPatterns />
        </>
      )}
      {present && <PresentationBar current={present} title={titleOf(VIEWS.find((v) => v.id === present) ?? VIEWS[0])} />}
      {!single && !prerender && (
        <footer className="app-footer">
          <p>
            {t('app.footer', 'Open-source dashboard. Data: the talk and its sources, linked at every figure; Epoch AI data CC BY 4.0.')}
          </p>
        </footer>
      )}
    </div>
  );
}

/**
 * One panel in the page: its error boundary, the placeholder of a lazy view until its chunk is in,
 * and `ViewMounted` once the view (or its error) has rendered.
 */
const ViewSlot = memo(function ViewSlot({
  view,
  title,
  dataset,
  onMount,
  waiting,
}: {
  view: ViewDef;
  title: string;
  dataset: Dataset;
  onMount: (id: PanelId, mounted: boolean) => void;
  waiting: boolean;
}) {
  const { t } = useT();
  const lazy = useLazyView(view.render || !isLazyPanel(view.id) ? null : view.id);
  const settled = !waiting && (view.render !== null || lazy.status !== 'loading');
  return (
    <SlotBox id={view.id} settled={settled}>
      <ErrorBoundary title={t('view.failed', '{view} could not be shown', { view: title })} retryLabel={t('view.retry', 'Try again')}>
        {waiting ? (
          <ViewLoading id={view.id} title={title} />
        ) : view.render ? (
          view.render(dataset)
        ) : lazy.status === 'ready' ? (
          <lazy.View dataset={dataset} />
        ) : lazy.status === 'failed' ? (
          <Rethrow error={lazy.error} />
        ) : (
          <ViewLoading id={view.id} title={title} />
        )}
      </ErrorBoundary>
      {settled && <ViewMounted id={view.id} onMount={onMount} />}
    </SlotBox>
  );
});

/** "Near the screen": on it, or within half a screen above or below it. */
const NEAR_SCREEN = '50% 0px';

/**
 * A view's box in the page. Near the screen its view draws the live filters, in the click's own
 * render, and the browser draws it as any element. Farther away the view keeps the deferred copy,
 * redrawn in React's background render, and the browser skips its style, layout and paint
 * (`content-visibility: auto`, app.css); it is laid out again before it comes into sight.
 * Watched here, apart from ViewSlot, so scrolling re-renders no view (`children` are unchanged).
 */
function SlotBox({ id, settled, children }: { id: PanelId; settled: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useInViewport(ref, NEAR_SCREEN);
  const laidOut = useLaidOutOnce(settled);
  return (
    <div
      className="view-slot"
      data-view={id}
      id={id}
      ref={ref}
      data-near-screen={near ? '' : undefined}
      data-laid-out={laidOut ? '' : undefined}
    >
      <ViewFiltersScope live={near}>{children}</ViewFiltersScope>
    </div>
  );
}

/**
 * True two frames after `ready`: the view has been laid out once, so its charts have measured
 * their width (a ResizeObserver reports nothing for an element the browser skips). Until then
 * the slot is drawn wherever it is (app.css): a chart mounted away from the screen would keep the
 * width it started at, which need not be its own.
 */
function useLaidOutOnce(ready: boolean): boolean {
  const [laidOut, setLaidOut] = useState(false);
  useEffect(() => {
    if (!ready || laidOut || typeof requestAnimationFrame !== 'function') return;
    // The first frame lays the view out and its charts' ResizeObservers report; the next follows it.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setLaidOut(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, laidOut]);
  return laidOut;
}

const datasetKeys = new WeakMap<Dataset, number>();
let nextDatasetKey = 1;
/** A number per dataset object, for a React key. */
function datasetKeyOf(dataset: Dataset): number {
  let key = datasetKeys.get(dataset);
  if (key === undefined) datasetKeys.set(dataset, (key = nextDatasetKey++));
  return key;
}

/** The overview and the model explorer: what a 1280 × 900 window shows first. */
const FIRST_SCREEN_VIEWS = 2;

/**
 * How many views (in page order) may be mounted. With the data in, the first screen mounts at
 * once and, once it is painted, each further view in its own task: mounting every view in one
 * task would hold the first screen back until the last chart is built.
 * Once all are mounted it stays so, until another dataset mounts them afresh.
 */
function useStagedMount(total: number, first: number, active: boolean, dataset: Dataset | null): number {
  const [staged, setStaged] = useState({ dataset, count: first });
  // Another dataset (an import, back to the bundled data) mounts the views afresh: in stages again,
  // so an Epoch release does not build every view in one task.
  if (staged.dataset !== dataset) setStaged({ dataset, count: first });
  const count = staged.dataset === dataset ? staged.count : first;
  useEffect(() => {
    if (!active || count >= total) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    let started = false;
    const next = () => {
      if (started) return;
      started = true;
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
      timer = setTimeout(() => setStaged((s) => ({ ...s, count: s.count + 1 })), 0);
    };
    // The first screen is painted (after the next frame) before more work starts; each later view
    // is its own task, so the browser paints between them whenever a frame is due. A tab opened in
    // the background gets no frames: a timer carries on there.
    if (count === first && typeof requestAnimationFrame === 'function') {
      frame = requestAnimationFrame(next);
      timer = setTimeout(next, 100);
    } else next();
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [active, count, first, total]);
  return count;
}

/** Hands a chunk's loading error to the surrounding error boundary. */
function Rethrow({ error }: { error: unknown }): null {
  throw error instanceof Error ? error : new Error(String(error));
}

/**
 * A lazy view's placeholder until its chunk arrives: it keeps roughly the view's height (no jump
 * when it lands; app.css) and says what is coming — also on paper, if someone prints that early.
 */
function ViewLoading({ id, title }: { id: PanelId; title: string }) {
  const { t } = useT();
  return (
    <section className="view-loading" data-view-loading={id} aria-busy="true">
      <p role="status">{t('view.loading', 'Loading {view}…', { view: title })}</p>
    </section>
  );
}

/** Rendered after a view in its slot: its effect runs once the view (or its error) has committed. */
function ViewMounted({ id, onMount }: { id: PanelId; onMount: (id: PanelId, mounted: boolean) => void }) {
  useEffect(() => {
    onMount(id, true);
    return () => onMount(id, false);
  }, [id, onMount]);
  return null;
}

/**
 * Whether every view in `shown` has rendered with the current filters (`settled`: the deferred copy
 * has caught up): the page says so (`data-views-ready`) for the tests and the benchmark.
 */
function useViewsReady(shown: PanelId[] | null, settled: boolean) {
  const [mountedIds, setMountedIds] = useState<ReadonlySet<PanelId>>(() => new Set());
  const mounted = useCallback((id: PanelId, isMounted: boolean) => {
    setMountedIds((prev) => {
      if (prev.has(id) === isMounted) return prev;
      const next = new Set(prev);
      if (isMounted) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const ready = shown !== null && settled && shown.every((id) => mountedIds.has(id));
  return { ready, mounted };
}

/** Every panel's figure, built from the store; the builders load with the first "Export all". */
async function loadPanelFigures() {
  const { panelFigures } = await import('./panel-figures');
  return panelFigures(useAppStore.getState());
}

/**
 * Each slide starts at its top, and keeps keyboard focus on the page when the previous slide's
 * focused element went away; leaving brings the page back at the panel last shown.
 */
function useReturnFromPresentation(present: PanelId | null): void {
  const last = useRef<PanelId | null>(null);
  useEffect(() => {
    if (present) {
      last.current = present;
      document.documentElement.scrollTop = 0;
      if (!document.activeElement || document.activeElement === document.body)
        document.getElementById('main')?.focus({ preventScroll: true });
      return;
    }
    const left = last.current;
    if (!left) return;
    last.current = null;
    document.querySelector(`.view-slot[data-view="${left}"]`)?.scrollIntoView?.({ block: 'start' });
    document.querySelector<HTMLElement>('[data-testid="present-start"]')?.focus({ preventScroll: true });
  }, [present]);
}
