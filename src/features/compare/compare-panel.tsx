import { useCallback, useId, useMemo, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import type { Dataset } from '../../data/schema';
import { FIELD_IDS, MAX_COMPARE } from '../../data/fields';
import { AccessChip, FieldCellView } from '../../components/fact/field-cell-view';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { cellExportText, fieldLabel, NUMERIC_FIELDS, selectFieldRows, type FieldRow } from '../../selectors/system-fields';
import { ExportMenu } from '../../components/chart-frame/export-menu';
import { buildCompareFigure } from './compare-figure';
import './compare-panel.css';
import { useViewFilters } from '../../store/view-filters';
import { idSetOf } from '../../selectors/systems-by-id';

const COMPARED_FIELDS = FIELD_IDS.filter((f) => f !== 'name');
const ACCESS = new Set(['weights', 'trainingCode', 'datasetAccess']);

/** 2–4 systems side by side: one row per field, rows whose values differ are marked. */
export function ComparePanel({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const compareIds = useAppStore((s) => s.compareIds);
  const filters = useViewFilters();
  const selectedId = useAppStore((s) => s.selectedId);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setCompare = useAppStore((s) => s.setCompare);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  const rowsById = useMemo(() => selectFieldRows(dataset, locale, t), [dataset, locale, t]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const inView = useMemo(() => idSetOf(selectFilteredSystems(dataset, filters)), [dataset, filters]);
  const picked = compareIds.map((id) => rowsById.get(id)).filter((r): r is FieldRow => !!r);
  const outside = picked.filter((r) => !inView.has(r.system.id));
  const sectionRef = useRef<HTMLElement>(null);
  const title = t('compare.title', 'Compare side by side');
  const figure = useCallback(
    (link: string) => buildCompareFigure({ dataset, filters, compareIds, link, translator: { t, tn, locale } }),
    [dataset, filters, compareIds, t, tn, locale],
  );

  return (
    <section className="view compare" aria-labelledby="compare-title" data-testid="compare" ref={sectionRef}>
      <div className="view-head">
        <h2 id="compare-title">{title}</h2>
        <div className="toolbar">
          <AddToCompare dataset={dataset} picked={compareIds} />
          <ExportMenu
            panelId="compare"
            dataset={dataset}
            filters={filters}
            title={title}
            figure={figure}
            screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
          />
        </div>
      </div>
      {picked.length < 2 ? (
        <p className="muted" data-testid="compare-empty">
          {t('compare.empty', 'Pick 2–4 models to compare: tick them in the explorer, or add them by name.')}
          {picked.length === 1 && <> {t('compare.one-picked', '{system} is picked so far.', { system: picked[0].system.name })}</>}
        </p>
      ) : (
        <>
          {outside.length > 0 && (
            <p className="muted" role="status">
              {t('compare.outside', 'Outside the current filters, still compared: {names}.', {
                names: outside.map((r) => r.system.name).join(', '),
              })}
            </p>
          )}
          <div className="table-scroll compare-scroll">
            <table
              className="data-table compare-table"
              data-testid="compare-table"
              // A phone gives each system a column of its own width (see compare-panel.css).
              style={{ '--compare-systems': picked.length } as CSSProperties}
            >
              <thead>
                <tr>
                  <th scope="col">{t('compare.field', 'Field')}</th>
                  {picked.map((r) => (
                    <th scope="col" key={r.system.id} className={r.system.id === selectedId ? 'is-selected' : undefined}>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={r.system.id === selectedId}
                        onClick={() => toggleSelected(r.system.id)}
                      >
                        {r.system.name}
                      </button>{' '}
                      <button
                        type="button"
                        className="remove-pick"
                        onClick={() => toggleCompare(r.system.id)}
                        aria-label={t('compare.remove', 'Remove {system} from the comparison', { system: r.system.name })}
                      >
                        ×
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPARED_FIELDS.map((field) => {
                  const texts = picked.map((r) => cellExportText(r[field], t));
                  const differs = new Set(texts).size > 1;
                  return (
                    <tr key={field} className={differs ? 'differs' : undefined} data-field={field}>
                      <th scope="row">
                        {fieldLabel(t, field)}
                        {differs && (
                          <span className="differs-mark" title={t('compare.differs', 'values differ')}>
                            <span aria-hidden="true"> ≠</span>
                            <span className="visually-hidden"> ({t('compare.differs', 'values differ')})</span>
                          </span>
                        )}
                      </th>
                      {picked.map((r) => (
                        <td
                          key={r.system.id}
                          className={`${NUMERIC_FIELDS.has(field) ? 'is-numeric' : ''}${r.system.id === selectedId ? ' is-selected' : ''}`}
                        >
                          {ACCESS.has(field) ? (
                            <AccessChip cell={r[field]} label={fieldLabel(t, field)} sourcesById={sourcesById} />
                          ) : (
                            <FieldCellView cell={r[field]} sourcesById={sourcesById} />
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {picked.length > 0 && (
        <button type="button" className="link-button" onClick={() => setCompare([])}>
          {t('compare.clear', 'Clear the comparison')}
        </button>
      )}
    </section>
  );
}

const MAX_SUGGESTIONS_ALL = 300;
const MAX_SUGGESTIONS = 50;

function AddToCompare({ dataset, picked }: { dataset: Dataset; picked: string[] }) {
  const { t } = useT();
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const full = picked.length >= MAX_COMPARE;
  // A suggestion per system is thousands of <option>s at scale: past a few hundred, the first matches of what is typed.
  const suggestions = useMemo(() => {
    const all = dataset.systems.filter((s) => !picked.includes(s.id));
    if (all.length <= MAX_SUGGESTIONS_ALL) return all;
    const q = text.trim().toLocaleLowerCase();
    return (q ? all.filter((s) => s.name.toLocaleLowerCase().includes(q)) : all).slice(0, MAX_SUGGESTIONS);
  }, [dataset, picked, text]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = text.trim().toLocaleLowerCase();
    const match = dataset.systems.find((s) => s.name.toLocaleLowerCase() === wanted || s.id === wanted);
    if (!match) {
      setError(t('compare.not-found', 'No system is called “{query}”.', { query: text.trim() }));
      return;
    }
    if (!picked.includes(match.id)) toggleCompare(match.id);
    setText('');
    setError(null);
  };
  return (
    <form className="add-compare" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{t('compare.add-label', 'Add a model to compare')}</span>
        <input
          type="text"
          list={listId}
          value={text}
          disabled={full}
          placeholder={full ? t('compare.full', 'Four picked (the most)') : t('compare.add-placeholder', 'Add a model by name…')}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          data-testid="compare-add-input"
        />
      </label>
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.name} />
        ))}
      </datalist>
      <button type="submit" disabled={full || text.trim() === ''}>
        {t('compare.add', 'Add')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
