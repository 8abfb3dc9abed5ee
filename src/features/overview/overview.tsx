import { useMemo, useRef } from 'react';
import type { Dataset, System } from '../../data/schema';
import { formatEventDate, formatInteger, formatPercent } from '../../i18n/format';
import { kindCountsText, kindLabel } from '../../i18n/labels';
import { countKinds } from '../../selectors/kind-counts';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { buildOverviewStats } from '../../selectors/overview-stats';
import { getOrganizationIndex, organizationName, organizationNames } from '../../selectors/organizations';
import { factValue } from '../../selectors/system-facts';
import { orderSystems, type SystemOrder } from '../../selectors/order-systems';
import { firstItems, MAX_CHIPS } from '../../selectors/mark-cap';
import { VIEW_SETTINGS } from '../../store/url-state';
import { selectFieldRows, type FieldCell } from '../../selectors/system-fields';
import { FieldCellView } from '../../components/fact/field-cell-view';
import { useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import { TableExportMenu } from '../../components/chart-frame/table-export-menu';
import { textOf } from '../../components/chart-frame/export-menu';
import { useViewFilters } from '../../store/view-filters';
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
  const ordered = useMemo(
    () => orderSystems(systems, order, dataset.systems, (id) => organizationName(dataset, id)),
    [systems, order, dataset],
  );
  const stats = useMemo(() => buildOverviewStats(systems, getOrganizationIndex(dataset).topLevelOf), [systems, dataset]);
  const kinds = useMemo(() => countKinds(systems), [systems]);
  const selected = selectedId ? dataset.systems.find((s) => s.id === selectedId) : undefined;
  const span = stats.releaseSpan;
  const firstDate = span && factValue(span.first.release);
  const lastDate = span && factValue(span.last.release);
  const sectionRef = useRef<HTMLElement>(null);
  const title = t('overview.title', 'Overview');
  const systemColumns = [
    t('field.name', 'Name'),
    t('field.organizations', 'Organization'),
    t('field.release', 'Released'),
    t('field.kind', 'Kind'),
  ];
  const systemRows = () =>
    ordered.map((s) => {
      const date = factValue(s.release);
      return [s.name, organizationNames(dataset, s, locale), date ? formatEventDate(date, locale) : '—', kindLabel(t, s.kind)];
    });
  // The headline cards as they read on screen: label, figure, note.
  const cardsTable = () => {
    const cards = [...(sectionRef.current?.querySelectorAll('.cards .card') ?? [])];
    return {
      columns: [t('overview.figure', 'Figure'), t('overview.value', 'Value'), t('overview.note', 'Note')],
      rows: cards.map((card) => [
        textOf(card, 'dt').join(' '),
        textOf(card, '.card-figure').join(' '),
        textOf(card, '.card-note').join(' '),
      ]),
    };
  };

  return (
    <section className="view overview" aria-labelledby="overview-title" ref={sectionRef}>
      <div className="view-head">
        <h2 id="overview-title">{title}</h2>
        <div className="toolbar">
          <TableExportMenu
            panelId="overview"
            dataset={dataset}
            sectionRef={sectionRef}
            title={title}
            tables={() => [
              cardsTable(),
              ...(ordered.length > 0
                ? [{ caption: t('overview.in-view', 'Systems in view'), columns: systemColumns, rows: systemRows() }]
                : []),
            ]}
            notes={() => (sectionRef.current ? textOf(sectionRef.current, ':scope > .source-note') : [])}
            csv={() => ({ columns: systemColumns, rows: systemRows() })}
          />
        </div>
      </div>
      <dl className="cards">
        <div className="card" data-testid="card-models">
          <dt>{t('overview.models', 'Models')}</dt>
          <dd className="card-figure">{formatInteger(stats.models, locale)}</dd>
          <dd className="card-note">{t('overview.kinds-note', 'In view: {kinds}', { kinds: kindCountsText(tn, kinds) })}</dd>
        </div>
        <div className="card" data-testid="card-organizations">
          <dt>{t('overview.organizations', 'Organizations')}</dt>
          <dd className="card-figure">{formatInteger(stats.organizations, locale)}</dd>
          <dd className="card-note">{t('overview.organizations-note', 'Top-level organizations of what is in view')}</dd>
        </div>
        <div className="card" data-testid="card-span">
          <dt>{t('overview.release-span', 'Release span')}</dt>
          {span && firstDate && lastDate ? (
            <>
              <dd className="card-figure card-figure-small">
                {formatEventDate(firstDate, locale)} – {formatEventDate(lastDate, locale)}
              </dd>
              <dd className="card-note">
                {span.first.name} → {span.last.name}
                {stats.undatedCount > 0 && (
                  <> · {tn('overview.undated', stats.undatedCount, '{count} without a known date', '{count} without a known date')}</>
                )}
              </dd>
            </>
          ) : (
            <dd className="card-figure card-figure-small">{t('overview.no-dates', 'No known dates')}</dd>
          )}
        </div>
        <div className="card" data-testid="card-open-weights">
          <dt>{t('overview.open-weights', 'Open-weights share')}</dt>
          {stats.openWeights.known > 0 ? (
            <>
              <dd className="card-figure">{formatPercent(stats.openWeights.open / stats.openWeights.known, locale)}</dd>
              <dd className="card-note">
                {t('overview.open-weights-note', '{open} of {known} models whose weights status is known', {
                  open: formatInteger(stats.openWeights.open, locale),
                  known: formatInteger(stats.openWeights.known, locale),
                })}
              </dd>
            </>
          ) : (
            <dd className="card-figure card-figure-small">{t('overview.no-models', 'No models in view')}</dd>
          )}
        </div>
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
                <span className="system-chip-meta">{date ? formatEventDate(date, locale) : '—'}</span>
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
