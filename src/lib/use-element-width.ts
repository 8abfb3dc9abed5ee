import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The last width any chart measured: a mounting chart starts there (the charts share one column). */
let lastWidth: number | undefined;

/**
 * The column's width measured before the app mounts (start.tsx, from the build’s copy of the first
 * screen): the first charts draw at it in the app's first frame, instead of an empty box first.
 */
export function seedMeasuredWidth(width: number): void {
  if (width > 0) lastWidth = Math.floor(width);
}

export interface MeasuredWidth {
  width: number;
  /**
   * False only before the first measurement of the first chart on the page (no chart has been
   * measured yet and a ResizeObserver will report): drawing then would draw at `fallback` and
   * again at the real width a frame later.
   */
  measured: boolean;
}

/**
 * The element's width, kept current with a ResizeObserver. The observer reports after layout and
 * before paint, so the width is never read while React mounts (that would force a page layout per
 * chart on a filter click that brings charts back); the update is flushed before the frame
 * is painted. Where there is no layout (jsdom) it stays at `fallback`, so charts still render.
 */
export function useMeasuredWidth(ref: RefObject<HTMLElement | null>, fallback: number): MeasuredWidth {
  const [state, setState] = useState<MeasuredWidth>(() =>
    lastWidth !== undefined ? { width: lastWidth, measured: true } : { width: fallback, measured: typeof ResizeObserver === 'undefined' },
  );
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      const w = Math.floor(box ? box.inlineSize : el.getBoundingClientRect().width);
      if (w <= 0) return;
      lastWidth = w;
      flushSync(() => setState((prev) => (prev.width === w && prev.measured ? prev : { width: w, measured: true })));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return state;
}
