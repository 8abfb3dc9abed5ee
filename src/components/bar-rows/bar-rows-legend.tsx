import type { ReactNode } from 'react';
import { LegendItem } from '../chart-frame/legend-item';
import { hatchId, NEUTRAL_COLOR, STATUS_STYLE } from '../chart-frame/palette';

/*
 * Legend entries every bar-row chart shares: a category's colour, reported and estimated (in
 * neutral grey, so a status is not read as a category colour), and the family bracket. The chart
 * supplies the text, in its own words and translation keys.
 */

/** A category's colour as a reported bar shows it; extra props (`data-*`) go on the entry. */
export function ColorLegendItem({
  color,
  children,
  ...rest
}: { color: string | undefined; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <LegendItem
      width={14}
      height={12}
      swatch={<rect x="1" y="1" width="12" height="10" fill={color} fillOpacity={STATUS_STYLE.reported.fillOpacity} />}
      {...rest}
    >
      {children}
    </LegendItem>
  );
}

export function ReportedLegendItem({ children }: { children: ReactNode }) {
  return (
    <LegendItem
      width={14}
      height={12}
      swatch={
        <rect
          x="1"
          y="1"
          width="12"
          height="10"
          fill={NEUTRAL_COLOR}
          fillOpacity={STATUS_STYLE.reported.fillOpacity}
          stroke={NEUTRAL_COLOR}
        />
      }
    >
      {children}
    </LegendItem>
  );
}

export function EstimatedLegendItem({ children }: { children: ReactNode }) {
  return (
    <LegendItem
      width={14}
      height={12}
      swatch={
        <rect
          x="1"
          y="1"
          width="12"
          height="10"
          fill={`url(#${hatchId(NEUTRAL_COLOR)})`}
          stroke={NEUTRAL_COLOR}
          strokeDasharray={STATUS_STYLE.estimated.strokeDasharray}
        />
      }
    >
      {children}
    </LegendItem>
  );
}

export function FamilyLegendItem({ children }: { children: ReactNode }) {
  return (
    <LegendItem width={10} height={14} swatchClassName="family-bracket" swatch={<path d="M7 1 H3 V13 H7" />}>
      {children}
    </LegendItem>
  );
}
