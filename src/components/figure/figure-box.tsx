import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FigureModel } from './figure-model';
import type { Preset } from './presets';
import { renderFigureSvg, type FigureTheme } from './render-svg';
import { useAppStore } from '../../store';

/*
 * A figure laid out for the box it is shown in — the presentation screen, an embed's frame — and
 * laid out again when the box changes size. It draws the same SVG as the exports (no scaled
 * screenshot): type grows with the box, rows and notes that do not fit say "and N more".
 */

interface Size {
  width: number;
  height: number;
}

/**
 * The box: the element's width, and the window's height below its top less what the page has
 * under it (paddings, a presentation bar's room: at least `bottom`), so nothing scrolls.
 */
function useBox(bottom: number): [React.RefObject<HTMLDivElement | null>, Size | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      const width = Math.floor(rect.width);
      const height = Math.floor(window.innerHeight - Math.max(0, rect.top + window.scrollY) - Math.max(bottom, spaceBelow(el)));
      if (width > 0)
        setSize((prev) => (prev && prev.width === width && prev.height === height ? prev : { width, height: Math.max(240, height) }));
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [bottom]);
  return [ref, size];
}

/**
 * What the page lays out under `el`: the paddings, borders and margins of its ancestors and the
 * elements after it in the flow (a fixed bar is not in the flow; the page's padding leaves it room).
 */
function spaceBelow(el: HTMLElement): number {
  let sum = 0;
  for (let node: HTMLElement | null = el; node && node !== document.body; node = node.parentElement) {
    const cs = getComputedStyle(node);
    sum += parseFloat(cs.marginBottom) || 0;
    if (node !== el) sum += (parseFloat(cs.paddingBottom) || 0) + (parseFloat(cs.borderBottomWidth) || 0);
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const position = getComputedStyle(sib).position;
      if (sib instanceof HTMLElement && position !== 'fixed' && position !== 'absolute') sum += sib.offsetHeight;
    }
  }
  return sum;
}

/** Body text size for a box: larger on a big screen, never below 12 px. */
export function boxFont(size: Size): number {
  return Math.round(Math.max(12, Math.min(24, size.width / 56, size.height / 30)) * 2) / 2;
}

/** The theme a figure drawn on the page takes: the page's, the system's when the page follows it. */
export function useFigureTheme(): FigureTheme {
  const theme = useAppStore((s) => s.theme);
  const dark =
    theme === 'dark' || (theme === 'system' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);
  return dark ? 'dark' : 'light';
}

export function FigureBox({ model, bottom, theme }: { model: FigureModel; bottom: number; theme: FigureTheme }) {
  const [ref, size] = useBox(bottom);
  const markup = useMemo(() => {
    if (!size) return null;
    const preset: Preset = { id: 'screen', width: size.width, height: size.height, scale: 1, baseFont: boxFont(size) };
    // The XML declaration is for a file; inline in HTML it would be a stray node.
    return renderFigureSvg(model, preset, { theme, minFont: 12 }).svg.replace(/^<\?xml[^>]*\?>\s*/, '');
  }, [model, size, theme]);
  return (
    <div
      ref={ref}
      className="figure-box"
      data-testid={`figure-${model.id}`}
      data-width={size?.width}
      data-height={size?.height}
      // The SVG is our own renderer's output: text escaped, presentation attributes only, no script.
      dangerouslySetInnerHTML={markup ? { __html: markup } : undefined}
    />
  );
}
