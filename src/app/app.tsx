import { useEffect, useRef, type ReactNode } from 'react';
import type { Dataset } from '../data/schema';
import { ErrorBoundary } from '../components/error-boundary';
import { UrlNotices } from '../components/notices/url-notices';
import { StorageNotices } from '../components/notices/storage-notices';
import { FilterBar } from '../features/filters/filter-bar';
import { FilterSummaryLine } from '../features/filters/filter-summary-line';
import { Overview } from '../features/overview/overview';
import { ModelsTable } from '../features/models-table/models-table';
import { ComparePanel } from '../features/compare/compare-panel';
import { SeedTables } from '../features/seed-tables/seed-tables';
import { TrainingCostChart } from '../features/cost-chart/cost-chart';
import { GpuHoursChart } from '../features/gpu-hours-chart/gpu-hours-chart';
import { Co2View } from '../features/co2/co2-view';
import { ReleaseTimeline } from '../features/timeline/timeline';
import { LineageTree } from '../features/lineage/lineage';
import { TooltipLayer } from '../components/tooltip/tooltip-layer';
import { HatchPatterns } from '../components/chart-frame/hatch-patterns';
import { DatasetProblems } from '../features/shell/dataset-problems';
import { Header } from '../features/shell/header';
import { CopyLinkButton } from '../features/share/copy-link';
import { ShareDialogButton } from '../features/share/share-dialog';
import { ExportAllButton } from '../features/share/export-all';
import { ImportButton } from '../features/import/import-dialog';
import { ImportedBanner } from '../features/import/imported-banner';
import { PresentationBar, PresentButton, usePresentationKeys } from '../features/present/presentation';
import { PrintSources } from '../features/print/print-sources';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store';
import { isFiltering } from '../store/filters-model';
import type { PanelId } from '../store/panels';

/**
 * The views, in page order (the same order as PANEL_IDS, which links use). Each gets its own
 * error boundary; later views (tables, charts, timeline) are added here and read the same store.
 */
const VIEWS: { id: PanelId; titleKey: string; title: string; render: (dataset: Dataset) => ReactNode }[] = [
  { id: 'overview', titleKey: 'overview.title', title: 'Overview', render: (d) => <Overview dataset={d} /> },
  { id: 'models-table', titleKey: 'models-table.title', title: 'Model explorer', render: (d) => <ModelsTable dataset={d} /> },
  { id: 'training-cost', titleKey: 'cost-chart.title', title: 'Training cost', render: (d) => <TrainingCostChart dataset={d} /> },
  { id: 'gpu-hours', titleKey: 'gpu-hours-chart.title', title: 'GPU-hours per training run', render: (d) => <GpuHoursChart dataset={d} /> },
  { id: 'co2', titleKey: 'co2.title', title: 'CO₂ of training', render: (d) => <Co2View dataset={d} /> },
  { id: 'timeline', titleKey: 'timeline.title', title: 'Release timeline', render: (d) => <ReleaseTimeline dataset={d} /> },
  { id: 'lineage', titleKey: 'lineage.title', title: 'Lineage', render: (d) => <LineageTree dataset={d} /> },
  { id: 'seed-tables', titleKey: 'seed-tables.title', title: 'The talk’s comparison tables', render: (d) => <SeedTables dataset={d} /> },
  { id: 'compare', titleKey: 'compare.title', title: 'Compare side by side', render: (d) => <ComparePanel dataset={d} /> },
];

export function App() {
  const { t, locale } = useT();
  const status = useAppStore((s) => s.datasetStatus);
  const dataset = useAppStore((s) => s.dataset);
  const problems = useAppStore((s) => s.datasetProblems);
  const theme = useAppStore((s) => s.theme);
  const embed = useAppStore((s) => s.embedPanel);
  // An embedded panel is never a presentation: the embed wins if a link has both.
  const present = useAppStore((s) => (s.embedPanel ? null : s.presentPanel));
  const filtering = useAppStore((s) => isFiltering(s.filters));
  const single = embed ?? present;
  usePresentationKeys(present);
  useReturnFromPresentation(present);

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
  const modeClass = embed ? ' is-embedded' : present ? ' is-presenting' : '';

  return (
    <div className={`app${modeClass}`}>
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
                <ShareDialogButton panels={VIEWS.map((v) => ({ id: v.id, title: titleOf(v) }))} />
                <PresentButton />
                <ExportAllButton />
                <ImportButton />
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
          <>
            {single ? (
              // Without the filter bar, a filtered panel still says what it shows.
              filtering && <FilterSummaryLine dataset={dataset} />
            ) : (
              <>
                <ErrorBoundary title={t('view.failed', '{view} could not be shown', { view: t('filters.region', 'Filters') })} retryLabel={t('view.retry', 'Try again')}>
                  <FilterBar dataset={dataset} />
                </ErrorBoundary>
                {/* On paper the filter bar's controls give way to one line saying what is shown. */}
                <FilterSummaryLine dataset={dataset} className="print-only" />
              </>
            )}
            <div className="views">
              {shownViews.map((v) => (
                <div className="view-slot" key={v.id} data-view={v.id}>
                  <ErrorBoundary title={t('view.failed', '{view} could not be shown', { view: t(v.titleKey, v.title) })} retryLabel={t('view.retry', 'Try again')}>
                    {v.render(dataset)}
                  </ErrorBoundary>
                </div>
              ))}
            </div>
            <PrintSources dataset={dataset} />
          </>
        )}
      </main>
      <TooltipLayer />
      {/* The hatch fills for estimates, defined once for every chart on the page. */}
      <HatchPatterns />
      {present && <PresentationBar current={present} title={titleOf(VIEWS.find((v) => v.id === present) ?? VIEWS[0])} />}
      {!single && (
        <footer className="app-footer">
          <p>{t('app.footer', 'Open-source dashboard. Data: the talk and its sources, linked at every figure; Epoch AI data CC BY 4.0.')}</p>
        </footer>
      )}
    </div>
  );
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
      if (!document.activeElement || document.activeElement === document.body) document.getElementById('main')?.focus({ preventScroll: true });
      return;
    }
    const left = last.current;
    if (!left) return;
    last.current = null;
    document.querySelector(`.view-slot[data-view="${left}"]`)?.scrollIntoView?.({ block: 'start' });
    document.querySelector<HTMLElement>('[data-testid="present-start"]')?.focus({ preventScroll: true });
  }, [present]);
}
