import type { Dataset } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import { useViewFilters } from '../../store/view-filters';
import { useResultCount } from './result-count';

/**
 * The filter bar in one line of text ("Organization: OpenAI · 5 of 32 systems"), for where the bar
 * itself is not shown — an embedded panel, a presentation, a printout — so the panel still says what it shows.
 */
export function FilterSummaryLine({ dataset, className }: { dataset: Dataset; className?: string }) {
  const { t, locale } = useT();
  const filters = useViewFilters();
  const { text: resultCount } = useResultCount(dataset, filters);
  return (
    <p className={['filter-summary-line', className].filter(Boolean).join(' ')} data-testid="filter-summary-line">
      <span className="filter-summary-filters">{describeFilters(filters, dataset, t, locale)}</span>
      {' · '}
      <strong>{resultCount}</strong>
    </p>
  );
}
