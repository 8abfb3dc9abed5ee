import { useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Dataset } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { kindLabel, modalityLabel, opennessLabel } from '../../i18n/labels';
import { formatInteger, formatMonth, type Locale } from '../../i18n/format';
import { getOrganizationIndex, organizationName } from '../../selectors/organizations';
import { useAppStore } from '../../store';
import {
  activeFilterCount,
  ANNOTATION_KINDS,
  isFiltering,
  kindsInView,
  MODALITY_CATEGORIES,
  OPENNESS_FACETS,
  SYSTEM_KINDS,
  type Filters,
  type ListFacet,
} from '../../store/filters-model';
import { baseOptionLabel } from '../../selectors/lineage';
import { selectBaseOptions, selectFacetCounts, selectOrganizations, selectReleaseMonths } from '../../selectors/filtered-systems';
import { FacetMenu, type FacetMenuOption } from './facet-menu';
import { useResultCount } from './result-count';

interface Props {
  dataset: Dataset;
}

export function FilterBar({ dataset }: Props) {
  const { t } = useT();
  const filters = useAppStore((s) => s.filters);
  const toggle = useAppStore((s) => s.toggleFilterValue);
  const setQuery = useAppStore((s) => s.setQuery);
  const setDateRange = useAppStore((s) => s.setDateRange);
  const clear = useAppStore((s) => s.clearFilters);

  const { shown, text: resultCount } = useResultCount(dataset, filters);
  // Papers and events the Kind filter leaves out: said beside the count, so a total is never silently smaller.
  const kindsShown = filters.kinds;
  const notCounted = useMemo(() => {
    const inKinds = new Set(kindsInView({ kinds: kindsShown }));
    return dataset.systems.reduce((n, s) => (ANNOTATION_KINDS.includes(s.kind) && !inKinds.has(s.kind) ? n + 1 : n), 0);
  }, [dataset, kindsShown]);
  const months = useMemo(() => selectReleaseMonths(dataset), [dataset]);
  const labelled = useFacetLabels(dataset);
  // The counts follow with the views (from the deferred filters, in the same background render); the
  // ticks follow the click at once. Counting walks every system per facet, so it stays out of the
  // click's first task.
  const countedFilters = useDeferredValue(filters);
  const counts = useMemo(() => {
    const out = {} as Record<ListFacet, Map<string, number>>;
    for (const facet of Object.keys(labelled) as ListFacet[]) out[facet] = selectFacetCounts(dataset, countedFilters, facet);
    return out;
  }, [dataset, countedFilters, labelled]);
  // Per facet: a click re-renders the filter bar at once with the new ticks, and only the facet
  // clicked gets new options then (the counts, and so every facet, follow in the deferred render).
  const facetOptions: Record<ListFacet, FacetMenuOption[]> = {
    organizations: useFacetOptions(labelled.organizations, counts.organizations, filters.organizations),
    bases: useFacetOptions(labelled.bases, counts.bases, filters.bases),
    modalities: useFacetOptions(labelled.modalities, counts.modalities, filters.modalities),
    openness: useFacetOptions(labelled.openness, counts.openness, filters.openness),
    kinds: useFacetOptions(labelled.kinds, counts.kinds, filters.kinds),
  };

  // One toggle per facet for the life of the bar, so the menus' options can skip re-rendering.
  const onToggle = useMemo(() => {
    const of = (facet: ListFacet) => (value: string) => toggle(facet, value);
    return {
      organizations: of('organizations'),
      bases: of('bases'),
      modalities: of('modalities'),
      openness: of('openness'),
      kinds: of('kinds'),
    };
  }, [toggle]);

  const filtering = isFiltering(filters);
  const countHint = t('filters.count-hint', 'How many systems the filters would leave with this option');
  const empty = t('filters.no-options', 'Nothing to choose');

  // A phone shows one "Filters (n)" button (the count and Clear beside it); the controls open under
  // the band as a sheet. On a wider screen the button is hidden and the controls are one row (app.css).
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  // Escape closes the sheet, unless it is closing a menu inside it (checked before the menu closes).
  // In the search box with text, Escape clears the text (the browser does); the next one closes.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'search' && e.target.value) return;
    if (e.key === 'Escape' && open && !e.currentTarget.querySelector('details[open]')) close();
  };

  return (
    <section className={`filter-bar${open ? ' is-open' : ''}`} aria-label={t('filters.region', 'Filters')}>
      <button
        type="button"
        className="filters-toggle"
        ref={toggleRef}
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-toggle"
      >
        {t('filters.toggle', 'Filters ({active})', { active: activeFilterCount(filters) })}
      </button>
      <div className="filter-body" id={bodyId} onKeyDownCapture={onKeyDownCapture}>
        <div className="filter-sheet-head">
          <strong>{t('filters.region', 'Filters')}</strong>
          <button type="button" className="filter-sheet-close" onClick={close}>
            {t('filters.done', 'Done')}
          </button>
        </div>
        <div className="filter-row">
          <label className="search">
            <span className="visually-hidden">{t('filters.search', 'Search')}</span>
            <input
              type="search"
              value={filters.query}
              placeholder={t('filters.search-placeholder', 'Search models, organizations…')}
              maxLength={200}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <FacetMenu
            label={t('filters.organization', 'Organization')}
            options={facetOptions.organizations}
            onToggle={onToggle.organizations}
            countHint={countHint}
            emptyText={empty}
          />
          <FacetMenu
            label={t('filters.base-model', 'Base model')}
            options={facetOptions.bases}
            onToggle={onToggle.bases}
            countHint={countHint}
            emptyText={empty}
          />
          <FacetMenu
            label={t('filters.modality', 'Modality')}
            options={facetOptions.modalities}
            onToggle={onToggle.modalities}
            countHint={countHint}
            emptyText={empty}
          />
          <FacetMenu
            label={t('filters.openness', 'Openness')}
            options={facetOptions.openness}
            onToggle={onToggle.openness}
            countHint={countHint}
            emptyText={empty}
          />
          <FacetMenu
            label={t('filters.kind', 'Kind')}
            options={facetOptions.kinds}
            onToggle={onToggle.kinds}
            countHint={countHint}
            emptyText={empty}
          />
          <fieldset className="date-range">
            <legend className="visually-hidden">{t('filters.release-range', 'Release date range')}</legend>
            <MonthSelect
              label={t('filters.from', 'From')}
              value={filters.dateFrom}
              months={months}
              onChange={(m) => setDateRange(m, filters.dateTo)}
            />
            <MonthSelect
              label={t('filters.to', 'To')}
              value={filters.dateTo}
              months={months}
              onChange={(m) => setDateRange(filters.dateFrom, m)}
            />
          </fieldset>
        </div>
        <div className="filter-summary">
          <ActiveChips filters={filters} labelled={labelled} />
        </div>
      </div>
      <p className="result-summary">
        <output className="result-count" aria-live="polite" data-testid="result-count">
          {resultCount}
        </output>
        {notCounted > 0 && (
          <>
            {' '}
            <NotCountedNote count={notCounted} />
          </>
        )}
      </p>
      {/* Short on screen (the row is full); its name says what it clears. */}
      <button
        type="button"
        className="clear-all"
        onClick={clear}
        disabled={!filtering}
        aria-label={t('filters.clear-all', 'Clear all filters')}
      >
        {t('filters.clear', 'Clear')}
      </button>
      {shown === 0 && (
        <p className="empty-result" role="status">
          {t('filters.empty', 'No systems match these filters.')}{' '}
          <button type="button" className="link-button" onClick={clear}>
            {t('filters.clear-all', 'Clear all filters')}
          </button>
        </p>
      )}
    </section>
  );
}

/**
 * Papers and events the Kind filter leaves out, beside the count: short in the row ("+4 not
 * counted"), the whole sentence on hover and focus, and read out with it.
 */
function NotCountedNote({ count }: { count: number }) {
  const { t, tn, locale } = useT();
  const full = tn(
    'filters.not-counted',
    count,
    '(+{count} paper or event, not counted: tick it under Kind)',
    '(+{count} papers and events, not counted: tick them under Kind)',
  );
  return (
    <span className="result-count-note" data-testid="result-count-not-counted" tabIndex={0} data-tip={full}>
      <span aria-hidden="true">
        {t('filters.not-counted-short', '(+{excluded} not counted)', { excluded: formatInteger(count, locale) })}
      </span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}

function MonthSelect({
  label,
  value,
  months,
  onChange,
}: {
  label: string;
  value: string | null;
  months: string[];
  onChange: (month: string | null) => void;
}) {
  const { t, locale } = useT();
  // The same elements on every render, so React skips them: a filter click re-renders this select,
  // and Epoch's file spans hundreds of months (each formatted, in two selects).
  const options = useMemo(
    () =>
      months.map((m) => (
        <option key={m} value={m}>
          {formatMonth(m, locale)}
        </option>
      )),
    [months, locale],
  );
  return (
    <label>
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('filters.any-date', 'Any')}</option>
        {options}
      </select>
    </label>
  );
}

type Labelled = Record<ListFacet, Omit<FacetMenuOption, 'count' | 'selected' | 'included'>[]>;

function useFacetOptions(labelled: Labelled[ListFacet], counts: Map<string, number>, wanted: readonly string[]): FacetMenuOption[] {
  return useMemo(() => {
    const selected = new Set(wanted);
    // In a tree, an option under a ticked one is included through it (list order: parents first).
    const ticked: boolean[] = [];
    return labelled.map((option) => {
      const depth = option.depth ?? 0;
      ticked.length = depth;
      const included = ticked.some(Boolean);
      const isSelected = selected.has(option.value);
      ticked[depth] = isSelected || included;
      return { ...option, count: counts.get(option.value) ?? 0, selected: isSelected, included: included && !isSelected };
    });
  }, [labelled, counts, wanted]);
}

/** The organizations as a tree: each top-level one, then its children, with their other names for the find box. */
function organizationOptions(dataset: Dataset, locale: Locale): Labelled['organizations'] {
  const index = getOrganizationIndex(dataset);
  return selectOrganizations(dataset).map(({ id, depth }) => {
    const record = index.byId.get(id);
    const parent = record?.parent;
    return {
      value: id,
      label: organizationName(dataset, id, locale),
      depth,
      parentLabel: parent !== undefined && depth > 0 ? organizationName(dataset, parent, locale) : undefined,
      keywords: record ? [record.name.en, record.name.zh ?? '', ...record.aliases].join(' ') : undefined,
    };
  });
}

function useFacetLabels(dataset: Dataset): Labelled {
  const { t, locale } = useT();
  return useMemo(
    () => ({
      organizations: organizationOptions(dataset, locale),
      bases: selectBaseOptions(dataset).map((o) => ({ value: o.id, label: baseOptionLabel(o, locale) })),
      modalities: MODALITY_CATEGORIES.map((m) => ({ value: m, label: modalityLabel(t, m) })),
      openness: OPENNESS_FACETS.map((o) => ({ value: o, label: opennessLabel(t, o) })),
      kinds: SYSTEM_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) })),
    }),
    [dataset, t, locale],
  );
}

function ActiveChips({ filters, labelled }: { filters: Filters; labelled: Labelled }) {
  const { t, locale } = useT();
  const toggle = useAppStore((s) => s.toggleFilterValue);
  const setDateRange = useAppStore((s) => s.setDateRange);
  const setQuery = useAppStore((s) => s.setQuery);
  const chips: { key: string; label: string; remove: () => void }[] = [];
  for (const facet of Object.keys(labelled) as ListFacet[]) {
    for (const value of filters[facet] as string[]) {
      const label = labelled[facet].find((o) => o.value === value)?.label ?? value;
      chips.push({ key: `${facet}:${value}`, label, remove: () => toggle(facet, value) });
    }
  }
  if (filters.dateFrom || filters.dateTo) {
    const from = filters.dateFrom ? formatMonth(filters.dateFrom, locale) : '…';
    const to = filters.dateTo ? formatMonth(filters.dateTo, locale) : '…';
    chips.push({ key: 'date', label: `${from} – ${to}`, remove: () => setDateRange(null, null) });
  }
  if (filters.query.trim()) chips.push({ key: 'q', label: `“${filters.query.trim()}”`, remove: () => setQuery('') });
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('filters.active', 'Active filters')}>
      {chips.map((c) => (
        <li key={c.key}>
          <button
            type="button"
            className="chip"
            onClick={c.remove}
            aria-label={t('filters.remove', 'Remove filter {filter}', { filter: c.label })}
          >
            {c.label} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
