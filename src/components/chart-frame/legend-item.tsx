import type { HTMLAttributes, ReactNode } from 'react';
import './chart-frame.css';

type Props = {
  /** The swatch's SVG content, drawn in a `width` × `height` box. */
  swatch: ReactNode;
  width: number;
  height: number;
  swatchClassName?: string;
  className?: string;
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLSpanElement>, 'className' | 'children'>;

/** One legend entry: a small SVG swatch (hidden from screen readers) and its text. */
export function LegendItem({ swatch, width, height, swatchClassName, className = 'legend-item', children, ...rest }: Props) {
  return (
    <span className={className} {...rest}>
      <svg width={width} height={height} aria-hidden="true" className={swatchClassName}>
        {swatch}
      </svg>
      {children}
    </span>
  );
}
