import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { watchFileDrops } from './drag-files';
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
    return watchFileDrops({
      onEnter: () => void loadImportDialog().catch(() => undefined),
      accepts: () => ready,
      setDragging,
      onDrop: (file) => setOpened({ file }),
    });
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
