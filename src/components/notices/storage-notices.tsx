import { useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { focusMain } from '../../lib/focus';
import { useAppStore } from '../../store';
import type { DatasetOffer } from '../../store/dataset-slice';
import type { Notice } from '../../store/ui-slice';

type StorageNotice = Extract<Notice, { kind: 'storage' }>;

/**
 * Says when the browser would not keep (or give back) an imported dataset, and what that means;
 * and offers another dataset that became available (another tab's import, or its way back).
 */
export function StorageNotices() {
  const { t } = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const offer = useAppStore((s) => s.datasetOffer);
  const shown = notices.filter((n): n is StorageNotice => n.kind === 'storage');
  if (shown.length === 0 && !offer) return null;
  return (
    <div className="notices">
      {offer && <OfferNotice offer={offer} />}
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

function OfferNotice({ offer }: { offer: DatasetOffer }) {
  const { t, tn, locale } = useT();
  const accept = useAppStore((s) => s.acceptDatasetOffer);
  const keep = useAppStore((s) => s.dismissDatasetOffer);
  const [busy, setBusy] = useState(false);
  const title =
    offer.kind === 'bundled'
      ? t('storage.offer-bundled', 'Another tab of this dashboard went back to the bundled dataset.')
      : offer.from === 'other-tab'
        ? t('storage.offer-imported', 'Another tab of this dashboard imported {file}.', { file: offer.label.fileName })
        : t('storage.offer-stored', 'Your earlier import {file} has been read back from this browser.', { file: offer.label.fileName });
  const switchTo = async () => {
    setBusy(true);
    try {
      await accept();
    } finally {
      setBusy(false);
      // The notice and its buttons are gone with the switch: keep the keyboard on the page.
      focusMain();
    }
  };
  return (
    <div className="notice" role="status" data-testid="dataset-offer">
      <div>
        <strong>{title}</strong>
        {offer.kind === 'imported' && (
          <p>
            {[
              tn('import.banner-systems', offer.label.systems, '{count} system', '{count} systems'),
              offer.label.mode === 'merge' ? t('import.banner-merged', 'merged') : t('import.banner-replaced', 'replaced'),
              formatDateTime(offer.label.importedAt, locale),
            ].join(', ')}
          </p>
        )}
        <p className="notice-actions">
          <button type="button" onClick={switchTo} disabled={busy} data-testid="dataset-offer-switch">
            {t('storage.offer-switch', 'Switch to it')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              keep();
              focusMain();
            }}
            disabled={busy}
            data-testid="dataset-offer-keep"
          >
            {t('storage.offer-keep', 'Keep this')}
          </button>
        </p>
      </div>
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
