import type { Dataset, Source } from '../../data/schema';
import { formatEventDate, formatInteger } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { MAX_LEFT_OUT } from '../../selectors/mark-cap';
import { describeFilters } from '../../selectors/filter-summary';
import { sourceNoteNames } from '../../selectors/run-rows';
import type { Filters } from '../../store/filters-model';
import type { FigureFooter, FigureModel, FigureNote, FigureTable } from './figure-model';
import type { FigureTablePart, TablesPlot } from './plot-tables';

/*
 * The parts every published figure shares, in the UI language: "N of M shown", what was left out
 * grouped by reason (cut with "and N more"), and the self-contained footer — dashboard, data
 * date, the data's licence and the permalink of the exact view.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

export interface LeftOutItem {
  name: string;
  reason: string;
}

/** Names listed per reason in a figure's note before "and N more". */
const NAMES_PER_REASON = 8;

export function countNote({ tn, locale }: T, shown: number, total: number): FigureNote {
  return {
    essential: true,
    text: tn('chart.shown', total, '{shown} of {total} system shown', '{shown} of {total} systems shown', {
      shown: formatInteger(shown, locale),
      total: formatInteger(total, locale),
    }),
  };
}

/** "Not drawn — not disclosed: BLOOM, OPT-175B…; no GPU-hours published: …", one note per reason. */
export function leftOutNotes({ t, locale }: T, leftOut: readonly LeftOutItem[]): FigureNote[] {
  const groups = new Map<string, string[]>();
  for (const l of leftOut) {
    const names = groups.get(l.reason);
    if (names) names.push(l.name);
    else groups.set(l.reason, [l.name]);
  }
  return [...groups].slice(0, MAX_LEFT_OUT).map(([reason, names]) => {
    const listed = names.slice(0, NAMES_PER_REASON).join(', ');
    const more =
      names.length > NAMES_PER_REASON
        ? t('figure.left-out-more', ' and {more} more', { more: formatInteger(names.length - NAMES_PER_REASON, locale) })
        : '';
    return { text: t('figure.left-out', 'Not drawn — {reason}: {names}{more}.', { reason, names: listed, more }) };
  });
}

export function figureFooter(
  { t, locale }: T,
  dataset: Pick<Dataset, 'meta' | 'sources'>,
  sourceIds: readonly string[],
  link: string,
): FigureFooter {
  const cited = new Set(sourceIds);
  const epoch = dataset.sources.some((s) => cited.has(s.id) && s.grade === 'epoch');
  return {
    app: t('app.title', 'The LLM wave, 2020–2023'),
    dataDate: t('figure.data-date', 'data as of {date}', { date: formatEventDate({ date: dataset.meta.asOf, precision: 'day' }, locale) }),
    licence: epoch
      ? t('figure.licence-epoch', 'facts from the cited sources; Epoch AI figures CC BY 4.0, © Epoch AI')
      : t('figure.licence', 'facts from the cited sources'),
    link,
  };
}

/** "Sources: Epoch AI, Meta AI." — the figure's sources by publisher, each once ("—" when none). */
export function figureSourceNote(
  { t }: T,
  sourceIds: Iterable<string>,
  sourcesById: ReadonlyMap<string, Pick<Source, 'publisher' | 'title'>>,
): string {
  return t('figure.sources', 'Sources: {names}.', { names: sourceNoteNames(sourceIds, sourcesById).join(', ') || '—' });
}

export function moreNotesTemplate({ t }: T): string {
  return t('figure.more-notes', '… and {more} more notes (in the SVG’s description)', { more: '{more}' });
}

export function moreRowsTemplate({ t }: T): string {
  return t('figure.more-rows', '… and {more} more (all in the data table and CSV)', { more: '{more}' });
}

export interface TablesFigureInput {
  id: string;
  title: string;
  /** Said under the title: the filters in words, or what the panel shows instead (the compared models). */
  filters: Filters | string;
  description: string;
  tables: FigureTablePart[];
  /** Rows of the last table left out by the builder (said with the box's own cuts). */
  omittedRows?: number;
  empty: string;
  notes: FigureNote[];
  /** Defaults to "Sources: …" naming the publishers of `sourceIds`. */
  sourceNote?: string;
  sourceIds: string[];
  /** The CSV: every row, not only those drawn. */
  table: FigureTable;
  link: string;
}

/** Publishers named in a table figure's source line before "and N more". */
const SOURCE_NAMES = 12;

/** A table panel's figure: the shared header, notes and footer around its tables. */
export function tablesFigure(tr: T, dataset: Dataset, input: TablesFigureInput): FigureModel<TablesPlot> {
  const { t, locale } = tr;
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const names = sourceNoteNames(input.sourceIds, sourcesById);
  const listed = names.slice(0, SOURCE_NAMES).join(', ') || '—';
  const more =
    names.length > SOURCE_NAMES
      ? t('figure.left-out-more', ' and {more} more', { more: formatInteger(names.length - SOURCE_NAMES, locale) })
      : '';
  return {
    id: input.id,
    lang: locale,
    title: input.title,
    subtitle: typeof input.filters === 'string' ? input.filters : describeFilters(input.filters, dataset, t, locale),
    description: input.description,
    plot: {
      kind: 'tables',
      tables: input.tables,
      omittedRows: input.omittedRows ?? 0,
      empty: input.empty,
      moreRows: moreTableRowsTemplate(tr),
      moreColumns: t('figure.more-table-columns', '{more} more columns not shown for lack of room (all in the CSV)', { more: '{more}' }),
    },
    legend: [],
    notes: input.notes,
    sourceNote: input.sourceNote ?? t('figure.sources', 'Sources: {names}.', { names: listed + more }),
    moreNotes: moreNotesTemplate(tr),
    sourceIds: input.sourceIds,
    table: input.table,
    footer: figureFooter(tr, dataset, input.sourceIds, input.link),
  };
}

export function moreTableRowsTemplate({ t }: T): string {
  return t('figure.more-table-rows', '… and {more} more rows (all in the CSV)', { more: '{more}' });
}
