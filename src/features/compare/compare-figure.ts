import type { Dataset } from '../../data/schema';
import { FIELD_IDS } from '../../data/fields';
import { tablesFigure } from '../../components/figure/figure-chrome';
import type { FigureModel } from '../../components/figure/figure-model';
import type { TablesPlot } from '../../components/figure/plot-tables';
import type { Translator } from '../../i18n/use-t';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { compareTable } from '../../selectors/panel-tables';
import { selectFieldRows, type FieldRow } from '../../selectors/system-fields';
import type { Filters } from '../../store/filters-model';

/*
 * Compare as a figure: one row per field, one column per picked model, rows whose values differ
 * marked ≠ and tinted; the models compared are named under the title.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

export interface CompareFigureInput {
  dataset: Dataset;
  filters: Filters;
  compareIds: readonly string[];
  link: string;
  translator: T;
}

export function buildCompareFigure({ dataset, filters, compareIds, link, translator }: CompareFigureInput): FigureModel<TablesPlot> {
  const { t, locale } = translator;
  const rowsById = selectFieldRows(dataset, locale, t);
  const picked = compareIds.map((id) => rowsById.get(id)).filter((r): r is FieldRow => !!r);
  // At most four picks: looked up in the filtered list rather than a set of its ids made per call.
  const filtered = selectFilteredSystems(dataset, filters);
  const outside = picked.filter((r) => !filtered.includes(r.system));
  const emptyText = t('compare.empty', 'Pick 2–4 models to compare: tick them in the explorer, or add them by name.');
  const table = compareTable(picked, t);
  const sourceIds = [...new Set(picked.flatMap((r) => FIELD_IDS.flatMap((f) => r[f].sources)))];
  const shown = picked.length >= 2;
  return tablesFigure(translator, dataset, {
    id: 'compare',
    title: t('compare.title', 'Compare side by side'),
    filters: picked.map((r) => r.system.name).join(' · ') || emptyText,
    description: '',
    tables: shown ? [table] : [],
    empty: emptyText,
    notes: shown
      ? [
          { essential: true, text: t('compare.image-legend', '≠: the values differ. “est.”: an estimate, not a reported figure.') },
          ...(outside.length > 0
            ? [
                {
                  essential: true,
                  text: t('compare.outside', 'Outside the current filters, still compared: {names}.', {
                    names: outside.map((r) => r.system.name).join(', '),
                  }),
                },
              ]
            : []),
        ]
      : [],
    sourceIds: shown ? sourceIds : [],
    table: { columns: table.columns, rows: table.rows.map((cells, i) => ({ id: String(i), cells })) },
    link,
  });
}
