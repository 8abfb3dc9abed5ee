import type { FigureModel } from '../components/figure/figure-model';
import { translate, translatePlural } from '../i18n/i18n';
import type { Translator } from '../i18n/use-t';
import { chooseEquivalentsRun } from '../selectors/co2-series';
import type { AppState } from '../store';
import { PANEL_IDS } from '../store/panels';
import { buildCalculatorFigure, buildEquivalentsFigure } from '../features/co2/co2-statements';
import { calculatorFigureInputs } from '../features/co2/co2-calculator-state';
import { buildCo2Figure } from '../features/co2/co2-figure';
import { buildCo2MethodsFigure } from '../features/co2/co2-methods-figure';
import { buildCompareFigure } from '../features/compare/compare-figure';
import { buildCostFigure } from '../features/cost-chart/cost-figure';
import { buildGpuHoursFigure } from '../features/gpu-hours-chart/gpu-hours-figure';
import { buildLineageFigure } from '../features/lineage/lineage-figure';
import { buildExplorerFigure } from '../features/models-table/models-table-figure';
import { buildOverviewFigure } from '../features/overview/overview-figure';
import { buildSeedTablesFigure } from '../features/seed-tables/seed-tables-figure';
import { buildScaleFigure } from '../features/scale-chart/scale-figure';
import { buildTimelineFigure } from '../features/timeline/timeline-figure';

/*
 * Every panel's figure model from the store alone, in page order — what "Export all" writes. The
 * panels' own Export menus call the same builders with the same inputs, so the files agree; no
 * panel has to be mounted (or even loaded) for its figure to be built.
 */

export interface PanelFigure {
  /** The panel's id (or a part's that exports on its own: the CO₂ equivalents and calculator). */
  id: string;
  /** The model for the view's permalink. */
  model: (link: string) => FigureModel;
}

export function panelFigures(state: AppState): PanelFigure[] {
  const { dataset, filters, selectedId, viewSettings: settings } = state;
  if (!dataset) return [];
  const locale = state.language;
  const translator: Translator = {
    locale,
    t: (key, english, vars) => translate(locale, key, english, vars),
    tn: (key, count, one, other, vars) => translatePlural(locale, key, count, one, other, vars),
  };
  const base = { dataset, filters, selectedId, translator };
  const { annotations } = state;
  const byPanel: Record<(typeof PANEL_IDS)[number], PanelFigure[]> = {
    overview: [{ id: 'overview', model: (link) => buildOverviewFigure({ ...base, order: settings.overviewOrder, link }) }],
    'models-table': [
      {
        id: 'models-table',
        model: (link) => buildExplorerFigure({ ...base, sorting: state.sorting, visibleColumns: state.visibleColumns, link }),
      },
    ],
    'training-cost': [{ id: 'training-cost', model: (link) => buildCostFigure({ ...base, scale: settings.costScale, link, annotations }) }],
    'gpu-hours': [{ id: 'gpu-hours', model: (link) => buildGpuHoursFigure({ ...base, scale: settings.gpuHoursScale, link, annotations }) }],
    scale: [
      {
        id: 'scale',
        model: (link) => buildScaleFigure({ ...base, metric: settings.scaleMetric, period: state.scalePeriod, link, annotations }),
      },
    ],
    co2: [
      { id: 'co2', model: (link) => buildCo2Figure({ ...base, link, annotations }) },
      // The equivalents show for a run with a published CO₂ figure only, as on the page.
      ...(chooseEquivalentsRun(dataset, selectedId).bar
        ? [{ id: 'co2-equivalents', model: (link: string) => buildEquivalentsFigure({ dataset, selectedId, link, translator }) }]
        : []),
      {
        id: 'co2-methods',
        model: (link) =>
          buildCo2MethodsFigure({
            ...base,
            choice: { method: settings.co2Method, grid: settings.co2Grid, development: settings.co2Development },
            link,
          }),
      },
      {
        id: 'co2-calculator',
        model: (link) => buildCalculatorFigure({ ...calculatorFigureInputs(dataset, state.co2Calculator, locale), link, translator }),
      },
    ],
    timeline: [
      {
        id: 'timeline',
        model: (link) =>
          buildTimelineFigure({
            ...base,
            lanes: settings.timelineLanes,
            zoom: settings.timelineZoom,
            customWindow: state.timelineWindow,
            link,
            annotations,
          }),
      },
    ],
    lineage: [{ id: 'lineage', model: (link) => buildLineageFigure({ ...base, link }) }],
    'seed-tables': [
      { id: 'seed-tables', model: (link) => buildSeedTablesFigure({ dataset, mode: settings.seedTablesMode, link, translator }) },
    ],
    compare: [{ id: 'compare', model: (link) => buildCompareFigure({ ...base, compareIds: state.compareIds, link }) }],
  };
  return PANEL_IDS.flatMap((id) => byPanel[id]);
}
