import { CATEGORY_COLORS, hatchId } from './palette';

/**
 * Diagonal hatch fills, one per palette colour, for estimated values (`url(#${hatchId(color)})`).
 * Mounted once for the whole page by the app, so every id is defined once; every chart and legend
 * swatch refers to these. The patterns use the referring element's user space, so they draw the
 * same wherever they are used. Not `display: none`, which would stop the patterns from painting.
 */
export function HatchPatterns() {
  return (
    <svg className="hatch-patterns" width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        {CATEGORY_COLORS.map((c) => (
          <pattern key={c} id={hatchId(c)} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={c} fillOpacity="0.25" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="2.5" />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
