import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { selectCitedSources } from '../../selectors/cited-sources';
import { useAppStore } from '../../store';
import { useViewFilters } from '../../store/view-filters';

/**
 * Printed only: the numbered list the [n] markers point to on paper, each source with its URL as
 * text. Printing every marker's URL beside it would bury the tables; one list keeps them readable.
 */
export function PrintSources({ dataset }: { dataset: Dataset }) {
  const { t } = useT();
  const filters = useViewFilters();
  const printing = useAppStore((s) => s.printing);
  // Built only for paper: on screen nothing of it is shown.
  const cited = useMemo(() => (printing ? selectCitedSources(dataset, filters) : []), [printing, dataset, filters]);
  return (
    <section className="print-only print-sources" aria-labelledby="print-sources-title" data-testid="print-sources">
      <h2 id="print-sources-title">{t('print.sources-title', 'Sources')}</h2>
      <p className="muted">{t('print.sources-note', 'The numbers in brackets in the printout refer to this list.')}</p>
      <ol>
        {cited.map(({ number, source }) => (
          <li key={source.id} value={number}>
            {source.title}
            {source.publisher && <> · {source.publisher}</>}
            {source.date && <> · {source.date}</>}
            {source.url && (
              <>
                {' '}
                · <span className="print-url">{source.url}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
