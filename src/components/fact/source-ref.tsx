import type { Source } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { sourceNumber } from '../../selectors/source-number';

/**
 * One "[n]" source reference: a link opening in a new tab, numbered for print, with `tip` shown on
 * hover and focus. An imported file has no address: its reference is plain text, never a link.
 */
export function SourceRef({
  source,
  n,
  tip,
  sourcesById,
}: {
  source: Source;
  n: number;
  tip: string;
  sourcesById: ReadonlyMap<string, Source>;
}) {
  const { t } = useT();
  const props = {
    className: `source-link grade-${source.grade}`,
    'data-ref': sourceNumber(sourcesById, source.id),
    'data-tip': tip,
    'aria-label': t('fact.source-link', 'Source {number}: {source}', { number: n, source: source.title }),
  };
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer" {...props}>
      [{n}]
    </a>
  ) : (
    <span {...props}>[{n}]</span>
  );
}
