import { useCallback, useMemo, useRef } from 'react';
import type { Dataset, System } from '../../data/schema';
import { formatEventDate } from '../../i18n/format';
import { kindLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { organizationName } from '../../selectors/organizations';
import { factValue } from '../../selectors/system-facts';
import { orderSystems, type SystemOrder } from '../../selectors/order-systems';
import { firstItems, MAX_CHIPS } from '../../selectors/mark-cap';
import { VIEW_SETTINGS } from '../../store/url-state';
import { selectFieldRows, type FieldCell } from '../../selectors/system-fields';
import { FieldCellView } from '../../components/fact/field-cell-view';
import { useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import { ExportMenu } from '../../components/chart-frame/export-menu';
import { useViewFilters } from '../../store/view-filters';
import { buildOverviewFigure, overviewCards } from './overview-figure';
import { SourceNote } from './source-note';

interface Props {
  dataset: Dataset;
}

/** The first view: headline figures of the filtered set and the systems in it. */
export function Overview({ dataset }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const selectedId = useAppStore((s) => s.selectedId);
  const order = useAppStore((s) => s.viewSettings.overviewOrder);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const ordered = useMemo(() => orderSystems(systems, order, (id) => organizationName(dataset, id)), [systems, order, dataset]);
  const cards = useMemo(() => overviewCards(dataset, systems, { t, tn, locale }), [dataset, systems, t, tn, locale]);
  const selected = selectedId ? dataset.systems.find((s) => s.id === selectedId) : undefined;
  const sectionRef = useRef<HTMLElement>(null);
  const title = t('overview.title', 'Overview');
  const figure = useCallback(
    (link: string) => buildOverviewFigure({ dataset, filters, order, link, translator: { t, tn, locale } }),
    [dataset, filters, order, t, tn, locale],
  );

  return (
    <section className="view overview" aria-labelledby="overview-title" ref={sectionRef}>
      <div className="view-head">
        <h2 id="overview-title">{title}</h2>
        <div className="toolbar">
          <ExportMenu
            panelId="overview"
            dataset={dataset}
            filters={filters}
            title={title}
            figure={figure}
            screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
          />
        </div>
      </div>
      <dl className="cards">
        {cards.map((card) => (
          <div className="card" data-testid={`card-${card.id}`} key={card.id}>
            <dt>{card.label}</dt>
            <dd className={card.small ? 'card-figure card-figure-small' : 'card-figure'}>{card.figure}</dd>
            {card.note && <dd className="card-note">{card.note}</dd>}
          </div>
        ))}
      </dl>
      <div className="subhead-row">
        <h3 className="subhead">{t('overview.in-view', 'Systems in view')}</h3>
        <label className="inline-control">
          <span>{t('overview.order', 'Order')}</span>
          <select
            value={order}
            onChange={(e) => setViewSetting('overviewOrder', e.target.value as SystemOrder)}
            data-testid="overview-order"
          >
            {VIEW_SETTINGS.overviewOrder.values.map((o) => (
              <option key={o} value={o}>
                {o === 'release'
                  ? t('overview.order.release', 'Release date')
                  : o === 'name'
                    ? t('overview.order.name', 'Name')
                    : t('overview.order.organization', 'Organization')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {systems.length === 0 ? (
        <p className="muted">{t('filters.empty', 'No systems match these filters.')}</p>
      ) : (
        <SystemChips systems={ordered} selectedId={selectedId} />
      )}
      {selected && <SelectedSystem system={selected} dataset={dataset} />}
      {selectedId && !selected && <p role="status">{t('overview.selected-missing', 'The selected system is not in this dataset.')}</p>}
      <SourceNote dataset={dataset} />
    </section>
  );
}

function SystemChips({ systems, selectedId }: { systems: System[]; selectedId: string | null }) {
  const { tn, locale } = useT();
  // A chip per system stops being readable (and fast) in the thousands: the first ones in the chosen order, then a count.
  const shown = useMemo(() => firstItems(systems, MAX_CHIPS, (s) => s.id, [selectedId]), [systems, selectedId]);
  const linkedMark = useLinkedMark();
  const hoveredId = useAppStore((s) => s.hoveredId);
  return (
    <>
      <ul className="system-chips" data-testid="systems-in-view">
        {shown.rows.map((s) => {
          const date = factValue(s.release);
          const cls = ['system-chip', s.id === selectedId && 'is-selected', s.id === hoveredId && 'is-hovered'].filter(Boolean).join(' ');
          return (
            <li key={s.id}>
              <button
                type="button"
                className={cls}
                data-system-id={s.id}
                {...linkedMark(s.id, { kind: 'button', pressed: s.id === selectedId })}
              >
                <span className="system-chip-name">{s.name}</span>
                <span className="system-chip-meta date">{date ? formatEventDate(date, locale) : '—'}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {shown.capped && (
        <p className="system-chips-more muted" data-testid="systems-in-view-more">
          {tn(
            'overview.chips-more',
            shown.total - shown.rows.length,
            '… and {count} more system; the explorer table and the CSV export list every one.',
            '… and {count} more systems; the explorer table and the CSV export list every one.',
          )}
        </p>
      )}
    </>
  );
}

function SelectedSystem({ system, dataset }: { system: System; dataset: Dataset }) {
  const { t, locale } = useT();
  const select = useAppStore((s) => s.select);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const names = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const row = selectFieldRows(dataset, locale, t).get(system.id);
  return (
    <article className="selected-system" aria-labelledby="selected-title" data-testid="selected-system">
      <header>
        <h3 id="selected-title">{system.name}</h3>
        <button type="button" className="link-button" onClick={() => select(null)}>
          {t('overview.deselect', 'Clear selection')}
        </button>
      </header>
      <p>{system.summary}</p>
      <dl className="facts">
        <dt>{t('field.organizations', 'Organization')}</dt>
        <dd>{row && <FieldCellView cell={row.organization} sourcesById={sourcesById} />}</dd>
        <dt>{t('field.kind', 'Kind')}</dt>
        <dd>{kindLabel(t, system.kind)}</dd>
        <dt>{t('field.release', 'Released')}</dt>
        <dd>{row && <FieldCellView cell={withReleaseMarks(row.release, system)} sourcesById={sourcesById} />}</dd>
        {system.parameters && (
          <>
            <dt>{t('field.parameters', 'Parameters')}</dt>
            <dd>{row && <FieldCellView cell={row.parameters} sourcesById={sourcesById} />}</dd>
          </>
        )}
        {system.baseModels.length > 0 && (
          <>
            <dt>{t('field.base-models', 'Built on')}</dt>
            <dd>
              {system.baseModels.map((b, i) => (
                <span key={b.id}>
                  {i > 0 && ', '}
                  <button type="button" className="link-button" onClick={() => select(b.id)}>
                    {names.get(b.id) ?? b.id}
                  </button>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}

/** The panel has room to say what the release date marks ("paper", "API beta"); the explorer's cell keeps that for its tooltip. */
function withReleaseMarks(cell: FieldCell, system: System): FieldCell {
  const marks = factValue(system.release)?.marks;
  return marks ? { ...cell, text: `${cell.text} (${marks})` } : cell;
}
