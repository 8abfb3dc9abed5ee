import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems, selectTotalInScope } from '../../selectors/filtered-systems';
import { countKinds } from '../../selectors/kind-counts';
import { kindCountsText } from '../../i18n/labels';
import { useViewFilters } from '../../store/view-filters';

/**
 * The filter bar in one line of text ("Organization: OpenAI · 5 of 32 systems"), for where the bar
 * itself is not shown — an embedded panel, a presentation, a printout — so the panel still says what it shows.
 */
export function FilterSummaryLine({ dataset, className }: { dataset: Dataset; className?: string }) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const inView = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const total = useMemo(() => selectTotalInScope(dataset, filters), [dataset, filters]);
  return (
    <p className={['filter-summary-line', className].filter(Boolean).join(' ')} data-testid="filter-summary-line">
      <span className="filter-summary-filters">{describeFilters(filters, dataset, t, locale)}</span>
      {' · '}
      <strong>
        {t('filters.n-of-m-kinds', '{shown} of {total}: {kinds}', {
          shown: formatInteger(inView.length, locale),
          total: formatInteger(total, locale),
          kinds: kindCountsText(tn, countKinds(inView)),
        })}
      </strong>
    </p>
  );
}
