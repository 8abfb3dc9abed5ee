import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { useViewFilters } from '../../store/view-filters';

/**
 * The filter bar in one line of text ("Organization: OpenAI · 5 of 32 systems"), for where the bar
 * itself is not shown — an embedded panel, a presentation, a printout — so the panel still says what it shows.
 */
export function FilterSummaryLine({ dataset, className }: { dataset: Dataset; className?: string }) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const shown = useMemo(() => selectFilteredSystems(dataset, filters).length, [dataset, filters]);
  const total = dataset.systems.length;
  return (
    <p className={['filter-summary-line', className].filter(Boolean).join(' ')} data-testid="filter-summary-line">
      <span className="filter-summary-filters">{describeFilters(filters, dataset, t, locale)}</span>
      {' · '}
      <strong>
        {tn('filters.n-of-m', total, '{shown} of {total} system', '{shown} of {total} systems', {
          shown: formatInteger(shown, locale),
          total: formatInteger(total, locale),
        })}
      </strong>
    </p>
  );
}
