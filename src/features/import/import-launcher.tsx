import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { hasFiles } from './drag-files';
import './import.css';

/*
 * The "Import data" button as the page first loads it: the dialog, the import code and the schema
 * it validates with load on first use — a click, or a file dropped on the page — and then take over
 * (./import-dialog) carrying on with that click or file. Dragging a file over the page starts
 * loading them.
 */

const loadImportDialog = () => import('./import-dialog');
const ImportButton = lazy(() => loadImportDialog().then((m) => ({ default: m.ImportButton })));

export function ImportLauncher() {
  const { t } = useT();
  const ready = useAppStore((s) => s.datasetStatus === 'ready');
  // What started the import: null until the first use; then the dialog's own button replaces this one.
  const [opened, setOpened] = useState<{ file: File | null } | null>(null);
  const [dragging, setDragging] = useState(false);

  // Until then, a file dragged over the page is this component's: highlight, and open the dialog with it on drop.
  useEffect(() => {
    if (opened) return;
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      void loadImportDialog().catch(() => undefined);
      depth += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the file in place of the page.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = ready ? 'copy' : 'none';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file && ready) setOpened({ file });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [opened, ready]);

  const button = (busy: boolean) => (
    <button
      type="button"
      className="header-button"
      onClick={() => setOpened({ file: null })}
      disabled={!ready || busy}
      aria-busy={busy || undefined}
      aria-haspopup="dialog"
      data-testid="import-open"
    >
      {t('import.open', 'Import data')}
    </button>
  );

  if (!opened) {
    return (
      <>
        {button(false)}
        {dragging && (
          <div className="import-drag-overlay" aria-hidden="true" data-testid="import-drag-overlay">
            <p>{t('import.drop-page', 'Drop the file to import it')}</p>
          </div>
        )}
      </>
    );
  }
  return (
    <Suspense fallback={button(true)}>
      <ImportButton initial={opened.file ?? 'pick'} />
    </Suspense>
  );
}
