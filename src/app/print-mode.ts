import { flushSync } from 'react-dom';
import { useAppStore } from '../store';

/**
 * Tells the views when the page goes to paper, so they render what the screen leaves out (every
 * row of the virtualized explorer) and draw the charts at the paper's width, not the window's
 * (useChartWidth). `beforeprint` fires before the browser lays out the printout;
 * flushSync makes React render within that event, in time. The print media query also catches
 * emulated print media (devtools, tests) and printing that skips the events.
 */
export function startPrintMode(): () => void {
  const setPrinting = (printing: boolean) => flushSync(() => useAppStore.getState().setPrinting(printing));
  const print = window.matchMedia?.('print');
  const onBefore = () => setPrinting(true);
  const onAfter = () => setPrinting(print?.matches ?? false);
  const onMedia = (e: MediaQueryListEvent) => setPrinting(e.matches);
  window.addEventListener('beforeprint', onBefore);
  window.addEventListener('afterprint', onAfter);
  print?.addEventListener?.('change', onMedia);
  if (print?.matches) useAppStore.getState().setPrinting(true);
  return () => {
    window.removeEventListener('beforeprint', onBefore);
    window.removeEventListener('afterprint', onAfter);
    print?.removeEventListener?.('change', onMedia);
  };
}
