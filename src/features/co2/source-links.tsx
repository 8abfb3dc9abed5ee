import type { Source } from '../../data/schema';
import { SourceRef } from '../../components/fact/source-ref';

/** "[1] [2]": the sources of a figure as links opening in a new tab, titled on hover and focus. */
export function SourceLinks({ ids, sourcesById }: { ids: readonly string[]; sourcesById: ReadonlyMap<string, Source> }) {
  const sources = ids.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  if (sources.length === 0) return null;
  return (
    <span className="fact-sources">
      {sources.map((s, i) => (
        <SourceRef key={s.id} source={s} n={i + 1} tip={s.note ? `${s.title} — ${s.note}` : s.title} sourcesById={sourcesById} />
      ))}
    </span>
  );
}
