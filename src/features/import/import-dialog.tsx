import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { SameModel } from '../../import/apply';
import { isImportCancelled, MAX_IMPORT_LABEL, runApply, runImport } from '../../import/run-import';
import type { Analysis, MergeMode, ConflictWinner } from '../../import/types';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { Dialog } from '../../components/dialog/dialog';
import { useAppStore } from '../../store';
import { ImportPreview } from './import-preview';
import { ProblemList } from './problem-list';
import { watchFileDrops } from './drag-files';
import './import.css';

/*
 * "Import data": a native modal dialog (focus trapped, Escape closes, focus returns to the
 * button) that reads a file, shows what it holds and what would change, and applies it only on
 * confirmation. Closing it at any step leaves the dataset as it was. A file dropped anywhere on
 * the page opens it with that file.
 */

export const IMPORT_ACCEPT = '.csv,.json,.tsv,text/csv,application/json,text/tab-separated-values';

interface FileInfo {
  name: string;
  size: number;
}

interface PreviewStep {
  kind: 'preview';
  file: FileInfo;
  analysis: Analysis;
}

type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string; done: number; total: number }
  | PreviewStep
  | { kind: 'applying'; file: FileInfo }
  /** Applied and on screen; the stored copy is being written (a reload now would lose it). */
  | { kind: 'saving'; file: FileInfo }
  | {
      kind: 'done';
      fileName: string;
      mode: MergeMode;
      added: number;
      replaced: number;
      kept: number;
      systems: number;
      /** The stored copy is committed, so a reload brings it back; false: the browser refused to keep it. */
      stored: boolean;
    }
  | { kind: 'failed'; problems: string[]; preview: PreviewStep | null };

interface ImportButtonProps {
  /**
   * What opened the dialog before its code had loaded (./import-launcher): a click (`'pick'`) or a
   * dropped file. The dialog opens with it once mounted.
   */
  initial?: File | 'pick';
}

export function ImportButton({ initial }: ImportButtonProps = {}) {
  const { t } = useT();
  const ready = useAppStore((s) => s.datasetStatus === 'ready');
  const [step, setStep] = useState<Step | null>(null);
  const [dragging, setDragging] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const reading = useRef<AbortController | null>(null);
  const applying = useRef<AbortController | null>(null);

  const stopWork = useCallback(() => {
    reading.current?.abort();
    reading.current = null;
    applying.current?.abort();
    applying.current = null;
  }, []);

  const start = useCallback(
    (file: File) => {
      stopWork();
      const ctrl = new AbortController();
      reading.current = ctrl;
      setStep({ kind: 'reading', fileName: file.name, done: 0, total: 0 });
      const info = { name: file.name, size: file.size };
      runImport(file, {
        signal: ctrl.signal,
        onProgress: (done, total) => {
          if (!ctrl.signal.aborted) setStep((s) => (s?.kind === 'reading' ? { ...s, done, total } : s));
        },
      }).then(
        (analysis) => {
          if (ctrl.signal.aborted) return;
          reading.current = null;
          setStep({ kind: 'preview', file: info, analysis });
        },
        (err: unknown) => {
          if (ctrl.signal.aborted || isImportCancelled(err)) return;
          reading.current = null;
          setStep({ kind: 'failed', problems: [err instanceof Error ? err.message : String(err)], preview: null });
        },
      );
    },
    [stopWork],
  );

  // The click or drop that loaded this code: carried on once (a timer, so StrictMode's remount runs it once too).
  const pending = useRef(initial);
  useEffect(() => {
    const first = pending.current;
    if (!first) return;
    const timer = setTimeout(() => {
      pending.current = undefined;
      if (first === 'pick') setStep({ kind: 'pick' });
      else start(first);
    });
    return () => clearTimeout(timer);
  }, [start]);

  // Each new step takes focus at its heading, so a screen reader hears what changed and Tab starts there.
  const stepKind = step?.kind;
  useEffect(() => {
    if (stepKind && stepKind !== 'pick') heading.current?.focus();
  }, [stepKind]);

  // A file dragged over the page: highlight, and open the dialog with it on drop.
  useEffect(
    () =>
      watchFileDrops({
        accepts: () => ready,
        setDragging,
        // Not while an import is being applied.
        onDrop: (file) => applying.current === null && start(file),
      }),
    [ready, start],
  );

  // Stop a running read if the button goes away (e.g. entering presentation mode).
  useEffect(() => stopWork, [stopWork]);

  const close = () => dialog.current?.close();
  const onClosed = () => {
    stopWork();
    setStep(null);
    opener.current?.focus();
  };

  const onImport = (preview: PreviewStep, mode: MergeMode, winner: ConflictWinner, sameAs: SameModel[]) => {
    const data = preview.analysis.data;
    if (!data) return;
    setStep({ kind: 'applying', file: preview.file });
    // The dataset now, not the one when the preview opened (nothing else can change it meanwhile, but be exact).
    const current = useAppStore.getState().dataset;
    if (!current) {
      setStep({ kind: 'failed', problems: ['No dataset is loaded.'], preview });
      return;
    }
    const ctrl = new AbortController();
    applying.current = ctrl;
    runApply({ current, data, mode, winner, sameAs }, ctrl.signal).then(
      (result) => {
        if (ctrl.signal.aborted) return;
        applying.current = null;
        if (!result.ok) {
          setStep({ kind: 'failed', problems: result.problems, preview });
          return;
        }
        const systems = result.dataset.systems.length;
        const saving: Step = { kind: 'saving', file: preview.file };
        setStep(saving);
        void useAppStore
          .getState()
          .showImportedDataset(result.dataset, { fileName: preview.file.name, importedAt: new Date().toISOString(), mode, systems })
          .then((saved) =>
            // Only if the dialog still waits for this write (closing it does not undo the import).
            setStep((s) =>
              s === saving
                ? {
                    kind: 'done',
                    fileName: preview.file.name,
                    mode,
                    added: result.added,
                    replaced: result.replaced,
                    kept: result.kept,
                    systems,
                    stored: saved.ok,
                  }
                : s,
            ),
          );
      },
      (err: unknown) => {
        if (ctrl.signal.aborted || isImportCancelled(err)) return;
        applying.current = null;
        setStep({ kind: 'failed', problems: [err instanceof Error ? err.message : String(err)], preview });
      },
    );
  };

  return (
    <>
      <button
        type="button"
        className="header-button"
        ref={opener}
        onClick={() => setStep({ kind: 'pick' })}
        disabled={!ready}
        aria-haspopup="dialog"
        data-testid="import-open"
      >
        {t('import.open', 'Import data')}
      </button>
      {dragging && !step && (
        <div className="import-drag-overlay" aria-hidden="true" data-testid="import-drag-overlay">
          <p>{t('import.drop-page', 'Drop the file to import it')}</p>
        </div>
      )}
      <Dialog
        ref={dialog}
        open={step !== null}
        title={t('import.title', 'Import data')}
        closeLabel={t('import.close', 'Close')}
        onClose={onClosed}
        // The merge runs in one go once started: Escape, × and the backdrop wait for it rather than leave a half state.
        busy={step?.kind === 'applying'}
        className="import-dialog"
        testId="import-dialog"
      >
        {step && (
          <StepView
            step={step}
            heading={heading}
            dragging={dragging}
            onFile={start}
            onCancel={close}
            onImport={onImport}
            onBack={(p) => setStep(p)}
          />
        )}
      </Dialog>
    </>
  );
}

interface StepProps {
  step: Step;
  heading: RefObject<HTMLHeadingElement | null>;
  dragging: boolean;
  onFile: (file: File) => void;
  onCancel: () => void;
  onImport: (preview: PreviewStep, mode: MergeMode, winner: ConflictWinner, sameAs: SameModel[]) => void;
  onBack: (preview: PreviewStep) => void;
}

function StepView({ step, heading, dragging, onFile, onCancel, onImport, onBack }: StepProps) {
  const { t, locale } = useT();
  const inputId = useId();
  switch (step.kind) {
    case 'pick':
      return (
        <div className="import-step" data-testid="import-pick">
          <p className="muted">
            {t(
              'import.intro',
              'Bring your own data: a CSV or JSON file exported from this dashboard, Epoch AI’s “All ML systems” CSV, or any CSV whose column names match the dashboard’s fields. Nothing changes until you confirm, and the file stays in your browser.',
            )}
          </p>
          <div className={`import-drop${dragging ? ' is-dragging' : ''}`} data-testid="import-drop-zone">
            <p className="import-drop-text">{t('import.drop-here', 'Drop a file here, or choose one:')}</p>
            <label htmlFor={inputId} className="visually-hidden">
              {t('import.choose', 'Choose a file to import')}
            </label>
            <input
              id={inputId}
              type="file"
              accept={IMPORT_ACCEPT}
              data-testid="import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) onFile(file);
              }}
            />
            <p className="muted import-limit">{t('import.limit', 'CSV, TSV or JSON, up to {limit}.', { limit: MAX_IMPORT_LABEL })}</p>
          </div>
          <div className="import-actions">
            <button type="button" onClick={onCancel}>
              {t('import.cancel', 'Cancel')}
            </button>
          </div>
        </div>
      );
    case 'reading': {
      const progressText =
        step.total > 0
          ? t('import.progress', 'Read {done} of {total} rows', {
              done: formatInteger(step.done, locale),
              total: formatInteger(step.total, locale),
            })
          : t('import.reading-file', 'Reading the file…');
      return (
        <div className="import-step" data-testid="import-reading">
          <h3 ref={heading} tabIndex={-1}>
            {t('import.reading', 'Reading {file}', { file: step.fileName })}
          </h3>
          {step.total > 0 ? (
            <progress max={step.total} value={step.done} aria-label={progressText} />
          ) : (
            <progress aria-label={progressText} />
          )}
          <p role="status" data-testid="import-progress">
            {progressText}
          </p>
          <div className="import-actions">
            <button type="button" onClick={onCancel} data-testid="import-cancel">
              {t('import.cancel', 'Cancel')}
            </button>
          </div>
        </div>
      );
    }
    case 'preview':
      return (
        <ImportPreview
          key={step.file.name}
          file={step.file}
          analysis={step.analysis}
          heading={heading}
          onCancel={onCancel}
          onImport={(mode, winner, sameAs) => onImport(step, mode, winner, sameAs)}
        />
      );
    case 'applying':
      return (
        <div className="import-step" data-testid="import-applying">
          <h3 ref={heading} tabIndex={-1}>
            {t('import.applying', 'Applying {file}…', { file: step.file.name })}
          </h3>
          <progress aria-label={t('import.applying-label', 'Applying the import')} />
          <p role="status">{t('import.applying-note', 'Merging and checking every record; the views update when it is done.')}</p>
        </div>
      );
    case 'saving':
      return (
        <div className="import-step" data-testid="import-saving">
          <h3 ref={heading} tabIndex={-1}>
            {t('import.saving', 'Keeping {file} in this browser…', { file: step.file.name })}
          </h3>
          <progress aria-label={t('import.saving-label', 'Storing the import')} />
          <p role="status">
            {t('import.saving-note', 'The dashboard already shows it; it is being stored so that it is still here after a reload.')}
          </p>
        </div>
      );
    case 'done':
      return (
        <div className="import-step" data-testid="import-done">
          <h3 ref={heading} tabIndex={-1}>
            {t('import.done', 'Imported {file}', { file: step.fileName })}
          </h3>
          <p role="status" data-testid="import-done-summary">
            {step.mode === 'replace'
              ? t('import.done-replace', 'The dashboard now shows only the {systems} imported systems.', {
                  systems: formatInteger(step.systems, locale),
                })
              : t(
                  'import.done-merge',
                  '{added} added, {replaced} replaced by the imported record, {kept} kept as they were. The dashboard now shows {systems} systems.',
                  {
                    added: formatInteger(step.added, locale),
                    replaced: formatInteger(step.replaced, locale),
                    kept: formatInteger(step.kept, locale),
                    systems: formatInteger(step.systems, locale),
                  },
                )}
          </p>
          <p data-testid="import-done-kept">
            {step.stored
              ? t('import.done-stored', 'It is kept in this browser for your next visit.')
              : t('import.done-not-stored', 'This browser would not store it: it is kept only until this page is closed or reloaded.')}
          </p>
          <p className="muted">{t('import.done-back', 'The banner under the header takes you back to the bundled dataset at any time.')}</p>
          <div className="import-actions">
            <button type="button" className="is-primary" onClick={onCancel} data-testid="import-close">
              {t('import.close', 'Close')}
            </button>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="import-step" data-testid="import-failed">
          <h3 ref={heading} tabIndex={-1}>
            {t('import.failed', 'The import could not be applied')}
          </h3>
          <p className="import-error" role="alert">
            {t('import.failed-nothing-changed', 'Nothing was changed: the dashboard shows the same data as before.')}
          </p>
          <ProblemList problems={step.problems} />
          <div className="import-actions">
            {step.preview && (
              <button type="button" onClick={() => step.preview && onBack(step.preview)}>
                {t('import.back-to-preview', 'Back to the preview')}
              </button>
            )}
            <button type="button" className="is-primary" onClick={onCancel} data-testid="import-close">
              {t('import.close', 'Close')}
            </button>
          </div>
        </div>
      );
  }
}
