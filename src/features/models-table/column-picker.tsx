import { DEFAULT_VISIBLE_FIELDS, EXPLORER_COLUMNS, type FieldId } from '../../data/fields';
import { useT } from '../../i18n/use-t';
import { fieldLabel } from '../../selectors/system-fields';
import { useAppStore } from '../../store';

/** Shows or hides explorer columns; the choice lives in the URL (`cols=`). Name always shows. */
export function ColumnPicker({ visible }: { visible: readonly FieldId[] }) {
  const { t } = useT();
  const setVisibleColumns = useAppStore((s) => s.setVisibleColumns);
  const toggle = (id: FieldId) =>
    setVisibleColumns(
      visible.includes(id) ? visible.filter((c) => c !== id) : EXPLORER_COLUMNS.filter((f) => f === id || visible.includes(f)),
    );
  return (
    <details className="facet column-picker">
      <summary>{t('models-table.columns', 'Columns')}</summary>
      <fieldset className="facet-panel facet-panel-right">
        <legend className="visually-hidden">{t('models-table.columns', 'Columns')}</legend>
        {EXPLORER_COLUMNS.map((id) => (
          <label key={id} className="facet-option">
            <input type="checkbox" checked={visible.includes(id)} disabled={id === 'name'} onChange={() => toggle(id)} />
            <span className="facet-option-label">{fieldLabel(t, id)}</span>
          </label>
        ))}
        <button type="button" className="link-button reset-columns" onClick={() => setVisibleColumns([...DEFAULT_VISIBLE_FIELDS])}>
          {t('models-table.reset-columns', 'Default columns')}
        </button>
      </fieldset>
    </details>
  );
}
