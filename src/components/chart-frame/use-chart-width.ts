import type { RefObject } from 'react';
import { useAppStore } from '../../store';
import { useMeasuredWidth, type MeasuredWidth } from '../../lib/use-element-width';

/**
 * The width (CSS px) a chart gets on paper: A4 portrait, 210 mm, less print.css's 12 mm page
 * margins is 186 mm ≈ 703 px, less a panel's print padding and border (2 × 11 px). Letter is
 * wider, so a chart this wide fits both.
 */
export const PRINT_WIDTH = 680;

/**
 * The width to draw a chart at: its element's width, and while the page is printed no wider than
 * the paper. A chart drawn for a wide window and scaled down to the paper would print its text at
 * half size. `printing` is set within `beforeprint` (flushSync), so this applies before the
 * browser lays out the printout, where a ResizeObserver would be too late.
 */
export function useChartWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  return useChartSize(ref, fallback).width;
}

/** As `useChartWidth`, and whether the width was measured yet (see `MeasuredWidth`). */
export function useChartSize(ref: RefObject<HTMLElement | null>, fallback: number): MeasuredWidth {
  const measured = useMeasuredWidth(ref, fallback);
  const printing = useAppStore((s) => s.printing);
  return printing ? { width: Math.min(measured.width, PRINT_WIDTH), measured: measured.measured } : measured;
}
