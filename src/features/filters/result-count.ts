import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatInteger } from '../../i18n/format';
import { kindCountsText } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { selectFilteredSystems, selectTotalInScope } from '../../selectors/filtered-systems';
import { countKinds } from '../../selectors/kind-counts';
import type { Filters } from '../../store/filters-model';

/**
 * The result count the filter bar and its one-line summary both show: "28 of 28: 26 models · 2 apps/libraries"
 * (what is in view, of the systems the Kind filter counts, by kind). `shown` is the number in view.
 */
export function useResultCount(dataset: Dataset, filters: Filters): { shown: number; text: string } {
  const { t, tn, locale } = useT();
  const inView = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const total = useMemo(() => selectTotalInScope(dataset, filters), [dataset, filters]);
  const kinds = useMemo(() => countKinds(inView), [inView]);
  const text = t('filters.n-of-m-kinds', '{shown} of {total}: {kinds}', {
    shown: formatInteger(inView.length, locale),
    total: formatInteger(total, locale),
    kinds: kindCountsText(tn, kinds),
  });
  return { shown: inView.length, text };
}
