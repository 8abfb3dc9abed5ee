import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { linkTo } from '../../store/url-state';
import { pageBase, shareableUrlState } from '../../store/url-sync';
import { selectField, useCopy } from './use-copy';
import './share.css';

/**
 * "Copy link": a URL that reproduces what is on screen (the address bar already holds the state;
 * the language is always spelled out). Where the clipboard is unavailable or refuses, the link
 * appears selected in a read-only field to copy by hand.
 */
export function CopyLinkButton() {
  const { t } = useT();
  const { status, copy, reset } = useCopy();
  const [url, setUrl] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const closeFallback = () => {
    reset();
    button.current?.focus();
  };

  useEffect(() => {
    if (status === 'manual') selectField(field.current);
  }, [status, url]);

  const onClick = () => {
    const link = linkTo(pageBase(), shareableUrlState(useAppStore.getState()));
    setUrl(link);
    void copy(link);
  };

  return (
    <div className="copy-link">
      <button type="button" className="header-button" ref={button} onClick={onClick} data-testid="copy-link">
        {t('share.copy-link', 'Copy link')}
      </button>
      {/* The live region is always rendered, so its messages are announced; it shows only when it says something. */}
      <div className="copy-popover">
        <p className="copy-status" role="status" data-testid="copy-link-status">
          {status === 'copied'
            ? t('share.link-copied', 'Link copied')
            : status === 'manual'
              ? t('share.copy-refused', 'Copying is not allowed here. The link is selected: copy it by hand (Ctrl+C, ⌘C on a Mac).')
              : ''}
        </p>
        {status === 'manual' && (
          <div className="copy-fallback">
            <input
              type="text"
              readOnly
              value={url}
              ref={field}
              onFocus={(e) => e.currentTarget.select()}
              onKeyDown={(e) => e.key === 'Escape' && closeFallback()}
              aria-label={t('share.link-label', 'Link to this view')}
              data-testid="copy-link-field"
            />
            <button type="button" className="dismiss" onClick={closeFallback} aria-label={t('share.close', 'Close')}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
