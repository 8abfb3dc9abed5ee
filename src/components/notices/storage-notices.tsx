import { useT, type Translator } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import type { Notice } from '../../store/ui-slice';

type StorageNotice = Extract<Notice, { kind: 'storage' }>;

/** Says when the browser would not keep (or give back) an imported dataset, and what that means. */
export function StorageNotices() {
  const { t } = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const shown = notices.filter((n): n is StorageNotice => n.kind === 'storage');
  if (shown.length === 0) return null;
  return (
    <div className="notices">
      {shown.map((n) => (
        <div key={n.id} className="notice" role="status" data-testid="storage-notice">
          <div>
            <strong>{titleOf(t, n)}</strong>
            <p>
              {reasonOf(t, n)}
              {n.problem.detail && <span className="muted"> ({n.problem.detail})</span>}
            </p>
          </div>
          <button type="button" className="dismiss" onClick={() => dismiss(n.id)} aria-label={t('notice.dismiss', 'Dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function titleOf(t: Translator['t'], n: StorageNotice): string {
  if (n.during === 'save') return t('storage.save-title', 'Your import is shown, but it will not survive a reload');
  if (n.during === 'clear')
    return t(
      'storage.clear-title',
      'The bundled dataset is shown, but your import could not be removed from this browser: it may come back on reload',
    );
  if (n.problem.reason === 'invalid-stored')
    return t('storage.invalid-title', 'Your earlier import no longer passes validation and was discarded; the bundled dataset is shown');
  return t('storage.load-title', 'Your earlier import could not be read back; the bundled dataset is shown');
}

function reasonOf(t: Translator['t'], n: StorageNotice): string {
  switch (n.problem.reason) {
    case 'unavailable':
      return t('storage.unavailable', 'This browser gives the page no storage (private browsing does this).');
    case 'quota':
      return t('storage.quota', 'The browser’s storage for this site is full.');
    case 'blocked':
      return t('storage.blocked', 'The browser’s storage did not answer; another tab of this dashboard may be holding it.');
    case 'failed':
      return t('storage.failed', 'The browser refused to store it.');
    case 'invalid-stored':
      return t('storage.invalid', 'Import the file again to see it.');
  }
}
