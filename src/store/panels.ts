/**
 * The dashboard's panels, in page order. The ids name the view slots and are the values of the
 * `embed=` and `present=` link parameters, so they are part of every shared link: rename with care.
 */
export const PANEL_IDS = [
  'overview',
  'models-table',
  'training-cost',
  'gpu-hours',
  'scale',
  'co2',
  'timeline',
  'lineage',
  'seed-tables',
  'compare',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Parts of a panel that export on their own (the CO₂ view's equivalents, methods and calculator): no slot, no `embed=` link. */
export const PANEL_PARTS: Partial<Record<PanelId, readonly string[]>> = { co2: ['co2-equivalents', 'co2-methods', 'co2-calculator'] };

/** Every exported figure, in page order: each panel, then its parts ("Export all" writes them in this order). */
export const FIGURE_IDS: readonly string[] = PANEL_IDS.flatMap((id) => [id, ...(PANEL_PARTS[id] ?? [])]);

export function isPanelId(value: string): value is PanelId {
  return (PANEL_IDS as readonly string[]).includes(value);
}

/** The panel `step` places after (1) or before (-1) `id`, or null past either end. */
export function stepPanel(id: PanelId, step: 1 | -1): PanelId | null {
  return PANEL_IDS[PANEL_IDS.indexOf(id) + step] ?? null;
}
