import type { Source } from '../../data/schema';
import type { FieldCell, TalkNote } from '../../selectors/system-fields';
import { useT } from '../../i18n/use-t';
import { DateText } from './date-text';
import { SourceRef } from './source-ref';
import './field-cell-view.css';

interface Props {
  cell: FieldCell;
  sourcesById: ReadonlyMap<string, Source>;
  /** Hide the [n] source links (e.g. in the compact name column). */
  hideSources?: boolean;
  /**
   * One line per value, cut with an ellipsis where the column is narrower (the explorer): a long
   * value then says all of itself on hover and keyboard focus.
   */
  clip?: boolean;
}

/** Shorter values fit any clipped column; longer ones may be cut, so they carry their whole text. */
const CLIP_AFTER = 14;

/**
 * A field value as a reader should see it: estimates styled apart with an "est." mark that
 * explains itself on hover and focus; "not disclosed"/"unknown" as words, never 0; the talk's
 * claims beside it (agreeing, differing or unverified); other dates and the venue under it; the
 * sources as links opening in a new tab.
 * `.cell-main`'s text is exactly what the CSV export writes for the cell.
 */
export function FieldCellView({ cell, sourcesById, hideSources, clip }: Props) {
  const { t } = useT();
  const sources = hideSources ? [] : cell.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  const missing = cell.status === 'not-disclosed' || cell.status === 'unknown';
  const detail = missing || cell.status === 'reported' ? cell.detail : undefined;
  const long = clip && (cell.text.length > CLIP_AFTER || (cell.also ?? []).some((a) => a.text.length > CLIP_AFTER));
  const tip = long ? [cell.text, ...(cell.also ?? []).map((a) => a.text), detail].filter(Boolean).join('\n') : detail;
  const main = (
    <span className="cell-main" data-tip={tip} tabIndex={long ? 0 : undefined}>
      <span className={cell.status === 'estimated' ? 'cell-text is-estimate' : missing ? 'cell-text fact-missing' : 'cell-text'}>
        <DateText text={cell.text} />
      </span>
      {cell.status === 'estimated' && (
        <>
          {' '}
          <abbr
            className="badge badge-estimate"
            tabIndex={0}
            data-tip={cell.detail ?? t('fact.estimated-generic', 'An estimate, not a reported figure')}
          >
            {t('fact.estimated', 'est.')}
          </abbr>
        </>
      )}
    </span>
  );
  const sourceLinks = sources.length > 0 && (
    <span className="fact-sources">
      {sources.map((s, i) => (
        <SourceRef key={s.id} source={s} n={i + 1} tip={`${s.title} (${gradeLabel(t, s.grade)})`} sourcesById={sourcesById} />
      ))}
    </span>
  );
  return (
    <span className={`cell cell-${cell.status}${clip ? ' is-clip' : ''}`}>
      {/* Clipped: the value and its sources keep one line; the talk's word and other dates go under it. */}
      {clip ? (
        <span className="cell-line">
          {main}
          {sourceLinks}
        </span>
      ) : (
        main
      )}
      <TalkMarks talks={cell.talks} />
      {!clip && sourceLinks}
      {cell.also?.map((a) => (
        <span key={a.text} className="cell-also">
          {a.text}
          {a.talk && <TalkMarks talks={[a.talk]} />}
        </span>
      ))}
    </span>
  );
}

/**
 * What the talk says about a value, beside it: "✓ talk: …" where it agrees, "⚠ talk says: …"
 * where it differs or could not be checked. The note (why) shows on hover and focus, and is read out.
 */
export function TalkMarks({ talks }: { talks: readonly TalkNote[] | undefined }) {
  const { t } = useT();
  if (!talks || talks.length === 0) return null;
  return talks.map((talk) => {
    const quote = talk.gloss ? `${talk.text} (${talk.gloss})` : talk.text;
    const label =
      talk.relation === 'agrees'
        ? t('fact.talk-agrees', '✓ talk: {quote}', { quote })
        : talk.relation === 'differs'
          ? t('fact.talk-differs', '⚠ talk says: {quote}', { quote })
          : t('fact.talk-unverified', '⚠ talk says {quote} (unverified)', { quote });
    const tip =
      talk.note ??
      (talk.relation === 'agrees'
        ? t('fact.talk-agrees-tip', 'The talk says the same as the source.')
        : t('fact.talk-differs-tip', 'The talk states this differently from the source.'));
    return (
      <span
        key={`${talk.relation}:${talk.text}`}
        className={talk.relation === 'agrees' ? 'talk-mark talk-agrees' : `talk-mark talk-diff talk-${talk.relation}`}
        tabIndex={0}
        data-tip={tip}
      >
        {label}
        {talk.note && <span className="visually-hidden"> — {talk.note}</span>}
      </span>
    );
  });
}

function gradeLabel(t: (k: string, e: string) => string, grade: Source['grade']): string {
  switch (grade) {
    case 'primary':
      return t('source.primary', 'primary source');
    case 'epoch':
      return t('source.epoch', 'Epoch AI database');
    case 'imported':
      return t('source.imported', 'imported file');
    case 'secondary':
      return t('source.secondary', 'secondary source');
  }
}

/** Weights / code / data availability as a compact chip linked to its source. */
export function AccessChip({ cell, label, sourcesById }: { cell: FieldCell; label: string; sourcesById: ReadonlyMap<string, Source> }) {
  const { t } = useT();
  // The visible words are the cell's own text ("public" / "not public"), the same as the CSV.
  if (cell.available === undefined) {
    return (
      <>
        <span className="access-chip is-unknown" data-tip={cell.detail} aria-label={`${label}: ${cell.text}`}>
          <span className="cell-text">{cell.text}</span>
        </span>
        <TalkMarks talks={cell.talks} />
      </>
    );
  }
  const source = cell.sources.map((id) => sourcesById.get(id)).find((s): s is Source => !!s);
  const body = (
    <>
      <span aria-hidden="true">{cell.available ? '✓' : '✗'}</span> <span className="visually-hidden">{label}: </span>
      <span className="cell-text">{cell.text}</span>
      {cell.status === 'estimated' && (
        <>
          {' '}
          <abbr className="badge badge-estimate">{t('fact.estimated', 'est.')}</abbr>
        </>
      )}
    </>
  );
  const cls = `access-chip ${cell.available ? 'is-open' : 'is-closed'}${cell.status === 'estimated' ? ' is-estimate' : ''}`;
  return (
    <>
      {source?.url ? (
        <a className={cls} href={source.url} target="_blank" rel="noopener noreferrer" data-tip={cell.detail}>
          {body}
        </a>
      ) : (
        <span className={cls} data-tip={cell.detail}>
          {body}
        </span>
      )}
      <TalkMarks talks={cell.talks} />
    </>
  );
}
