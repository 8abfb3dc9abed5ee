import type { Dataset, SeedTable, Source } from '../../data/schema';
import { tablesFigure } from '../../components/figure/figure-chrome';
import type { FigureModel, FigureNote } from '../../components/figure/figure-model';
import type { TablesPlot } from '../../components/figure/plot-tables';
import type { Translator } from '../../i18n/use-t';
import { seedTable, seedTablesCsv, type SeedMode } from '../../selectors/panel-tables';

/*
 * The talk's tables as a figure: cell for cell in the chosen reading (as the talk shows them,
 * with ⚠ where a source differs; or "talk → source"), each table's sources and note under them.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

export function countCorrections(table: SeedTable): number {
  return table.rows.reduce((n, row) => n + row.cells.filter((c) => c.checked).length, 0);
}

/** What the chosen reading means, said under the title. */
export function seedModeText(dataset: Dataset, mode: SeedMode, { t, tn }: T): string {
  const corrections = dataset.seedTables.reduce((n, table) => n + countCorrections(table), 0);
  return mode === 'checked'
    ? t('seed-tables.image-checked', 'Checked against sources: “A → B” is the talk’s text, then what the linked source says.')
    : tn(
        'seed-tables.hint-talk',
        corrections,
        'As the talk shows them. {count} cell differs from a checked source (marked ⚠).',
        'As the talk shows them. {count} cells differ from checked sources (marked ⚠).',
      );
}

/** Each table's sources and note, as the figure's notes. */
export function seedTableNotes(dataset: Dataset, { t, tn }: T): FigureNote[] {
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  return dataset.seedTables.flatMap((table) => {
    const sources = table.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
    const names = sources.map((s) => (s.publisher ? `${s.title} (${s.publisher})` : s.title)).join('; ');
    return [
      { essential: true, text: `${tn('seed-tables.sources', sources.length, 'Source:', 'Sources:')} ${names}` },
      ...(table.note ? [{ text: `${t('seed-tables.note', 'Note:')} ${table.note}` }] : []),
    ];
  });
}

export interface SeedTablesFigureInput {
  dataset: Dataset;
  mode: SeedMode;
  link: string;
  translator: T;
}

export function buildSeedTablesFigure({ dataset, mode, link, translator }: SeedTablesFigureInput): FigureModel<TablesPlot> {
  const { t } = translator;
  const csv = seedTablesCsv(dataset, t);
  const sourceIds = [
    ...new Set(
      dataset.seedTables.flatMap((table) => [
        ...table.sources,
        ...table.rows.flatMap((r) => r.cells.flatMap((c) => c.checked?.sources ?? [])),
      ]),
    ),
  ];
  return tablesFigure(translator, dataset, {
    id: 'seed-tables',
    title: t('seed-tables.title', 'The talk’s comparison tables'),
    filters: seedModeText(dataset, mode, translator),
    description: '',
    tables: dataset.seedTables.map((table) => seedTable(table, mode)),
    empty: t('seed-tables.empty', 'This dataset has no tables from the talk.'),
    notes: seedTableNotes(dataset, translator),
    // The notes name each table's sources; the checked cells' sources are in the citation.
    sourceNote: '',
    sourceIds,
    table: { columns: csv.columns, rows: csv.rows.map((cells, i) => ({ id: String(i), cells })) },
    link,
  });
}
