import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The last width any chart measured: a mounting chart starts there (the charts share one column). */
let lastWidth: number | undefined;

/**
 * The element's width, kept current with a ResizeObserver. The observer reports after layout and
 * before paint, so the width is never read while React mounts (a forced page layout per chart,
 * ≈ 20 ms each on a filter click that brings charts back); the update is flushed before the frame
 * is painted. Where there is no layout (jsdom) it stays at `fallback`, so charts still render.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(() => lastWidth ?? fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      const w = Math.floor(box ? box.inlineSize : el.getBoundingClientRect().width);
      if (w <= 0) return;
      lastWidth = w;
      flushSync(() => setWidth(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
