import type { Dataset, System } from '../../data/schema';
import { tablesFigure } from '../../components/figure/figure-chrome';
import type { FigureModel } from '../../components/figure/figure-model';
import type { TablesPlot } from '../../components/figure/plot-tables';
import { formatEventDate, formatInteger, formatPercent } from '../../i18n/format';
import { kindCountsText, kindLabel } from '../../i18n/labels';
import type { Translator } from '../../i18n/use-t';
import { countFigureGrades } from '../../selectors/figure-grades';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { countKinds } from '../../selectors/kind-counts';
import { orderSystems, type SystemOrder } from '../../selectors/order-systems';
import { getOrganizationIndex, organizationName, organizationNames } from '../../selectors/organizations';
import { buildOverviewStats } from '../../selectors/overview-stats';
import { factValue } from '../../selectors/system-facts';
import type { Filters } from '../../store/filters-model';

/*
 * The overview as the screen and its figure both say it: the headline cards (label, figure, note)
 * and the systems in view in the chosen order. The screen draws the cards from `overviewCards`,
 * the figure lists them as a table, so the two cannot disagree.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

export interface OverviewCard {
  id: 'models' | 'organizations' | 'span' | 'open-weights';
  label: string;
  figure: string;
  /** Said under the figure; empty when there is nothing to add. */
  note: string;
  /** A long figure (a date range, "No known dates") set smaller. */
  small: boolean;
}

export function overviewCards(dataset: Dataset, systems: readonly System[], { t, tn, locale }: T): OverviewCard[] {
  const stats = buildOverviewStats(systems, getOrganizationIndex(dataset).topLevelOf);
  const span = stats.releaseSpan;
  const first = span && factValue(span.first.release);
  const last = span && factValue(span.last.release);
  const undated =
    stats.undatedCount > 0
      ? ` · ${tn('overview.undated', stats.undatedCount, '{count} without a known date', '{count} without a known date')}`
      : '';
  return [
    {
      id: 'models',
      label: t('overview.models', 'Models'),
      figure: formatInteger(stats.models, locale),
      note: t('overview.kinds-note', 'In view: {kinds}', { kinds: kindCountsText(tn, countKinds(systems)) }),
      small: false,
    },
    {
      id: 'organizations',
      label: t('overview.organizations', 'Organizations'),
      figure: formatInteger(stats.organizations, locale),
      note: t('overview.organizations-note', 'Top-level organizations of what is in view'),
      small: false,
    },
    span && first && last
      ? {
          id: 'span',
          label: t('overview.release-span', 'Release span'),
          figure: `${formatEventDate(first, locale)} – ${formatEventDate(last, locale)}`,
          note: `${span.first.name} → ${span.last.name}${undated}`,
          small: true,
        }
      : {
          id: 'span',
          label: t('overview.release-span', 'Release span'),
          figure: t('overview.no-dates', 'No known dates'),
          note: '',
          small: true,
        },
    stats.openWeights.known > 0
      ? {
          id: 'open-weights',
          label: t('overview.open-weights', 'Open-weights share'),
          figure: formatPercent(stats.openWeights.open / stats.openWeights.known, locale),
          note: t('overview.open-weights-note', '{open} of {known} models whose weights status is known', {
            open: formatInteger(stats.openWeights.open, locale),
            known: formatInteger(stats.openWeights.known, locale),
          }),
          small: false,
        }
      : {
          id: 'open-weights',
          label: t('overview.open-weights', 'Open-weights share'),
          figure: t('overview.no-models', 'No models in view'),
          note: '',
          small: true,
        },
  ];
}

/** "Source: the talk … Of N figures, … Data as of …": the overview's source line, as the screen says it. */
export function overviewSourceNote(dataset: Dataset, { t, locale }: T): string {
  const grades = countFigureGrades(dataset);
  const n = (v: number) => formatInteger(v, locale);
  return [
    t('overview.source-note-talk', 'Source: the talk “{talkTitle}” ({date}).', {
      talkTitle: dataset.meta.talk.title,
      date: formatEventDate({ date: dataset.meta.talk.date, precision: 'day' }, locale),
    }),
    t(
      'overview.figure-grades',
      'Of {total} figures, {primary} come from primary sources, {epoch} from Epoch AI’s database and {secondary} from secondary sources only.',
      { total: n(grades.total), primary: n(grades.primary), epoch: n(grades.epoch), secondary: n(grades.secondary) },
    ),
    ...(grades.imported > 0
      ? [t('overview.figure-grades-imported', '{imported} come from imported files.', { imported: n(grades.imported) })]
      : []),
    t('overview.as-of', 'Data as of {date}.', { date: formatEventDate({ date: dataset.meta.asOf, precision: 'day' }, locale) }),
  ].join(' ');
}

/** The systems in view, in the overview's order: the screen's chips, the CSV and the figure's second table. */
export function overviewSystemsTable(dataset: Dataset, systems: readonly System[], order: SystemOrder, { t, locale }: T) {
  const ordered = orderSystems(systems, order, (id) => organizationName(dataset, id));
  return {
    columns: [t('field.name', 'Name'), t('field.organizations', 'Organization'), t('field.release', 'Released'), t('field.kind', 'Kind')],
    rows: ordered.map((s) => {
      const date = factValue(s.release);
      return {
        id: s.id,
        cells: [s.name, organizationNames(dataset, s, locale), date ? formatEventDate(date, locale) : '—', kindLabel(t, s.kind)],
      };
    }),
  };
}

export interface OverviewFigureInput {
  dataset: Dataset;
  filters: Filters;
  order: SystemOrder;
  link: string;
  translator: T;
}

/** The cards as a table, then the systems in view (a box too small for all of them cuts the last with "and N more"). */
export function buildOverviewFigure({ dataset, filters, order, link, translator }: OverviewFigureInput): FigureModel<TablesPlot> {
  const { t } = translator;
  const systems = selectFilteredSystems(dataset, filters);
  const cards = overviewCards(dataset, systems, translator);
  const listed = overviewSystemsTable(dataset, systems, order, translator);
  const sourceIds = [...new Set(systems.flatMap((s) => ('sources' in s.release ? s.release.sources : [])))];
  return tablesFigure(translator, dataset, {
    id: 'overview',
    title: t('overview.title', 'Overview'),
    filters,
    description: '',
    tables: [
      {
        columns: [t('overview.figure', 'Figure'), t('overview.value', 'Value'), t('overview.note', 'Note')],
        rows: cards.map((c) => [c.label, c.figure, c.note]),
      },
      ...(listed.rows.length > 0
        ? [{ caption: t('overview.in-view', 'Systems in view'), columns: listed.columns, rows: listed.rows.map((r) => r.cells) }]
        : []),
    ],
    empty: t('filters.empty', 'No systems match these filters.'),
    notes: [],
    sourceNote: overviewSourceNote(dataset, translator),
    sourceIds,
    table: listed,
    link,
  });
}
