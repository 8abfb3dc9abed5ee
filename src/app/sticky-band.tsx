import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { SectionNav } from './section-nav';

/**
 * The band that stays at the top of the screen while the page scrolls: the filter bar, then the
 * links to every view. Its height is the page's `--band-height` (kept current by a
 * ResizeObserver: the bar wraps, a phone's sheet opens), which `html { scroll-padding-top }`
 * reads, so following `#training-cost` or tabbing to a control lands below the band, not under it.
 */
export function StickyBand({ views, children }: { views: { id: string; title: string; nav: string }[]; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const measure = () => {
      const h = Math.ceil(el.getBoundingClientRect().height);
      root.style.setProperty('--band-height', `${h}px`);
      setHeight(h);
    };
    // The observer's first report (after layout, before paint) gives the first height: measuring here
    // would force a layout of the whole page in the middle of the commit (100 ms+ with an Epoch release).
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--band-height');
    };
  }, []);
  return (
    <div className="sticky-band" ref={ref} data-testid="sticky-band">
      {children}
      <SectionNav views={views} bandHeight={height} />
    </div>
  );
}
