import type { RowProblem } from '../../import/types';
import { translateImportText } from '../../import/import-text';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

/** Long lists show this many entries and say how many more there are. */
export const SHOWN_PROBLEMS = 100;

export function MoreLine({ hidden }: { hidden: number }) {
  const { t, locale } = useT();
  if (hidden <= 0) return null;
  return <p className="muted import-more">{t('import.and-more', 'and {more} more', { more: formatInteger(hidden, locale) })}</p>;
}

/** Rows of the file that were rejected, or values dropped from rows that were kept. */
export function RowProblemTable({ title, problems, testId }: { title: string; problems: RowProblem[]; testId: string }) {
  const { t, locale } = useT();
  if (problems.length === 0) return null;
  return (
    <section className="import-section" data-testid={testId}>
      <h4>
        {title} <span className="import-count">({formatInteger(problems.length, locale)})</span>
      </h4>
      <div className="import-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{t('import.col-row', 'Row')}</th>
              <th scope="col">{t('import.col-field', 'Field')}</th>
              <th scope="col">{t('import.col-reason', 'Reason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <tr key={i}>
                <td className="num">{formatInteger(p.row, locale)}</td>
                <td>
                  <code>{p.field || '—'}</code>
                </td>
                <td>{translateImportText(t, p.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreLine hidden={problems.length - SHOWN_PROBLEMS} />
    </section>
  );
}

/** Plain messages (an import that failed validation when applied). */
export function ProblemList({ problems }: { problems: string[] }) {
  const { t } = useT();
  if (problems.length === 0) return null;
  return (
    <>
      <ul className="import-problems" data-testid="import-problems">
        {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
          <li key={i}>{translateImportText(t, p)}</li>
        ))}
      </ul>
      <MoreLine hidden={problems.length - SHOWN_PROBLEMS} />
    </>
  );
}
