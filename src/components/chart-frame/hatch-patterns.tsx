import { CATEGORY_COLORS, hatchId } from './palette';

/** Diagonal hatch fills, one per palette colour, for estimated values. Render inside an <svg>. */
export function HatchPatterns() {
  return (
    <defs>
      {CATEGORY_COLORS.map((c) => (
        <pattern key={c} id={hatchId(c)} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={c} fillOpacity="0.25" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="2.5" />
        </pattern>
      ))}
    </defs>
  );
}
