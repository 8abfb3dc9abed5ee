import type { Source } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { sourceNumber } from '../../components/fact/source-number';

/** "[1] [2]": the sources of a figure as links opening in a new tab, titled on hover and focus. */
export function SourceLinks({ ids, sourcesById }: { ids: readonly string[]; sourcesById: ReadonlyMap<string, Source> }) {
  const { t } = useT();
  const sources = ids.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  if (sources.length === 0) return null;
  return (
    <span className="fact-sources">
      {sources.map((s, i) => {
        const props = {
          className: `source-link grade-${s.grade}`,
          'data-ref': sourceNumber(sourcesById, s.id),
          'data-tip': s.note ? `${s.title} — ${s.note}` : s.title,
          'aria-label': t('fact.source-link', 'Source {n}: {title}', { n: i + 1, title: s.title }),
        };
        // An imported file has no address: its reference is plain text, never a link.
        return s.url ? (
          <a key={s.id} href={s.url} target="_blank" rel="noopener noreferrer" {...props}>
            [{i + 1}]
          </a>
        ) : (
          <span key={s.id} {...props}>
            [{i + 1}]
          </span>
        );
      })}
    </span>
  );
}
