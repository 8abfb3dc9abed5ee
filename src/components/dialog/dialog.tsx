import { useEffect, useId, type ReactNode, type RefObject } from 'react';
import './dialog.css';

interface DialogProps {
  /** The native <dialog>: the view calls its `close()` from its own buttons (Cancel, Done). */
  ref: RefObject<HTMLDialogElement | null>;
  /** Shown modally while true; the content renders only then. */
  open: boolean;
  /** The heading, which also names the dialog for screen readers. */
  title: string;
  closeLabel: string;
  /** After the dialog closed, by any route (×, Escape, the backdrop, or the view's own close()). */
  onClose: () => void;
  /** While true, Escape, the backdrop and × do not close it (work that must not be left half done). */
  busy?: boolean;
  /** Extra class names for the view's own rules (its width, its content). */
  className?: string;
  testId: string;
  children: ReactNode;
}

/**
 * A native modal dialog: the browser traps focus and closes it on Escape; the view returns focus
 * to its opener in `onClose`. Padding lives on the body, so a click on the <dialog> element itself
 * is a click on the backdrop, which closes it.
 */
export function Dialog({ ref, open, title, closeLabel, onClose, busy = false, className, testId, children }: DialogProps) {
  const titleId = useId();

  // Shown after the content has rendered, so showModal focuses its first field.
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) d.close();
  }, [open, ref]);

  const close = () => ref.current?.close();
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && !busy && close()}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
      data-testid={testId}
    >
      {open && (
        <div className="dialog-body">
          {/* A <div>, not <header>: inside a dialog a header would be a second banner landmark. */}
          <div className="dialog-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="dismiss" onClick={close} disabled={busy} aria-label={closeLabel}>
              ×
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
