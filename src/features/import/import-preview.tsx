import { useId, useMemo, useState, type RefObject } from 'react';
import { findConflicts, findVariantMatches, type SameModel } from '../../import/apply';
import type { PairDoubt, VariantPair } from '../../import/variant-names';
import { translateImportText } from '../../import/import-text';
import { isTooLarge, MAX_IMPORT_LABEL } from '../../import/run-import';
import type { Analysis, ConflictWinner, CsvDelimiter, ImportFormat, MergeConflict, MergeMode, OrganizationMatch } from '../../import/types';
import { formatCompact, formatFileSize, formatInteger } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { MoreLine, RowProblemTable, SHOWN_PROBLEMS } from './problem-list';

interface Props {
  file: { name: string; size: number };
  analysis: Analysis;
  heading: RefObject<HTMLHeadingElement | null>;
  onCancel: () => void;
  onImport: (mode: MergeMode, winner: ConflictWinner, sameAs: SameModel[]) => void;
}

export function formatLabel(t: Translator['t'], format: ImportFormat | 'unknown'): string {
  switch (format) {
    case 'dataset-json':
      return t('import.format.dataset-json', 'JSON — this dashboard’s full dataset');
    case 'systems-json':
      return t('import.format.systems-json', 'JSON — records exported from this dashboard');
    case 'dashboard-csv':
      return t('import.format.dashboard-csv', 'CSV exported from this dashboard');
    case 'epoch-csv':
      return t('import.format.epoch-csv', 'Epoch AI “All ML systems” CSV');
    case 'generic-csv':
      return t('import.format.generic-csv', 'CSV with known column names');
    case 'unknown':
      return t('import.format.unknown', 'Unknown format');
  }
}

function delimiterLabel(t: Translator['t'], delimiter: CsvDelimiter): string {
  switch (delimiter) {
    case ',':
      return t('import.delimiter.comma', 'comma');
    case ';':
      return t('import.delimiter.semicolon', 'semicolon');
    case '\t':
      return t('import.delimiter.tab', 'tab');
    case '|':
      return t('import.delimiter.bar', 'vertical bar');
  }
}

/** What the file holds and what importing it would do, before anything changes. */
export function ImportPreview({ file, analysis, heading, onCancel, onImport }: Props) {
  const { t, locale } = useT();
  const { report, data } = analysis;
  const current = useAppStore((s) => s.dataset);
  const [mode, setMode] = useState<MergeMode>('merge');
  // The bundled records are checked claim by claim; an import replaces them only when asked to.
  const [winner, setWinner] = useState<ConflictWinner>('current');
  const conflicts = useMemo(() => (data && current ? findConflicts(current, data) : []), [data, current]);
  const variants = useMemo(() => (data && current ? findVariantMatches(current, data, conflicts) : []), [data, current, conflicts]);
  // The user's answer per proposed pair (by imported id); unanswered pairs take their default: strong = same.
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const sameAs = variants.filter((p) => answers[p.importedId] ?? p.strength === 'strong');
  const modeName = useId();
  const winnerName = useId();
  const n = (v: number) => formatInteger(v, locale);

  const fileLine = (
    <p className="import-file-line" data-testid="import-file-line">
      <strong>{report.fileName || file.name}</strong>
      <span> · {formatLabel(t, report.format)}</span>
      <span> · {formatFileSize(report.bytes || file.size, locale)}</span>
      {report.delimiter && (
        <span data-testid="import-delimiter">
          {' · '}
          {t('import.delimiter', 'Delimiter: {delimiter}', { delimiter: delimiterLabel(t, report.delimiter) })}
        </span>
      )}
    </p>
  );

  if (report.fatal || !data) {
    return (
      <div className="import-step" data-testid="import-fatal">
        <h3 ref={heading} tabIndex={-1}>
          {t('import.fatal', 'This file cannot be imported')}
        </h3>
        {fileLine}
        <p className="import-error" role="alert" data-testid="import-fatal-reason">
          {isTooLarge(file)
            ? t('import.too-large', 'The file is {size}; files over {limit} are not read.', {
                size: formatFileSize(file.size, locale),
                limit: MAX_IMPORT_LABEL,
              })
            : report.fatal
              ? translateImportText(t, report.fatal)
              : t('import.nothing', 'Nothing in the file could be imported.')}
        </p>
        <Warnings warnings={report.warnings} />
        {/* The rows the message names. */}
        <RowProblemTable title={t('import.rejected-rows', 'Rejected rows')} problems={report.rejected} testId="import-rejected-rows" />
        <p className="muted">{t('import.unchanged', 'Nothing was changed.')}</p>
        <div className="import-actions">
          <button type="button" className="is-primary" onClick={onCancel} data-testid="import-close">
            {t('import.close', 'Close')}
          </button>
        </div>
      </div>
    );
  }

  const importable = data.systems.length > 0;
  const currentCount = current?.systems.length ?? 0;
  const resultCount = mode === 'replace' ? data.systems.length : currentCount + data.systems.length - conflicts.length - sameAs.length;

  return (
    <div className="import-step" data-testid="import-preview">
      <h3 ref={heading} tabIndex={-1}>
        {t('import.preview', 'What the file holds')}
      </h3>
      {fileLine}
      <dl className="import-counts" data-testid="import-counts">
        <div>
          <dt>{t('import.rows-read', 'Rows read')}</dt>
          <dd data-testid="import-rows-read">{n(report.rowsRead)}</dd>
        </div>
        <div>
          <dt>{t('import.valid', 'Valid')}</dt>
          <dd data-testid="import-valid">{n(report.valid)}</dd>
        </div>
        <div>
          <dt>{t('import.rejected', 'Rejected')}</dt>
          <dd data-testid="import-rejected">{n(report.rejected.length)}</dd>
        </div>
        <div>
          <dt>{t('import.field-problems', 'Values dropped')}</dt>
          <dd data-testid="import-field-problems">{n(report.fieldProblems.length)}</dd>
        </div>
      </dl>
      <Warnings warnings={report.warnings} />
      <RowProblemTable title={t('import.rejected-rows', 'Rejected rows')} problems={report.rejected} testId="import-rejected-rows" />
      <RowProblemTable
        title={t('import.field-problems-title', 'Values dropped from rows that were kept')}
        problems={report.fieldProblems}
        testId="import-field-problem-rows"
      />
      <Columns mapped={report.mapped} ignored={report.ignored} />
      {report.organizations && <Organizations match={report.organizations} />}

      {importable ? (
        <>
          <fieldset className="import-choice">
            <legend>{t('import.what-to-do', 'What to do with it')}</legend>
            <label>
              <input
                type="radio"
                name={modeName}
                value="merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
                data-testid="import-mode-merge"
              />
              <span>
                {t('import.merge', 'Merge with the current data')}
                <span className="muted import-choice-note">
                  {t('import.merge-note', 'Adds the imported systems to the {systems} shown now.', { systems: n(currentCount) })}
                </span>
              </span>
            </label>
            <label>
              <input
                type="radio"
                name={modeName}
                value="replace"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
                data-testid="import-mode-replace"
              />
              <span>
                {t('import.replace', 'Replace the current data')}
                <span className="muted import-choice-note">
                  {t('import.replace-note', 'Shows only the imported systems; the bundled dataset stays one click away.')}
                </span>
              </span>
            </label>
          </fieldset>
          {mode === 'merge' && (
            <>
              <Conflicts conflicts={conflicts} alsoSame={sameAs.length} winner={winner} onWinner={setWinner} name={winnerName} />
              <VariantPairs
                pairs={variants}
                isSame={(p) => answers[p.importedId] ?? p.strength === 'strong'}
                onAnswer={(p, same) => setAnswers((a) => ({ ...a, [p.importedId]: same }))}
              />
            </>
          )}
          <p className="import-outcome" data-testid="import-outcome">
            {t('import.outcome', 'After the import the dashboard shows {systems} systems.', { systems: n(resultCount) })}
          </p>
        </>
      ) : (
        <p className="import-error" role="alert">
          {t('import.nothing', 'Nothing in the file could be imported.')}
        </p>
      )}
      <div className="import-actions">
        <button type="button" onClick={onCancel} data-testid="import-cancel">
          {t('import.cancel', 'Cancel')}
        </button>
        <button
          type="button"
          className="is-primary"
          disabled={!importable}
          onClick={() =>
            onImport(mode, winner, mode === 'merge' ? sameAs.map(({ importedId, currentId }) => ({ importedId, currentId })) : [])
          }
          data-testid="import-confirm"
        >
          {t('import.confirm', 'Import')}
        </button>
      </div>
    </div>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  const { t } = useT();
  if (warnings.length === 0) return null;
  return (
    <section className="import-section import-warnings" data-testid="import-warnings">
      <h4>{t('import.warnings', 'Warnings')}</h4>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{translateImportText(t, w)}</li>
        ))}
      </ul>
    </section>
  );
}

/** Most unmatched organization names listed; the rest are counted. */
const LISTED_NEW_ORGANIZATIONS = 50;

/**
 * How the file's organizations meet the registry: names it knows go under their organization (and
 * roll up to its parent); the others become organizations of their own, listed here first.
 */
function Organizations({ match }: { match: OrganizationMatch }) {
  const { t, locale } = useT();
  const n = (v: number) => formatInteger(v, locale);
  const title = t('import.organizations', 'Organizations');
  const listed = match.unmatched.slice(0, LISTED_NEW_ORGANIZATIONS);
  return (
    <section className="import-section" data-testid="import-organizations">
      <h4>
        {title} <span className="import-count">({n(match.named)})</span>
      </h4>
      <p data-testid="import-organizations-summary">
        {t(
          'import.organizations-summary',
          '{matched} of {named} names are known organizations; {unmatched} will be organizations of their own.',
          {
            matched: n(match.matched),
            named: n(match.named),
            unmatched: n(match.unmatched.length),
          },
        )}
      </p>
      {listed.length > 0 && (
        <>
          <div
            className="import-scroll"
            role="region"
            aria-label={t('import.organizations-new', 'Names no known organization has')}
            tabIndex={0}
          >
            <table className="import-table" data-testid="import-organizations-new">
              <thead>
                <tr>
                  <th scope="col">{t('import.col-organization-name', 'Name in the file')}</th>
                  <th scope="col">{t('import.col-organization-systems', 'Systems')}</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((u) => (
                  <tr key={u.name}>
                    <td>{u.name}</td>
                    <td>{n(u.systems)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {match.unmatched.length > listed.length && (
            <p className="muted">
              {t('import.organizations-more', '…and {more} more.', { more: n(match.unmatched.length - listed.length) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Columns({ mapped, ignored }: Pick<Analysis['report'], 'mapped' | 'ignored'>) {
  const { t, locale } = useT();
  if (mapped.length === 0 && ignored.length === 0) return null;
  const title = t('import.columns-mapped', 'Columns used');
  const ignoredTitle = t('import.columns-ignored', 'Columns ignored');
  return (
    <section className="import-section" data-testid="import-columns">
      {mapped.length > 0 && (
        <>
          <h4>
            {title} <span className="import-count">({formatInteger(mapped.length, locale)})</span>
          </h4>
          <div className="import-scroll" role="region" aria-label={title} tabIndex={0}>
            <table className="import-table" data-testid="import-mapped">
              <thead>
                <tr>
                  <th scope="col">{t('import.col-column', 'Column in the file')}</th>
                  <th scope="col">{t('import.col-fills', 'Fills the field')}</th>
                </tr>
              </thead>
              <tbody>
                {mapped.map((m) => (
                  <tr key={`${m.column}→${m.field}`}>
                    <td>{m.column}</td>
                    <td>
                      <code>{translateImportText(t, m.field)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {ignored.length > 0 && (
        <>
          <h4>
            {ignoredTitle} <span className="import-count">({formatInteger(ignored.length, locale)})</span>
          </h4>
          {/* It scrolls when long: a focusable, named region, so a keyboard can scroll it too. */}
          <p className="import-ignored" role="region" aria-label={ignoredTitle} tabIndex={0} data-testid="import-ignored">
            {ignored.join(' · ')}
          </p>
        </>
      )}
    </section>
  );
}

function Conflicts({
  conflicts,
  alsoSame,
  winner,
  onWinner,
  name,
}: {
  conflicts: MergeConflict[];
  /** Variant-name pairs answered "same": the winner choice applies to them too. */
  alsoSame: number;
  winner: ConflictWinner;
  onWinner: (w: ConflictWinner) => void;
  name: string;
}) {
  const { t, tn } = useT();
  if (conflicts.length === 0) {
    return (
      <>
        <p className="muted" data-testid="import-no-conflicts">
          {t('import.no-conflicts', 'No imported system is already in the current data.')}
        </p>
        {alsoSame > 0 && <WinnerChoice winner={winner} onWinner={onWinner} name={name} />}
      </>
    );
  }
  const title = tn('import.conflicts', conflicts.length, '{count} system is in both', '{count} systems are in both');
  const kept = winner === 'imported' ? t('import.kept-imported', 'imported record') : t('import.kept-current', 'current record');
  return (
    <section className="import-section" data-testid="import-conflicts">
      <h4>{title}</h4>
      <WinnerChoice winner={winner} onWinner={onWinner} name={name} />
      <div className="import-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="import-table" data-testid="import-conflict-rows">
          <thead>
            <tr>
              <th scope="col">{t('import.col-name', 'Name')}</th>
              <th scope="col">{t('import.col-kept', 'Record kept')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.slice(0, SHOWN_PROBLEMS).map((c) => (
              <tr key={`${c.currentId}|${c.importedId}`}>
                <td>{c.name}</td>
                <td>{kept}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreLine hidden={conflicts.length - SHOWN_PROBLEMS} />
    </section>
  );
}

function WinnerChoice({ winner, onWinner, name }: { winner: ConflictWinner; onWinner: (w: ConflictWinner) => void; name: string }) {
  const { t } = useT();
  return (
    <fieldset className="import-choice">
      <legend>{t('import.winner', 'For these, which record is kept?')}</legend>
      <label>
        <input
          type="radio"
          name={name}
          value="imported"
          checked={winner === 'imported'}
          onChange={() => onWinner('imported')}
          data-testid="import-winner-imported"
        />
        <span>{t('import.winner-imported', 'The imported record wins')}</span>
      </label>
      <label>
        <input
          type="radio"
          name={name}
          value="current"
          checked={winner === 'current'}
          onChange={() => onWinner('current')}
          data-testid="import-winner-current"
        />
        <span>{t('import.winner-current', 'Keep the current record')}</span>
      </label>
    </fieldset>
  );
}

function doubtText(d: PairDoubt, t: Translator['t'], locale: Translator['locale']): string {
  return d.kind === 'sizes'
    ? t('import.variant-doubt-sizes', 'sizes differ ({imported} vs {current})', {
        imported: formatCompact(d.imported, locale),
        current: formatCompact(d.current, locale),
      })
    : t('import.variant-doubt-dates', 'released {days} days apart', { days: formatInteger(d.days, locale) });
}

/**
 * Imported systems that look like a current one under another name ("BLOOM-176B" ≈ BLOOM-175B).
 * Each asks: the same model (merged into the current record, its id kept) or a different one (both
 * kept)? Strong matches start as "same", weak ones — a size or date that disagrees — as "different".
 */
function VariantPairs({
  pairs,
  isSame,
  onAnswer,
}: {
  pairs: VariantPair[];
  isSame: (p: VariantPair) => boolean;
  onAnswer: (p: VariantPair, same: boolean) => void;
}) {
  const { t, tn, locale } = useT();
  const groupName = useId();
  if (pairs.length === 0) return null;
  // Also each cell's label on a phone, where the rows are laid out as cards (import.css).
  const colFile = t('import.col-variant-file', 'In the file');
  const colCurrent = t('import.col-variant-current', 'In the current data');
  const colMatch = t('import.col-variant-match', 'Match');
  const colSame = t('import.col-variant-same', 'Same model?');
  const title = tn(
    'import.variants',
    pairs.length,
    '{count} system may be in both under another name',
    '{count} systems may be in both under another name',
  );
  return (
    <section className="import-section" data-testid="import-variants">
      <h4>{title}</h4>
      <p className="muted">
        {t(
          'import.variants-note',
          '“Same” merges the imported row into the current model (its id and links are kept; whose figures are kept follows the choice above). “Different” keeps both.',
        )}
      </p>
      <div className="import-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="import-table import-variant-table" data-testid="import-variant-rows">
          <thead>
            <tr>
              <th scope="col">{colFile}</th>
              <th scope="col">{colCurrent}</th>
              <th scope="col">{colMatch}</th>
              <th scope="col">{colSame}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => {
              const same = isSame(p);
              const name = `${groupName}-${p.importedId}`;
              return (
                <tr key={p.importedId} data-testid="import-variant-row" data-imported-id={p.importedId} data-current-id={p.currentId}>
                  <td data-label={colFile}>{p.importedName}</td>
                  <td data-label={colCurrent}>{p.currentName}</td>
                  <td data-label={colMatch} data-strength={p.strength}>
                    {p.strength === 'strong'
                      ? t('import.variant-strong', 'strong')
                      : t('import.variant-weak', 'weak: {why}', { why: p.doubts.map((d) => doubtText(d, t, locale)).join('; ') })}
                  </td>
                  <td data-label={colSame}>
                    <span
                      className="import-variant-choice"
                      role="radiogroup"
                      aria-label={t('import.variant-question', '{imported} and {current}: the same model?', {
                        imported: p.importedName,
                        current: p.currentName,
                      })}
                    >
                      <label>
                        <input
                          type="radio"
                          name={name}
                          checked={same}
                          onChange={() => onAnswer(p, true)}
                          data-testid="import-variant-same"
                        />
                        {t('import.variant-same', 'Same')}
                      </label>
                      <label>
                        <input
                          type="radio"
                          name={name}
                          checked={!same}
                          onChange={() => onAnswer(p, false)}
                          data-testid="import-variant-different"
                        />
                        {t('import.variant-different', 'Different')}
                      </label>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
