import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';

/**
 * Links to every view, in page order: each view is a fragment of the page's address
 * (`#training-cost`), so a link can point at it and Tab reaches every one. The view under the
 * sticky band is marked current (`aria-current`) while the page scrolls.
 */
/** `nav` is the link's short text; `title` the view's full title, shown on hover. */
export function SectionNav({ views, bandHeight }: { views: { id: string; title: string; nav: string }[]; bandHeight: number }) {
  const { t } = useT();
  const current = useCurrentSection(
    views.map((v) => v.id),
    bandHeight,
  );
  useLandOnFragment(views.map((v) => v.id).join(','));
  const listRef = useRef<HTMLUListElement>(null);
  // On a narrow screen the links scroll sideways: keep the current one in sight (the page itself does not move).
  useEffect(() => {
    const list = listRef.current;
    const link = current ? list?.querySelector<HTMLElement>(`a[href="#${current}"]`) : null;
    if (!list || !link || list.scrollWidth <= list.clientWidth) return;
    const l = link.offsetLeft - list.offsetLeft;
    if (l < list.scrollLeft || l + link.offsetWidth > list.scrollLeft + list.clientWidth)
      list.scrollLeft = Math.max(0, l - (list.clientWidth - link.offsetWidth) / 2);
  }, [current]);
  return (
    <nav className="section-nav" aria-label={t('nav.label', 'Views on this page')} data-testid="section-nav">
      <ul ref={listRef}>
        {views.map((v) => (
          <li key={v.id}>
            <a href={`#${v.id}`} aria-current={v.id === current ? 'location' : undefined} title={v.nav === v.title ? undefined : v.title}>
              {v.nav}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The view whose slot crosses a line a third of the way down the screen under the sticky band (an
 * IntersectionObserver on a one-pixel strip of the screen there), or null above the first view.
 */
function useCurrentSection(ids: string[], bandHeight: number): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  const key = ids.join(',');
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const slots = key
      .split(',')
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    if (slots.length === 0) return;
    // A view is current once it fills the top third of the screen below the band (its title is up there).
    const line = Math.round(bandHeight + (window.innerHeight - bandHeight) * 0.3);
    const inStrip = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) inStrip.add(e.target.id);
          else inStrip.delete(e.target.id);
        }
        // Between two views (a margin) the strip holds none: keep the last one.
        const hit = slots.find((s) => inStrip.has(s.id));
        if (hit) setCurrent(hit.id);
        else if (slots[0].getBoundingClientRect().top > line) setCurrent(null);
      },
      { rootMargin: `-${line}px 0px -${Math.max(0, window.innerHeight - line - 1)}px 0px` },
    );
    for (const s of slots) observer.observe(s);
    return () => observer.disconnect();
  }, [key, bandHeight]);
  return current;
}

/**
 * A link to a view (`…#co2`) opened afresh: the views are drawn after the data loads, too late for
 * the browser's own jump, so it is made here, and made again once every view is in (the lazy
 * ones above it may have changed height) unless the reader has scrolled meanwhile.
 */
function useLandOnFragment(key: string) {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || !key.split(',').includes(id)) return;
    const land = () => document.getElementById(id)?.scrollIntoView({ block: 'start' });
    land();
    const views = document.querySelector('.views');
    if (!views || views.hasAttribute('data-views-ready')) return;
    let moved = false;
    const onUser = () => (moved = true);
    const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const e of events) window.addEventListener(e, onUser, { passive: true });
    const observer = new MutationObserver(() => {
      if (!views.hasAttribute('data-views-ready')) return;
      stop();
      if (!moved) land();
    });
    const stop = () => {
      observer.disconnect();
      for (const e of events) window.removeEventListener(e, onUser);
    };
    observer.observe(views, { attributes: true, attributeFilter: ['data-views-ready'] });
    return stop;
  }, [key]);
}
