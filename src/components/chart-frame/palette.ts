/*
 * Colours assigned once per category, never per render. Okabe–Ito, distinguishable for the common
 * forms of colour blindness and readable on light and dark backgrounds. Status is never colour
 * alone: estimates are also hatched and dashed. The 7th is a brown instead of Okabe–Ito's yellow
 * (too pale on white); an olive there read as the orange under protanopia/deuteranopia —
 * tests/unit/colour-access.test.ts checks every pair in simulation.
 */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#994F00', '#8C8C8C'] as const;

/** Grey for what is not a category (status swatches in a legend, a colour not assigned); the palette's last colour. */
export const NEUTRAL_COLOR = '#8C8C8C';

/** A stable colour for each key, in the order the keys are given (sorted by the caller). */
export function assignColors(keys: readonly string[]): Map<string, string> {
  return new Map(keys.map((k, i) => [k, CATEGORY_COLORS[i % CATEGORY_COLORS.length]]));
}

export const STATUS_STYLE = {
  reported: { fillOpacity: 0.9, strokeDasharray: undefined },
  estimated: { fillOpacity: 0.35, strokeDasharray: '4 3' },
} as const;

/** SVG id of the hatch pattern for a colour (defined by <HatchPatterns>). */
export function hatchId(color: string): string {
  return `hatch-${color.replace('#', '')}`;
}
