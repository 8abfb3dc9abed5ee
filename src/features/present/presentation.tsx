import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { PANEL_IDS, stepPanel, type PanelId } from '../../store/panels';
import './presentation.css';

/** Starts presentation mode at the first panel. */
export function PresentButton() {
  const { t } = useT();
  const setPresentPanel = useAppStore((s) => s.setPresentPanel);
  return (
    <button type="button" className="header-button" onClick={() => setPresentPanel(PANEL_IDS[0])} data-testid="present-start">
      {t('present.start', 'Present')}
    </button>
  );
}

/** Keys that fields, menus and dialogs use themselves: presentation mode leaves them alone there. */
function ownsKeys(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input, select, textarea, [contenteditable="true"], details[open], dialog[open]');
}

/**
 * ←/→ and PageUp/PageDown step through the panels, Home/End jump to the ends, Escape leaves.
 * Each step updates `present=` in the URL (through the store's URL sync).
 */
export function usePresentationKeys(current: PanelId | null): void {
  const setPresentPanel = useAppStore((s) => s.setPresentPanel);
  useEffect(() => {
    if (!current) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      let next: PanelId | null | undefined;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') next = stepPanel(current, 1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') next = stepPanel(current, -1);
      else if (e.key === 'Home') next = PANEL_IDS[0];
      else if (e.key === 'End') next = PANEL_IDS[PANEL_IDS.length - 1];
      else if (e.key === 'Escape') {
        e.preventDefault();
        setPresentPanel(null);
        return;
      } else return;
      e.preventDefault();
      if (next && next !== current) setPresentPanel(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, setPresentPanel]);
}

/** "3 / 9 · ← → to move · Esc to leave", with buttons for pointer and touch users. */
export function PresentationBar({ current, title }: { current: PanelId; title: string }) {
  const { t } = useT();
  const setPresentPanel = useAppStore((s) => s.setPresentPanel);
  const index = PANEL_IDS.indexOf(current);
  const prev = stepPanel(current, -1);
  const next = stepPanel(current, 1);
  return (
    <nav className="present-bar" aria-label={t('present.region', 'Presentation')} data-testid="present-bar">
      <button
        type="button"
        onClick={() => prev && setPresentPanel(prev)}
        disabled={!prev}
        aria-label={t('present.previous', 'Previous panel')}
      >
        ‹
      </button>
      <p className="present-position" aria-live="polite" data-testid="present-position">
        <span className="visually-hidden">{title}: </span>
        {t('present.position', '{position} / {panels}', { position: index + 1, panels: PANEL_IDS.length })}
        <span className="present-hint" aria-hidden="true">
          {' · '}
          {t('present.hint', '← → to move · Esc to leave')}
        </span>
      </p>
      <button type="button" onClick={() => next && setPresentPanel(next)} disabled={!next} aria-label={t('present.next', 'Next panel')}>
        ›
      </button>
      <button type="button" onClick={() => setPresentPanel(null)} data-testid="present-leave">
        {t('present.leave', 'Leave')}
      </button>
    </nav>
  );
}
