import type { ReactNode } from 'react';

/**
 * A chart's plot, kept mounted but hidden while the filters leave nothing to draw: it is given its
 * last drawing (lib/use-last-non-empty.ts), so the click that brings rows back updates it, or
 * redraws nothing, instead of mounting recharts again. Nothing until there has been a drawing.
 */
export function KeptPlot({ drawn, empty, children }: { drawn: boolean; empty: boolean; children: ReactNode }) {
  if (!drawn) return null;
  return (
    <div className="chart-retained" hidden={empty}>
      {children}
    </div>
  );
}
