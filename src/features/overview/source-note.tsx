import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatEventDate, formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { countFigureGrades } from '../../selectors/figure-grades';
import { DateText } from '../../components/fact/date-text';

/**
 * The overview's footer: where the data comes from and how well each figure is sourced — how
 * many rest on a primary source, on Epoch AI's database, or only on a secondary copy — counted,
 * not claimed.
 */
export function SourceNote({ dataset }: { dataset: Dataset }) {
  const { t, locale } = useT();
  const grades = useMemo(() => countFigureGrades(dataset), [dataset]);
  const n = (v: number) => formatInteger(v, locale);
  return (
    <p className="source-note" data-testid="overview-source-note">
      <DateText
        text={t('overview.source-note-talk', 'Source: the talk “{talkTitle}” ({date}).', {
          talkTitle: dataset.meta.talk.title,
          date: formatEventDate({ date: dataset.meta.talk.date, precision: 'day' }, locale),
        })}
      />{' '}
      <span data-testid="figure-grades">
        {t(
          'overview.figure-grades',
          'Of {total} figures, {primary} come from primary sources, {epoch} from Epoch AI’s database and {secondary} from secondary sources only.',
          { total: n(grades.total), primary: n(grades.primary), epoch: n(grades.epoch), secondary: n(grades.secondary) },
        )}
        {grades.imported > 0 && (
          <> {t('overview.figure-grades-imported', '{imported} come from imported files.', { imported: n(grades.imported) })}</>
        )}
      </span>{' '}
      <DateText
        text={t('overview.as-of', 'Data as of {date}.', { date: formatEventDate({ date: dataset.meta.asOf, precision: 'day' }, locale) })}
      />
    </p>
  );
}
