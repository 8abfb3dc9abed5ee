import type { ValidationProblem } from '../../data/load-dataset';
import { useT } from '../../i18n/use-t';

/** A dataset that fails validation: which records and fields, never a blank page. */
export function DatasetProblems({ problems }: { problems: ValidationProblem[] }) {
  const { t, tn } = useT();
  return (
    <section className="dataset-problems" role="alert" data-testid="dataset-problems">
      <h2>{t('dataset.invalid-title', 'The dataset could not be loaded')}</h2>
      <p>
        {tn(
          'dataset.invalid-count',
          problems.length,
          'It failed validation with {count} problem:',
          'It failed validation with {count} problems:',
        )}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dataset.record', 'Record')}</th>
            <th scope="col">{t('dataset.field', 'Field')}</th>
            <th scope="col">{t('dataset.problem', 'Problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.record}</td>
              <td>
                <code>{p.field || '—'}</code>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
