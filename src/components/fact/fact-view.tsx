import type { ReactNode } from 'react';
import type { Fact, Source } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { sourceNumber } from './source-number';

interface Props<T> {
  fact: Fact<T> | undefined;
  /** Formats the value (already localised by the caller). */
  format: (value: T) => ReactNode;
  sourcesById: ReadonlyMap<string, Source>;
}

/**
 * One fact as a reader should see it: the value, styled apart when it is an estimate; "not
 * disclosed" and "unknown" as words, never a 0; the talk's differing claim beside it; and links
 * to the sources.
 */
export function FactView<T>({ fact, format, sourcesById }: Props<T>) {
  const { t } = useT();
  if (!fact) return <span className="fact fact-na">—</span>;
  const sources = 'sources' in fact ? fact.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s) : [];
  let body: ReactNode;
  switch (fact.status) {
    case 'reported':
      body = <span className="fact-value">{format(fact.value)}</span>;
      break;
    case 'estimated':
      body = (
        <span className="fact-value is-estimate" title={fact.method}>
          {format(fact.value)}{' '}
          <abbr className="badge badge-estimate" title={t('fact.estimated-title', 'Estimate: {method}', { method: fact.method })}>
            {t('fact.estimated', 'est.')}
          </abbr>
        </span>
      );
      break;
    case 'not-disclosed':
      body = <span className="fact-missing">{t('fact.not-disclosed', 'not disclosed')}</span>;
      break;
    case 'unknown':
      body = (
        <span className="fact-missing" title={fact.note}>
          {t('fact.unknown', 'unknown (no source found)')}
        </span>
      );
      break;
  }
  return (
    <span className={`fact fact-${fact.status}`}>
      {body}
      {fact.talk && fact.talk.relation !== 'agrees' && (
        <span className="talk-diff" tabIndex={0} title={fact.talk.note ?? ''}>
          {fact.talk.relation === 'differs'
            ? t('fact.talk-differs', '⚠ talk says: {text}', { text: fact.talk.text })
            : t('fact.talk-unverified', '⚠ talk says {text} (unverified)', { text: fact.talk.text })}
        </span>
      )}
      {sources.length > 0 && (
        <span className="fact-sources">
          {sources.map((s, i) =>
            // An imported file has no address: its reference is plain text, never a link.
            s.url ? (
              <a
                key={s.id}
                href={s.url}
                target="_blank"
                rel="noopener noreferrer"
                title={s.title}
                className={`source-link grade-${s.grade}`}
                data-ref={sourceNumber(sourcesById, s.id)}
              >
                [{i + 1}]
              </a>
            ) : (
              <span key={s.id} title={s.title} className={`source-link grade-${s.grade}`} data-ref={sourceNumber(sourcesById, s.id)}>
                [{i + 1}]
              </span>
            ),
          )}
        </span>
      )}
    </span>
  );
}
