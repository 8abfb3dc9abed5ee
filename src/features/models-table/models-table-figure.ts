import type { Dataset } from '../../data/schema';
import { EXPLORER_COLUMNS, type FieldId, type SortSpec } from '../../data/fields';
import { tablesFigure } from '../../components/figure/figure-chrome';
import type { FigureModel } from '../../components/figure/figure-model';
import type { TablesPlot } from '../../components/figure/plot-tables';
import type { Translator } from '../../i18n/use-t';
import { sortFieldRows } from '../../selectors/explorer-sort';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { explorerTable, IMAGE_ROW_LIMIT } from '../../selectors/panel-tables';
import { selectFieldRows, type FieldRow } from '../../selectors/system-fields';
import { tableAsRows } from '../../selectors/table-export';
import type { Filters } from '../../store/filters-model';

/*
 * The explorer as a figure: its visible columns over the first rows by the current sort (a box
 * too small for them cuts more, with "and N more rows"), the filters stated; the CSV has every row.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

/** The explorer's rows: the filtered systems in the table's sort order (the screen's rows). */
export function explorerRows(dataset: Dataset, filters: Filters, sorting: readonly SortSpec[], { t, locale }: T): readonly FieldRow[] {
  const rowsById = selectFieldRows(dataset, locale, t);
  const filtered = selectFilteredSystems(dataset, filters)
    .map((s) => rowsById.get(s.id))
    .filter((r): r is FieldRow => !!r);
  return sortFieldRows(filtered, sorting);
}

export interface ExplorerFigureInput {
  dataset: Dataset;
  filters: Filters;
  sorting: readonly SortSpec[];
  visibleColumns: readonly FieldId[];
  link: string;
  translator: T;
}

export function buildExplorerFigure({
  dataset,
  filters,
  sorting,
  visibleColumns,
  link,
  translator,
}: ExplorerFigureInput): FigureModel<TablesPlot> {
  const { t, tn } = translator;
  const rows = explorerRows(dataset, filters, sorting, translator);
  const columns = EXPLORER_COLUMNS.filter((f) => visibleColumns.includes(f));
  const drawn = rows.slice(0, IMAGE_ROW_LIMIT);
  const csv = tableAsRows(rows, columns, t, dataset);
  const sourceIds = [...new Set(drawn.flatMap((r) => columns.flatMap((c) => r[c].sources)))];
  return tablesFigure(translator, dataset, {
    id: 'models-table',
    title: t('models-table.title', 'Model explorer'),
    filters,
    description: '',
    tables: rows.length > 0 ? [explorerTable(drawn, columns, t)] : [],
    omittedRows: rows.length - drawn.length,
    empty: t('models-table.empty', 'No models match.'),
    notes: [
      { essential: true, text: tn('models-table.count', rows.length, '{count} row', '{count} rows') },
      { text: t('models-table.image-legend', '“est.”: an estimate, not a reported figure.') },
    ],
    sourceIds,
    table: { columns: csv.header, rows: csv.body.map((cells, i) => ({ id: rows[i].system.id, cells })) },
    link,
  });
}
