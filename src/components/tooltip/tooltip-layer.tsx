import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** What the tip describes: the pointer (a hover) or the element's box (keyboard focus). */
interface Tip {
  text: string;
  pointer: { x: number; y: number } | null;
  box: { left: number; top: number; right: number; bottom: number };
}

/** Space between the tip and the pointer or the element, and the tip and the screen's edges. */
const GAP = 12;
const EDGE = 8;

/**
 * Where the tip goes, given its size: beside the pointer (to its right, level with it; to its left
 * near the right edge), so it never lies over the row labels of a chart (they are at the left) nor
 * over the hovered row's neighbours there. For keyboard focus: right of the element if it fits,
 * else under it (above it near the bottom).
 */
export function placeTip(tip: Tip, w: number, h: number, vw: number, vh: number): { left: number; top: number } {
  const clampY = (y: number) => Math.min(Math.max(EDGE, y), Math.max(EDGE, vh - h - EDGE));
  const clampX = (x: number) => Math.min(Math.max(EDGE, x), Math.max(EDGE, vw - w - EDGE));
  if (tip.pointer) {
    const { x, y } = tip.pointer;
    const right = x + GAP;
    const left = right + w <= vw - EDGE ? right : x - GAP - w;
    return { left: clampX(left), top: clampY(y - h / 2) };
  }
  const { box } = tip;
  if (box.right + GAP + w <= vw - EDGE) return { left: box.right + GAP, top: clampY(box.top) };
  const below = box.bottom + 6;
  return { left: clampX(box.left), top: below + h <= vh - EDGE ? below : Math.max(EDGE, box.top - 6 - h) };
}

/**
 * One tooltip for the whole page: any element with `data-tip` shows it on hover and on keyboard
 * focus. It is fixed-positioned at page level, so tooltips inside scrolling tables are never
 * clipped. Screen readers get the same text from the element itself (aria-label or hidden text).
 */
export function TooltipLayer() {
  const [tip, setTip] = useState<Tip | null>(null);
  const current = useRef<Element | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const show = (target: EventTarget | null, pointer: Tip['pointer']) => {
      const el = target instanceof Element ? target.closest('[data-tip]') : null;
      const text = el?.getAttribute('data-tip');
      if (!el || !text) return;
      current.current = el;
      const r = el.getBoundingClientRect();
      setTip({ text, pointer, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
    };
    const hide = (target: EventTarget | null) => {
      if (target instanceof Element && current.current && (target === current.current || current.current.contains(target))) {
        current.current = null;
        setTip(null);
      }
    };
    const onOver = (e: MouseEvent) => show(e.target, { x: e.clientX, y: e.clientY });
    // The tip follows the pointer across its element (one update per frame).
    let frame = 0;
    const onMove = (e: MouseEvent) => {
      if (!current.current || frame) return;
      const { clientX: x, clientY: y } = e;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setTip((prev) => (prev?.pointer ? { ...prev, pointer: { x, y } } : prev));
      });
    };
    const onOut = (e: MouseEvent) => hide(e.target);
    const onFocus = (e: FocusEvent) => show(e.target, null);
    const onBlur = (e: FocusEvent) => hide(e.target);
    const onKey = (e: KeyboardEvent) => {
      // Dismissed until the pointer or focus moves to an anchor again (a later scroll must not bring it back).
      if (e.key === 'Escape') {
        current.current = null;
        setTip(null);
      }
    };
    // Scrolling (including the scroll that focusing causes) moves a focus tip with its element.
    const onScroll = () => {
      const el = current.current;
      if (!el) return;
      const r = el.getBoundingClientRect();
      setTip((prev) => (prev && !prev.pointer ? { ...prev, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } } : prev));
    };
    document.addEventListener('mouseover', onOver);
    document.addEventListener('mousemove', onMove);
    document.addEventListener('mouseout', onOut);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('mouseover', onOver);
      document.removeEventListener('mousemove', onMove);
      document.removeEventListener('mouseout', onOut);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, []);

  // Placed once its size is known, before it is painted.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !tip) return;
    const { width, height } = el.getBoundingClientRect();
    const { left, top } = placeTip(tip, width, height, window.innerWidth, window.innerHeight);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    el.style.visibility = 'visible';
  }, [tip]);

  if (!tip) return null;
  return (
    <div className="tooltip" role="tooltip" data-testid="tooltip" ref={ref} style={{ left: 0, top: 0, visibility: 'hidden' }}>
      {tip.text}
    </div>
  );
}
