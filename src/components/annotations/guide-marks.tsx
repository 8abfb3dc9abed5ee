import type { PlotGuide } from '../figure/figure-annotations';
import { spreadBadges } from '../figure/plot-guides';
import { estimateGlyphWidth } from '../../lib/measure-text';
import './annotations.css';

/** The screen's strip of guide badges above a plot, in px. */
export const GUIDE_STRIP = 22;
const BADGE_FONT = 13;

/**
 * The annotations' value and date guides on a screen plot, as the exports draw them: bands and
 * dashed lines behind the marks, each badge in the strip above the plot, spread so none touch.
 * `layer` 'behind' is drawn before the marks, 'badges' anywhere after.
 */
export function GuideMarks({
  guides,
  x,
  left,
  right,
  plotTop,
  plotBottom,
  layer,
}: {
  guides: readonly PlotGuide[];
  x: (v: number) => number;
  left: number;
  right: number;
  /** The top of the rows; the strip is the GUIDE_STRIP px above it. */
  plotTop: number;
  plotBottom: number;
  layer: 'behind' | 'badges';
}) {
  if (guides.length === 0) return null;
  if (layer === 'behind')
    return (
      <g className="annotation-guides" aria-hidden="true">
        {guides.map((g) =>
          g.kind === 'band' ? (
            <rect
              key={g.badge}
              className="annotation-band"
              data-badge={g.badge}
              x={x(g.from)}
              y={plotTop}
              width={Math.max(1.5, x(g.to) - x(g.from))}
              height={Math.max(0, plotBottom - plotTop)}
            />
          ) : (
            <line key={g.badge} className="annotation-line" data-badge={g.badge} x1={x(g.at)} x2={x(g.at)} y1={plotTop} y2={plotBottom} />
          ),
        )}
      </g>
    );
  const wanted = guides.map((g) => (g.kind === 'line' ? x(g.at) : (x(g.from) + x(g.to)) / 2));
  const widths = guides.map((g) => estimateGlyphWidth(g.badge, BADGE_FONT) + 2);
  const at = spreadBadges(wanted, widths, left, right, 4);
  const baseline = plotTop - GUIDE_STRIP * 0.3;
  return (
    <g className="annotation-badges" aria-hidden="true">
      {guides.map((g, i) => (
        <g key={g.badge} data-badge={g.badge}>
          {Math.abs(at[i] - wanted[i]) > 1 && <path className="annotation-tie" d={`M${at[i]} ${baseline + 3} L${wanted[i]} ${plotTop}`} />}
          <text className="annotation-badge" x={at[i]} y={baseline} textAnchor="middle" fontSize={BADGE_FONT}>
            {g.badge}
          </text>
        </g>
      ))}
    </g>
  );
}
