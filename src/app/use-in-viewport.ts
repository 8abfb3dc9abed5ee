import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is on screen or within `margin` of it (an IntersectionObserver root margin,
 * e.g. '50% 0px': half a screen above and below). False until the observer first answers, and
 * always false without IntersectionObserver (jsdom, old browsers).
 */
export function useInViewport(ref: RefObject<Element | null>, margin: string): boolean {
  const [inViewport, setInViewport] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        // Entries come in time order: the last one is where the element is now.
        const last = entries[entries.length - 1];
        if (last) setInViewport(last.isIntersecting);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin]);
  return inViewport;
}
