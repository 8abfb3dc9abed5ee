import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import type { UrlProblem } from '../../store/url-state';

/** Says which link parameters were ignored and why; the rest of the view still applies. */
export function UrlNotices() {
  const { t } = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  // Storage notices (an import that will not survive a reload) have their own component.
  const shown = notices.filter((n) => n.kind === 'url-problems');
  if (shown.length === 0) return null;
  return (
    <div className="notices">
      {shown.map((n) => (
        <div key={n.id} className="notice" role="status" data-testid="url-notice">
          <div>
            <strong>{t('notice.url-title', 'Some settings in the link were ignored')}</strong>
            <ul>
              {n.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.param}</code> = <code>{p.value}</code>: {reasonText(t, p)}
                </li>
              ))}
            </ul>
            <p className="muted">{t('notice.url-fallback', 'The defaults are used instead; everything else in the link applies.')}</p>
          </div>
          <button type="button" className="dismiss" onClick={() => dismiss(n.id)} aria-label={t('notice.dismiss', 'Dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function reasonText(t: (key: string, english: string) => string, p: UrlProblem): string {
  switch (p.reason) {
    case 'unknown-value':
      return t('notice.reason.unknown', 'not a known value');
    case 'malformed':
      return t('notice.reason.malformed', 'not in the expected format');
    case 'too-long':
      return t('notice.reason.too-long', 'too long');
    case 'too-many':
      return t('notice.reason.too-many', 'too many values');
    case 'range-reversed':
      return t('notice.reason.range-reversed', 'start is after end');
    case 'duplicate':
      return t('notice.reason.duplicate', 'given more than once');
  }
}
