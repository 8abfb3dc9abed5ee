import { useRef } from 'react';
import type { Dataset } from '../../data/schema';
import type { FieldId } from '../../data/fields';
import { downloadText } from '../../lib/download';
import { toCsv } from '../../lib/csv';
import { useT } from '../../i18n/use-t';
import { formatInteger } from '../../i18n/format';
import type { FieldRow } from '../../selectors/system-fields';
import { datasetAsJson, fullTableAsRows, systemsAsJson, tableAsRows } from '../../selectors/table-export';

interface Props {
  dataset: Dataset;
  /** The rows as displayed: filtered and sorted. */
  rows: readonly FieldRow[];
  /** The visible columns, in order. */
  columns: readonly FieldId[];
  rowsById: ReadonlyMap<string, FieldRow>;
}

/** Downloads of what is on screen (filtered, sorted, visible columns) and of everything. */
export function ExportMenu({ dataset, rows, columns, rowsById }: Props) {
  const { t, locale } = useT();
  const menu = useRef<HTMLDetailsElement>(null);
  // Each action closes the menu, as a menu item does.
  const run = (action: () => void) => () => {
    action();
    if (menu.current) menu.current.open = false;
  };
  const csvView = () => {
    const { header, body } = tableAsRows(rows, columns, t, dataset);
    downloadText('llm-wave_models_view.csv', toCsv(header, body), 'text/csv;charset=utf-8');
  };
  const csvAll = () => {
    const { header, body } = fullTableAsRows(dataset, rowsById, t);
    downloadText('llm-wave_models_all.csv', toCsv(header, body), 'text/csv;charset=utf-8');
  };
  const jsonView = () =>
    downloadText(
      'llm-wave_models_view.json',
      systemsAsJson(
        dataset,
        rows.map((r) => r.system),
        t('export.json-note', 'The systems shown in the explorer, in its order, with the sources they cite.'),
      ),
      'application/json',
    );
  const jsonAll = () => downloadText('llm-wave_dataset.json', datasetAsJson(dataset), 'application/json');
  return (
    <details className="facet export-menu" ref={menu}>
      <summary>{t('export.download', 'Download')}</summary>
      <div className="facet-panel facet-panel-right export-panel" role="group" aria-label={t('export.download', 'Download')}>
        <button type="button" onClick={run(csvView)} data-testid="download-csv-view">
          {t('export.csv-view', 'CSV — this view ({rows} rows)', { rows: formatInteger(rows.length, locale) })}
        </button>
        <button type="button" onClick={run(csvAll)} data-testid="download-csv-all">
          {t('export.csv-all', 'CSV — all systems, all columns')}
        </button>
        <button type="button" onClick={run(jsonView)} data-testid="download-json-view">
          {t('export.json-view', 'JSON — this view, with sources')}
        </button>
        <button type="button" onClick={run(jsonAll)} data-testid="download-json-all">
          {t('export.json-all', 'JSON — the full dataset')}
        </button>
      </div>
    </details>
  );
}
