import { useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { focusMain } from '../../lib/focus';
import { useAppStore } from '../../store';
import './import.css';

/** Whenever the user's own data is on screen, say so, and offer the way back. */
export function ImportedBanner() {
  const { t, tn, locale } = useT();
  const origin = useAppStore((s) => s.datasetOrigin);
  const showBundled = useAppStore((s) => s.showBundledDataset);
  const [busy, setBusy] = useState(false);
  if (origin.kind !== 'imported') return null;
  const { label } = origin;
  const back = async () => {
    setBusy(true);
    try {
      await showBundled();
    } finally {
      setBusy(false);
      // This banner (and the focused button) goes away with the switch.
      focusMain();
    }
  };
  return (
    <div className="imported-banner" role="region" aria-label={t('import.banner-region', 'Imported data')} data-testid="imported-banner">
      <p>
        {t('import.banner', 'Showing your imported data:')} <strong className="imported-file">{label.fileName}</strong>{' '}
        <span className="imported-details">
          (
          {[
            tn('import.banner-systems', label.systems, '{count} system', '{count} systems'),
            label.mode === 'merge' ? t('import.banner-merged', 'merged') : t('import.banner-replaced', 'replaced'),
            formatDateTime(label.importedAt, locale),
          ].join(', ')}
          )
        </span>
      </p>
      <button type="button" className="link-button" onClick={back} disabled={busy} data-testid="back-to-bundled">
        {t('import.back-to-bundled', 'Back to the bundled dataset')}
      </button>
    </div>
  );
}
