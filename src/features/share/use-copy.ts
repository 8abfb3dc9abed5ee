import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText } from '../../lib/clipboard';

/** idle → copied (reverts after a moment) | manual: the clipboard was unavailable or refused. */
export type CopyStatus = 'idle' | 'copied' | 'manual';

const COPIED_MS = 4000;

/** Copying with a status to announce; on `manual` the caller shows the text selected for copying by hand. */
export function useCopy() {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(async (text: string) => {
    clearTimeout(timer.current);
    const ok = await copyText(text);
    setStatus(ok ? 'copied' : 'manual');
    if (ok) timer.current = setTimeout(() => setStatus('idle'), COPIED_MS);
    return ok;
  }, []);
  const reset = useCallback(() => setStatus('idle'), []);
  return { status, copy, reset };
}

/** Focuses and selects a text field (the manual-copy fallback), so Ctrl+C / ⌘C is all that is left. */
export function selectField(field: HTMLInputElement | HTMLTextAreaElement | null): void {
  if (!field) return;
  field.focus();
  field.select();
}
