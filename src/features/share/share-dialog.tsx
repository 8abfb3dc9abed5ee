import { useId, useRef, useState } from 'react';
import { Dialog } from '../../components/dialog/dialog';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import type { PanelId } from '../../store/panels';
import { pageBase, shareableUrlState } from '../../store/url-sync';
import { embedLink, embedSnippet, suggestedEmbedHeight } from './share-links';
import { selectField, useCopy } from './use-copy';
import './share.css';

export interface SharePanel {
  id: PanelId;
  /** The panel's title in the current language. */
  title: string;
}

/**
 * "Share / embed": a native modal dialog (focus is trapped, Escape closes, focus returns to the
 * button) listing every panel with its embed link and an iframe snippet to copy.
 */
export function ShareDialogButton({ panels }: { panels: SharePanel[] }) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [heights, setHeights] = useState<Partial<Record<PanelId, number>> | null>(null);

  const open = () => {
    // Each frame starts as tall as the panel is on this screen; the user can edit the snippet.
    const measured: Partial<Record<PanelId, number>> = {};
    for (const p of panels) measured[p.id] = document.querySelector(`.view-slot[data-view="${p.id}"]`)?.getBoundingClientRect().height;
    setHeights(measured);
  };
  const onClosed = () => {
    setHeights(null);
    opener.current?.focus();
  };

  return (
    <>
      <button type="button" className="header-button" ref={opener} onClick={open} aria-haspopup="dialog" data-testid="share-open">
        {t('share.open', 'Share / embed')}
      </button>
      <Dialog
        ref={dialog}
        open={heights !== null}
        title={t('share.title', 'Share or embed a panel')}
        closeLabel={t('share.close', 'Close')}
        onClose={onClosed}
        testId="share-dialog"
      >
        <p className="muted">
          {t(
            'share.intro',
            'Each panel can be shown alone in an iframe, in a slide deck or a web report. The links keep what is on screen now: filters, selection, scales and language.',
          )}
        </p>
        {heights && <EmbedList panels={panels} heights={heights} />}
      </Dialog>
    </>
  );
}

function EmbedList({ panels, heights }: { panels: SharePanel[]; heights: Partial<Record<PanelId, number>> }) {
  const { t } = useT();
  // Read once when the dialog opens: the modal dialog blocks changes to the page behind it.
  const [state] = useState(() => shareableUrlState(useAppStore.getState()));
  const appTitle = t('app.title', 'The LLM wave, 2020–2023');
  const base = pageBase();
  return (
    <ul className="embed-list" data-testid="embed-list">
      {panels.map((p) => {
        const url = embedLink(base, state, p.id);
        return (
          <EmbedItem
            key={p.id}
            id={p.id}
            title={p.title}
            url={url}
            snippet={embedSnippet(url, `${p.title} — ${appTitle}`, suggestedEmbedHeight(heights[p.id]))}
          />
        );
      })}
    </ul>
  );
}

function EmbedItem({ id, title, url, snippet }: { id: PanelId; title: string; url: string; snippet: string }) {
  const { t } = useT();
  const { status, copy } = useCopy();
  const code = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const onCopy = async () => {
    if (!(await copy(snippet))) selectField(code.current);
  };
  return (
    <li className="embed-item" data-panel={id} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <label className="embed-field">
        <span>{t('share.embed-link', 'Link')}</span>
        <input type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid={`embed-url-${id}`} />
      </label>
      <label className="embed-field">
        <span>{t('share.embed-code', 'Embed code')}</span>
        <textarea readOnly rows={3} value={snippet} ref={code} onFocus={(e) => e.currentTarget.select()} data-testid={`embed-code-${id}`} />
      </label>
      <div className="embed-actions">
        <button type="button" onClick={onCopy} data-testid={`embed-copy-${id}`}>
          {t('share.copy-code', 'Copy embed code')}
        </button>
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('share.preview', 'Preview')}
          <span className="visually-hidden"> ({t('share.new-tab', 'opens in a new tab')})</span>
        </a>
        <span className="embed-status" role="status">
          {status === 'copied'
            ? t('share.code-copied', 'Embed code copied')
            : status === 'manual'
              ? t('share.code-by-hand', 'Copying is not allowed here. The code is selected: copy it by hand (Ctrl+C, ⌘C on a Mac).')
              : ''}
        </span>
      </div>
    </li>
  );
}
