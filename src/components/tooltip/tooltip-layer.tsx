import { useEffect, useRef, useState } from 'react';

interface Tip {
  text: string;
  x: number;
  y: number;
  above: boolean;
}

/**
 * One tooltip for the whole page: any element with `data-tip` shows it on hover and on keyboard
 * focus. It is fixed-positioned at page level, so tooltips inside scrolling tables are never
 * clipped. Screen readers get the same text from the element itself (aria-label or hidden text).
 */
export function TooltipLayer() {
  const [tip, setTip] = useState<Tip | null>(null);
  const current = useRef<Element | null>(null);

  useEffect(() => {
    const show = (target: EventTarget | null) => {
      const el = target instanceof Element ? target.closest('[data-tip]') : null;
      const text = el?.getAttribute('data-tip');
      if (!el || !text) return;
      current.current = el;
      const r = el.getBoundingClientRect();
      const above = r.bottom + 80 > window.innerHeight;
      setTip({ text, x: Math.min(Math.max(8, r.left), window.innerWidth - 8), y: above ? r.top - 6 : r.bottom + 6, above });
    };
    const hide = (target: EventTarget | null) => {
      if (target instanceof Element && current.current && (target === current.current || current.current.contains(target))) {
        current.current = null;
        setTip(null);
      }
    };
    const onOver = (e: MouseEvent) => show(e.target);
    const onOut = (e: MouseEvent) => hide(e.target);
    const onFocus = (e: FocusEvent) => show(e.target);
    const onBlur = (e: FocusEvent) => hide(e.target);
    const onKey = (e: KeyboardEvent) => {
      // Dismissed until the pointer or focus moves to an anchor again (a later scroll must not bring it back).
      if (e.key === 'Escape') {
        current.current = null;
        setTip(null);
      }
    };
    // Scrolling (including the scroll that focusing causes) moves the tip with its anchor.
    const onScroll = () => {
      if (current.current) show(current.current);
    };
    document.addEventListener('mouseover', onOver);
    document.addEventListener('mouseout', onOut);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('mouseover', onOver);
      document.removeEventListener('mouseout', onOut);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, []);

  if (!tip) return null;
  return (
    <div
      className="tooltip"
      role="tooltip"
      data-testid="tooltip"
      style={{ left: tip.x, top: tip.y, transform: tip.above ? 'translateY(-100%)' : undefined }}
    >
      {tip.text}
    </div>
  );
}
